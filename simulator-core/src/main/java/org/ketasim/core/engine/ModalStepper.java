package org.ketasim.core.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ketasim.core.model.InputChannel;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Route;

/**
 * The modal closed-form stepper: the system's matrix, without its AUC states, is diagonalised
 * once, {@code A = V diag(lambda) V^-1} ({@link BlockEigensystem}), so every mode is a scalar
 * exponential. Under a constant input each mode is exactly
 * {@code z_k(t + h) = s_k + (z_k(t) - s_k) exp(lambda_k h)} with steady state
 * {@code s_k = -(V^-1 u)_k / lambda_k}, a concentration is {@code sum_k w_k z_k}, and its integral
 * over the interval (the AUC) is {@code sum_k w_k (s_k h + (z_k(t) - s_k) expm1(lambda_k h) /
 * lambda_k)} in closed form. A step costs a few multiply-adds per mode: this is what makes
 * populations cheap. The factors of the most recent interval lengths are kept, so a regular
 * output step needs no exponential.
 *
 * <p>A peak inside an interval, where the slope is positive at its start and negative at its end,
 * is a sign change of the slope {@code sum_k w_k lambda_k (z_k - s_k) exp(lambda_k s)}, a sum of
 * exponentials, found with {@link ExponentialSumZeros} (the rule of signs, Budan&ndash;Fourier counts
 * and Brent's method). As in the dense steppers, an interval that rises and falls twice within
 * itself is not searched (on the built-in models turning points are hours apart, output steps
 * minutes).
 *
 * <p>{@link #of} refuses systems that are not safely diagonalisable (complex, repeated or nearly
 * repeated eigenvalues, a zero eigenvalue, or an input whose modal coordinates cancel badly);
 * {@link Engine#MODAL} steps those with {@link ExactStepper}. Not thread-safe.
 */
final class ModalStepper implements Stepper {

    /** Largest accepted amplification {@code sum_k |g_k| |v_k|} of an input in the eigenbasis. */
    private static final double MAX_AMPLIFICATION = 1e8;
    /** Relative amplitude below which a mode takes no part in the search for turning points. */
    private static final double NEGLIGIBLE = 1e-12;
    /** Turning points are located to this fraction of their interval. */
    private static final double PEAK_ACCURACY = 1e-12;
    /** Golden-section steps within a region that may hold several close turning points. */
    private static final int GOLDEN_STEPS = 60;

    /**
     * What one subject's modal form shares with its copies.
     *
     * @param weights per observable (by ordinal), the concentration per unit of each mode; null
     *                where the system lacks the observable
     */
    private record Basis(LinearSystem system, int[] core, int[] aucState, double[] lambda, double[][] vectors,
                         double[][] unit, double[][] weights) {
    }

    private final Basis basis;
    private final int m;
    private double[] z;
    private double[] s;
    private double[] before;
    private final double[] auc = new double[2];
    private double lastStep;
    private double cachedH = Double.NaN;
    private double[] decay;
    private double[] integral;
    private double otherH = Double.NaN;
    private double[] otherDecay;
    private double[] otherIntegral;
    private ExponentialSumZeros zeros;
    private double preparedH = Double.NaN;
    private final double[] shift;
    private final double[] aucConstant = new double[2];
    private final double[][] aucSlope;
    private final double[] peakCoefficients;
    private final double[] peakExponents;
    private final double[] peakPowers;

    private ModalStepper(Basis basis) {
        this.basis = basis;
        this.m = basis.lambda().length;
        this.z = new double[m];
        this.s = new double[m];
        this.before = new double[m];
        this.decay = new double[m];
        this.integral = new double[m];
        this.otherDecay = new double[m];
        this.otherIntegral = new double[m];
        this.shift = new double[m];
        this.aucSlope = new double[2][m];
        this.peakCoefficients = new double[m];
        this.peakExponents = new double[m];
        this.peakPowers = new double[m];
    }

