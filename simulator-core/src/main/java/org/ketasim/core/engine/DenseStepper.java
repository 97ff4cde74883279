package org.ketasim.core.engine;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;

/**
 * A stepper that holds the full state vector {@code x} (AUC states included, so AUCs are exact
 * integrals) and takes each interval with one propagation of the whole system: the matrix
 * exponential ({@link ExactStepper}) or an ODE integrator ({@link NumericStepper}).
 *
 * <p>A turning point inside an interval is found where the slope {@code r (A x + u)} changes from
 * positive at the interval's start to negative at its end, by Brent's method on the slope at the
 * propagated state; a second turning point within one interval is not searched. Not thread-safe.
 */
abstract sealed class DenseStepper implements Stepper permits ExactStepper, NumericStepper {

    /** Turning points are located to this fraction of their interval. */
    private static final double PEAK_ACCURACY = 1e-12;

    final LinearSystem system;
    final double[][] a;
    final int n;
    double[] x;
    double[] u;
    boolean input;
    private final double[] next;
    private double[] before;
    private double lastStep;

    DenseStepper(LinearSystem system) {
        this.system = system;
        this.a = system.matrix();
        this.n = a.length;
        this.x = new double[n];
        this.u = new double[n];
        this.next = new double[n];
        this.before = new double[n];
    }

    /**
     * Writes into {@code out} the state {@code h} after {@code from} under the current input
     * ({@link #u}, with {@link #input} false when it is zero).
     *
     * @param from a state, not modified
     * @param h    the interval (h), &gt; 0
     * @param out  the result, not {@code from}
     */
    abstract void step(double[] from, double h, double[] out);

    /** @return a new stepper of the same kind on the same system, at rest */
    abstract DenseStepper fresh();

    @Override
    public final LinearSystem system() {
        return system;
    }

    @Override
    public final void setInput(double[] rates) {
        System.arraycopy(rates, 0, u, 0, n);
        input = false;
        for (double v : u) {
            input |= v != 0;
        }
    }

    @Override
    public final void advance(double h) {
        System.arraycopy(x, 0, before, 0, n);
        lastStep = h;
        if (h > 0) {
            step(x, h, next);
            System.arraycopy(next, 0, x, 0, n);
        }
    }

    @Override
    public final void add(int state, double amountMg) {
        x[state] += amountMg;
    }

    @Override
    public final double value(Observable o) {
        return dot(system.readout(o), x);
    }

    @Override
    public final double auc(Observable o) {
        return x[system.aucIndex(o)] * LinearSystem.aucToNgHPerMl();
    }

    @Override
    public final double slope(Observable o) {
        return slope(system.readout(o), x);
    }

    private double slope(double[] r, double[] state) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (r[i] != 0) {
                double d = u[i];
                for (int j = 0; j < n; j++) {
                    d += a[i][j] * state[j];
                }
                s += r[i] * d;
            }
        }
        return s;
    }

    @Override
    public final boolean turnsInLastInterval(Observable o) {
        double[] r = system.readout(o);
        return lastStep > 0 && slope(r, x) < 0 && slope(r, before) > 0;
    }

    @Override
    public final double[] peakInLastInterval(Observable o) {
        double[] r = system.readout(o);
        double[] best = {0, dot(r, before)};
        if (!(lastStep > 0) || !(slope(r, before) > 0) || !(slope(r, x) < 0)) {
            return best;
        }
        double[] at = new double[n];
        double[] start = before.clone();
        double offset = new BrentSolver(PEAK_ACCURACY * lastStep).solve(200, s -> {
            stateAt(start, s, at);
            return slope(r, at);
        }, 0, lastStep);
        stateAt(start, offset, at);
        double inside = dot(r, at);
        return inside > best[1] ? new double[] {offset, inside} : best;
    }

    /** Writes into {@code out} the state {@code s} (h, &gt;= 0) after {@code start} under the current input. */
    private void stateAt(double[] start, double s, double[] out) {
        if (s > 0) {
            step(start, s, out);
        } else {
            System.arraycopy(start, 0, out, 0, n);
        }
    }

    @Override
    public final double[] state() {
        return x.clone();
    }

    @Override
    public final void setState(double[] state) {
        System.arraycopy(state, 0, x, 0, n);
    }

    @Override
    public final Stepper copy() {
        DenseStepper c = fresh();
        c.x = x.clone();
        c.u = u.clone();
        c.input = input;
        c.before = before.clone();
        c.lastStep = lastStep;
        return c;
    }

    private static double dot(double[] r, double[] state) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += r[i] * state[i];
        }
        return s;
    }
}
