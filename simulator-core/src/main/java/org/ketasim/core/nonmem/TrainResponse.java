package org.ketasim.core.nonmem;

import java.util.HashMap;
import java.util.Map;
import org.ketasim.core.engine.ExactStepper;
import org.ketasim.core.engine.Stepper;
import org.ketasim.core.model.LinearSystem;

/**
 * The exact response of one linear system {@code x' = A x + u} to a {@link Train}, in closed form
 * whatever the number of doses, so that a train of 100,000 overlapping infusions costs a few matrix
 * products instead of 200,000 steps.
 *
 * <p>With {@code Phi(h) = e^{Ah}}, {@code Gamma(h) = \int_0^h e^{As} ds} (both from the exact
 * stepper), {@code P = Phi(II)}, {@code S_n = sum_{k<n} P^k} and {@code U_n = sum_{k<n} S_k}, the
 * state at t due to the doses of a train that have entered by t, started from zero, is:
 * <ul>
 *   <li>boluses of a into state e, n entered, the last {@code tau} ago:
 *       {@code Phi(tau) S_n a e};</li>
 *   <li>infusions at rate r for d: of the n entered, the c that have ended, the last {@code sigma}
 *       ago, give {@code Phi(sigma) S_c Gamma(d) r e}, and the m = n - c still running, the newest
 *       started {@code tau} ago, give {@code m Gamma(tau) r e + Phi(tau) U_m Gamma(II) r e}, since
 *       {@code Gamma(tau + k II) = Gamma(tau) + Phi(tau) S_k Gamma(II)}.</li>
 * </ul>
 * {@code S_n v} and {@code U_n v} come from binary powering ({@code S_2c = S_c + P^c S_c},
 * {@code U_2c = U_c + c S_c + P^c U_c}, {@code S_c+1 = S_c + P^c}, {@code U_c+1 = U_c + S_c}): about
 * 2 log2(n) products of n-by-n matrices, every term non-negative for a compartmental system, so no
 * cancellation. Not thread-safe: one instance per simulation.
 */
final class TrainResponse {

    private final LinearSystem system;
    private final Stepper propagation;
    private final int n;
    private final double[] zero;
    private final Map<Double, double[][]> periodPropagators = new HashMap<>();

    /** @param system the system */
    TrainResponse(LinearSystem system) {
        this.system = system;
        this.propagation = new ExactStepper(system);
        this.n = system.dimension();
        this.zero = new double[n];
    }

    /** @return the system */
    LinearSystem system() {
        return system;
    }

    /**
     * @param h an interval (h), &gt;= 0
     * @param v a state
     * @return {@code Phi(h) v}, a new array
     */
    double[] phi(double h, double[] v) {
        double[] x = v.clone();
        if (h > 0) {
            propagation.propagate(x, h, zero);
        }
        return x;
    }

    /**
     * @param h an interval (h), &gt;= 0
     * @param u a constant input (mg/h per state)
     * @return {@code Gamma(h) u}, the state after h under u from zero, a new array
     */
    double[] gamma(double h, double[] u) {
        double[] x = new double[n];
        if (h > 0) {
            propagation.propagate(x, h, u);
        }
        return x;
    }

    /**
     * @param h an interval (h), &gt; 0
     * @return {@code Phi(h)} as a matrix (cached per h; do not modify)
     */
    double[][] phiMatrix(double h) {
        return periodPropagators.computeIfAbsent(h, key -> {
            double[][] m = new double[n][n];
            for (int j = 0; j < n; j++) {
                double[] unit = new double[n];
                unit[j] = 1;
                double[] column = phi(key, unit);
                for (int i = 0; i < n; i++) {
                    m[i][j] = column[i];
                }
            }
            return m;
        });
    }

    /**
     * @param train a train
     * @param t     a time (h)
     * @return the state at t due to the train's doses that have entered by t, from zero (a new array)
     */
    double[] at(Train train, double t) {
        int entered = train.entered(t);
        double[] out = new double[n];
        if (entered == 0) {
            return out;
        }
        double sinceLast = Train.elapsed(train.start(entered - 1), t);
        double[] unit = new double[n];
        if (train.bolus()) {
            unit[train.state()] = train.amountMg();
            return phi(sinceLast, sums(train.interval(), entered, unit)[0]);
        }
        unit[train.state()] = train.rateMgPerH();
        int ended = train.completed(t);
        if (ended > 0) {
            double sinceEnd = Train.elapsed(train.start(ended - 1) + train.durationH(), t);
            add(out, 1, phi(sinceEnd, sums(train.interval(), ended, gamma(train.durationH(), unit))[0]));
        }
        int running = entered - ended;
        if (running > 0) {
            add(out, running, gamma(sinceLast, unit));
        }
        if (running > 1) {
            add(out, 1, phi(sinceLast, sums(train.interval(), running, gamma(train.interval(), unit))[1]));
        }
        return out;
    }

    /**
     * @param interval the period II (h), &gt; 0 when count &gt; 1
     * @param count    n &gt;= 1
     * @param v        a state
     * @return {@code {S_n v, U_n v}}
     */
    private double[][] sums(double interval, int count, double[] v) {
        if (count == 1) {
            return new double[][] {v.clone(), new double[n]};
        }
        double[][] p = phiMatrix(interval);
        double[][] power = identity();
        double[] s = new double[n];
        double[] u = new double[n];
        long c = 0;
        for (int bit = Integer.SIZE - 1 - Integer.numberOfLeadingZeros(count); bit >= 0; bit--) {
            double[] ps = times(power, s);
            double[] pu = times(power, u);
            for (int i = 0; i < n; i++) {
                u[i] += c * s[i] + pu[i];
                s[i] += ps[i];
            }
            power = times(power, power);
            c *= 2;
            if ((count >> bit & 1) == 1) {
                double[] pv = times(power, v);
                for (int i = 0; i < n; i++) {
                    u[i] += s[i];
                    s[i] += pv[i];
                }
                power = times(power, p);
                c++;
            }
        }
        return new double[][] {s, u};
    }

    private double[][] identity() {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private double[] times(double[][] m, double[] v) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
        return out;
    }

    private double[][] times(double[][] a, double[][] b) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                if (aik != 0) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] += aik * b[k][j];
                    }
                }
            }
        }
        return out;
    }

    private static void add(double[] to, double factor, double[] v) {
        for (int i = 0; i < to.length; i++) {
            to[i] += factor * v[i];
        }
    }
}