    /**
     * @param system a subject's system
     * @return its modal stepper, at rest, or empty if the system is not safely diagonalisable
     */
    static Optional<ModalStepper> of(LinearSystem system) {
        double[][] full = system.matrix();
        int[] core = IntStream.range(0, full.length).filter(j -> !system.isAuc(j)).toArray();
        int m = core.length;
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = full[core[i]][core[j]];
            }
        }
        BlockEigensystem eigen = BlockEigensystem.of(a);
        if (eigen == null) {
            return Optional.empty();
        }
        double[][] unit = new double[m][];
        for (int j = 0; j < m; j++) {
            double[] e = new double[m];
            e[j] = 1;
            unit[j] = eigen.coordinates(e);
        }
        for (Route route : system.routes()) {
            for (InputChannel channel : system.channels(route)) {
                int j = Arrays.binarySearch(core, channel.stateIndex());
                double amplification = 0;
                for (int k = 0; k < m; k++) {
                    amplification += Math.abs(unit[j][k]) * norm(eigen.vectors()[k]);
                }
                if (!(amplification <= MAX_AMPLIFICATION)) {
                    return Optional.empty();
                }
            }
        }
        double[][] weights = new double[Observable.values().length][];
        for (Observable o : Observable.values()) {
            if (system.has(o)) {
                double[] r = system.readout(o);
                double[] w = new double[m];
                for (int k = 0; k < m; k++) {
                    for (int i = 0; i < m; i++) {
                        w[k] += r[core[i]] * eigen.vectors()[k][i];
                    }
                }
                weights[o.ordinal()] = w;
            }
        }
        int[] aucState = {system.aucIndex(Observable.PARENT), system.aucIndex(Observable.METABOLITE)};
        return Optional.of(new ModalStepper(new Basis(system, core, aucState, eigen.lambda(), eigen.vectors(), unit,
                weights)));
    }

    private static double norm(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    @Override
    public LinearSystem system() {
        return basis.system();
    }

    @Override
    public void setInput(double[] u) {
        Arrays.fill(s, 0);
        int[] core = basis.core();
        for (int i = 0; i < core.length; i++) {
            double rate = u[core[i]];
            if (rate != 0) {
                double[] g = basis.unit()[i];
                for (int k = 0; k < m; k++) {
                    s[k] += g[k] * rate;
                }
            }
        }
        double[] lambda = basis.lambda();
        for (int k = 0; k < m; k++) {
            s[k] = -s[k] / lambda[k];
        }
        preparedH = Double.NaN;
    }

    /**
     * The coefficients of one interval of length {@code h} under the current input: each mode is
     * {@code z <- decay z + shift}, each AUC grows by {@code aucConstant + sum aucSlope z}.
     */
    private void prepare(double h) {
        factors(h);
        for (int k = 0; k < m; k++) {
            shift[k] = -Math.expm1(basis.lambda()[k] * h) * s[k];
        }
        for (int a = 0; a < 2; a++) {
            if (basis.aucState()[a] >= 0) {
                double[] w = basis.weights()[a == 0 ? Observable.PARENT.ordinal() : Observable.METABOLITE.ordinal()];
                double constant = 0;
                for (int k = 0; k < m; k++) {
                    constant += w[k] * s[k] * (h - integral[k]);
                    aucSlope[a][k] = w[k] * integral[k];
                }
                aucConstant[a] = constant;
            }
        }
        preparedH = h;
    }

    /** Points {@link #decay} and {@link #integral} at the factors of interval {@code h}. */
    private void factors(double h) {
        if (h == cachedH) {
            return;
        }
        if (h == otherH) {
            double[] d = decay;
            double[] i = integral;
            double previous = cachedH;
            decay = otherDecay;
            integral = otherIntegral;
            cachedH = h;
            otherDecay = d;
            otherIntegral = i;
            otherH = previous;
            return;
        }
        double[] d = otherDecay;
        double[] i = otherIntegral;
        otherDecay = decay;
        otherIntegral = integral;
        otherH = cachedH;
        double[] lambda = basis.lambda();
        for (int k = 0; k < m; k++) {
            d[k] = Math.exp(lambda[k] * h);
            i[k] = Math.expm1(lambda[k] * h) / lambda[k];
        }
        decay = d;
        integral = i;
        cachedH = h;
    }

    @Override
    public void advance(double h) {
        System.arraycopy(z, 0, before, 0, m);
        lastStep = h;
        if (!(h > 0)) {
            return;
        }
        if (h != preparedH) {
            prepare(h);
        }
        for (int a = 0; a < 2; a++) {
            if (basis.aucState()[a] >= 0) {
                double[] slope = aucSlope[a];
                double sum = aucConstant[a];
                for (int k = 0; k < m; k++) {
                    sum += slope[k] * z[k];
                }
                auc[a] += sum;
            }
        }
        double[] d = decay;
        for (int k = 0; k < m; k++) {
            z[k] = d[k] * z[k] + shift[k];
        }
    }

    @Override
    public void add(int state, double amountMg) {
        int j = Arrays.binarySearch(basis.core(), state);
        if (j < 0) {
            int a = state == basis.aucState()[0] ? 0 : 1;
            auc[a] += amountMg * LinearSystem.aucToNgHPerMl();
            return;
        }
        double[] g = basis.unit()[j];
        for (int k = 0; k < m; k++) {
            z[k] += g[k] * amountMg;
        }
    }

    @Override
    public double value(Observable o) {
        double[] w = basis.weights()[o.ordinal()];
        double sum = 0;
        for (int k = 0; k < m; k++) {
            sum += w[k] * z[k];
        }
        return sum;
    }

    @Override
    public double auc(Observable o) {
        return auc[o == Observable.PARENT ? 0 : 1];
    }

    @Override
    public double slope(Observable o) {
        double[] w = basis.weights()[o.ordinal()];
        double sum = 0;
        for (int k = 0; k < m; k++) {
            sum += w[k] * basis.lambda()[k] * (z[k] - s[k]);
        }
        return sum;
    }

    @Override
    public double[] peakInLastInterval(Observable o) {
        double[] w = basis.weights()[o.ordinal()];
        double start = 0;
        for (int k = 0; k < m; k++) {
            start += w[k] * before[k];
        }
        double[] best = {0, start};
        if (!(lastStep > 0)) {
            return best;
        }
        double slopeStart = 0;
        double slopeEnd = 0;
        for (int k = 0; k < m; k++) {
            slopeStart += w[k] * basis.lambda()[k] * (before[k] - s[k]);
            slopeEnd += w[k] * basis.lambda()[k] * (z[k] - s[k]);
        }
        if (!(slopeStart > 0 && slopeEnd < 0)) {
            return best;
        }
        double[] lambda = basis.lambda();
        double scale = 0;
        for (int k = 0; k < m; k++) {
            scale += Math.abs(w[k] * s[k]) + Math.abs(w[k] * (before[k] - s[k]));
        }
        double[] c = peakCoefficients;
        double[] mu = peakExponents;
        double[] power = peakPowers;
        int active = 0;
        for (int k = 0; k < m; k++) {
            double amplitude = w[k] * (before[k] - s[k]);
            if (Math.abs(amplitude) > NEGLIGIBLE * scale) {
                c[active] = amplitude * lambda[k];
                mu[active] = lambda[k] * lastStep;
                power[active] = lastStep == cachedH ? decay[k] : Math.exp(mu[active]);
                active++;
            }
        }
        if (active < 2) {
            return best;
        }
        if (zeros == null) {
            zeros = new ExponentialSumZeros(PEAK_ACCURACY);
        }
        int regions = zeros.find(c, mu, active, 1, power);
        for (int r = 0; r < regions; r++) {
            double x = zeros.low(r) == zeros.high(r) ? zeros.low(r) : goldenMaximum(w, zeros.low(r), zeros.high(r));
            double value = valueAt(w, x * lastStep);
            if (x > 0 && x < 1 && value > best[1]) {
                best = new double[] {x * lastStep, value};
            }
        }
        return best;
    }

    /** @return the concentration of weights {@code w} at {@code t} (h) into the last interval */
    private double valueAt(double[] w, double t) {
        double sum = 0;
        for (int k = 0; k < m; k++) {
            sum += w[k] * (s[k] + (before[k] - s[k]) * Math.exp(basis.lambda()[k] * t));
        }
        return sum;
    }

    /** @return where in {@code [low, high]} (fractions of the interval) the concentration is largest */
    private double goldenMaximum(double[] w, double low, double high) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = low;
        double b = high;
        for (int i = 0; i < GOLDEN_STEPS && b - a > PEAK_ACCURACY; i++) {
            double x1 = b - ratio * (b - a);
            double x2 = a + ratio * (b - a);
            if (valueAt(w, x1 * lastStep) >= valueAt(w, x2 * lastStep)) {
                b = x2;
            } else {
                a = x1;
            }
        }
        return 0.5 * (a + b);
    }

    @Override
    public double[] state() {
        double[] x = new double[basis.system().dimension()];
        int[] core = basis.core();
        for (int k = 0; k < m; k++) {
            double[] v = basis.vectors()[k];
            for (int i = 0; i < core.length; i++) {
                x[core[i]] += v[i] * z[k];
            }
        }
        for (int a = 0; a < 2; a++) {
            if (basis.aucState()[a] >= 0) {
                x[basis.aucState()[a]] = auc[a] / LinearSystem.aucToNgHPerMl();
            }
        }
        return x;
    }

    @Override
    public void setState(double[] x) {
        Arrays.fill(z, 0);
        int[] core = basis.core();
        for (int i = 0; i < core.length; i++) {
            double v = x[core[i]];
            if (v != 0) {
                double[] g = basis.unit()[i];
                for (int k = 0; k < m; k++) {
                    z[k] += g[k] * v;
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            auc[a] = basis.aucState()[a] >= 0 ? x[basis.aucState()[a]] * LinearSystem.aucToNgHPerMl() : 0;
        }
    }

    @Override
    public Stepper copy() {
        ModalStepper c = new ModalStepper(basis);
        c.z = z.clone();
        c.s = s.clone();
        c.before = before.clone();
        c.auc[0] = auc[0];
        c.auc[1] = auc[1];
        c.lastStep = lastStep;
        return c;
    }
}
