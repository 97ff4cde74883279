package org.ketasim.core.engine;

import java.util.Arrays;
import java.util.Optional;
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
 * <p>How a step is kept cheap, without changing a result: only live modes are stepped and summed
 * (a mode that no input, bolus or state has reached is an exact zero, as is every term it would
 * add; an IV regimen never reaches the depots' modes); each mode keeps its own integral, so the
 * AUCs cost nothing per step and are summed when asked for ({@code sum_k w_k integral_k}); all
 * observables and the parent's slope are read in one pass, and when a run reads them after every
 * interval, during the step itself; the slope at an interval's end is the next one's start when
 * no event comes between. Sums run over the modes in the same ascending order throughout.
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

    /** Zero weights, for the observables a system lacks (never written). */
    private static final double[] NONE = new double[64];
    /** Largest accepted amplification {@code sum_k |g_k| |v_k|} of an input in the eigenbasis. */
    private static final double MAX_AMPLIFICATION = 1e8;
    /** Relative amplitude below which a mode takes no part in the search for turning points. */
    private static final double NEGLIGIBLE = 1e-12;
    /** Turning points are located to this fraction of their interval. */
    private static final double PEAK_ACCURACY = 1e-12;
    /**
     * A mode whose amount falls below this after a step is set to exactly zero. Weeks after a dose
     * the fast modes decay through the subnormal range of doubles (below 2.2e-308), where every
     * operation costs about a hundred times more on x86; a course of sessions months apart ran three
     * times slower per row for it. What is dropped is below 1e-280 of a unit (mg or ng/mL), far under
     * every other mode's rounding: a concentration reads exactly 0 only once it is itself that small.
     */
    private static final double FLUSH = 1e-280;
    /** Golden-section steps within a region that may hold several close turning points. */
    private static final int GOLDEN_STEPS = 60;

    /**
     * What one subject's modal form shares with its copies.
     *
     * @param unit         per core state, the modal coordinates of one unit in it; null (not computed yet)
     *                     but for the input channels' states
     * @param weights      per observable (by ordinal), the concentration per unit of each mode; null
     *                     where the system lacks the observable
     * @param slopeWeights per observable, {@code weights[k] * lambda[k]}: its rate of change per unit
     *                     of each mode's distance from its steady state
     * @param readState    per observable, the core state it reads (-1 where the system lacks it)
     * @param readScale    per observable, its concentration per unit in that state (the system's readout)
     */
    private record Basis(LinearSystem system, BlockEigensystem eigen, int[] core, int[] aucState, double[] lambda,
                         double[][] vectors, double[][] unit, double[][] weights, double[][] slopeWeights,
                         int[] readState, double[] readScale) {
    }

    private final Basis basis;
    /**
     * Whether the amount in every core state is known exactly, as {@link #known} (null: all zero):
     * from rest, or from a state set, until time passes. Doses then only add to it, and the
     * concentrations are read from it, as the system defines them, not summed over the modes, where
     * rounding leaves about 1e-16 of the terms: so a row taken just after a dose reads exactly 0 in
     * every compartment the dose has not reached yet (the central one after an oral dose, the
     * metabolite and the effect site after an IV bolus), and the dosed one exactly, as the exact
     * and numeric engines and NONMEM read them.
     */
    private boolean exact = true;
    /** The amount in each core state (mg, or mg/L for an effect site) while {@link #exact}; null for none. */
    private double[] known;
    /** The coordinates of units in states that are not input channels, as this stepper needed them. */
    private double[][] ownUnit;
    private final int m;
    private double[] z;
    private double[] s;
    private double[] before;
    /**
     * {@link #stepAndRead}'s work space, one per thread, not per stepper: a population holds tens of
     * thousands of steppers at once.
     */
    private static final ThreadLocal<RunScratch> SCRATCH = ThreadLocal.withInitial(RunScratch::new);
    /** The AUCs (ng&middot;h/mL) set or added directly, to which {@link #integrals} add. */
    private final double[] aucBase = new double[2];
    /**
     * Per mode, its integral over the intervals advanced since the state was last set: an AUC is
     * its base plus the integrals weighted by the concentration's weights. Each interval adds
     * {@code aucStep + integral z} to every mode, a loop without sums across modes.
     */
    private double[] integrals;
    private double lastStep;
    private double cachedH = Double.NaN;
    private double[] decay;
    private double[] integral;
    private double otherH = Double.NaN;
    private double[] otherDecay;
    private double[] otherIntegral;
    private double[] growth;
    private double[] otherGrowth;
    /** The input rate into each core state, as last set. */
    private final double[] rates;
    private ExponentialSumZeros zeros;
    private double preparedH = Double.NaN;
    private final double[] shift;
    /** Per mode, the part of the prepared interval's integral due to the input: {@code s (h - integral)}. */
    private final double[] aucStep;
    /** Work space of the search for turning points, made when first needed. */
    private double[] peakCoefficients;
    private double[] peakExponents;
    private double[] peakPowers;
    /**
     * Which modes may be nonzero: a mode that no input, bolus or state has reached stays exactly
     * zero, and so does everything it adds to a sum (an IV regimen never reaches the depots'
     * modes). Modes join, never leave.
     */
    private final boolean[] live;
    /**
     * Per observable (by ordinal), the live modes with a nonzero weight, ascending: sums over them
     * equal the sums over every mode, term for term, since the terms left out are exact zeros.
     */
    private final int[][] support;
    /** How many modes of {@link #support} are in use, per observable. */
    private final int[] supportSize;
    /** The live modes, ascending: {@code liveModes[0 .. liveCount)}. */
    private final int[] liveModes;
    private int liveCount;
    /** Per observable, its weights, or zeros where the system lacks it (for {@link #values}). */
    private final double[][] readout;
    /** Whether the system has each observable. */
    private final boolean[] present;
    /** The observables' values at the current state, valid while {@link #readValues} (see {@link #read}). */
    private final double[] read = new double[5];
    private boolean readValues;
    /** The parent's slope at the current state and input, valid while {@link #readSlopeValid}. */
    private double readSlope;
    private boolean readSlopeValid;
    /** Whether the last interval's end was read, so that the next interval reads its end as it goes. */
    private boolean readAhead;
    /** The observable whose slope at the end of the last interval is {@link #endSlope}, or -1. */
    private int slopeObservable = -1;
    /**
     * The parent's slope at the start of the last interval that {@link #stepAndRead} took, as
     * {@link #advanceRows} passed it in or the loop summed it (a one-row step for {@link #advance}
     * passes 0, and nothing reads it then).
     */
    private double lastStartSlope;
    /** That slope, valid while {@link #endSlopeCurrent}: no event has changed the state or input since. */
    private double endSlope;
    private boolean endSlopeCurrent;
    /** The slope of {@link #slopeObservable} at the start of the last interval, if {@link #startSlopeKnown}. */
    private double startSlope;
    private boolean startSlopeKnown;

    private ModalStepper(Basis basis) {
        this.basis = basis;
        this.m = basis.lambda().length;
        this.z = new double[m];
        this.s = new double[m];
        this.before = new double[m];
        this.rates = new double[m];
        this.shift = new double[m];
        this.aucStep = new double[m];
        this.integrals = new double[m];
        this.live = new boolean[m];
        int observables = basis.weights().length;
        this.support = new int[observables][];
        this.supportSize = new int[observables];
        this.liveModes = new int[m];
        this.readout = new double[observables][];
        this.present = new boolean[observables];
        double[] none = m <= NONE.length ? NONE : new double[m];
        for (int o = 0; o < observables; o++) {
            present[o] = basis.weights()[o] != null;
            readout[o] = present[o] ? basis.weights()[o] : none;
            if (present[o]) {
                support[o] = new int[m];
            }
        }
    }

    /** Makes the modes that {@code g} reaches live, and updates the supports if any joined. */
    private void reach(double[] g) {
        boolean joined = false;
        for (int k = 0; k < m; k++) {
            if (g[k] != 0 && !live[k]) {
                live[k] = true;
                joined = true;
            }
        }
        if (joined) {
            supports();
        }
    }

    /** Recomputes {@link #support} from {@link #live}, and drops the prepared interval. */
    private void supports() {
        liveCount = 0;
        for (int k = 0; k < m; k++) {
            if (live[k]) {
                liveModes[liveCount++] = k;
            }
        }
        double[][] weights = basis.weights();
        for (int o = 0; o < support.length; o++) {
            if (support[o] != null) {
                int count = 0;
                for (int k = 0; k < m; k++) {
                    if (live[k] && weights[o][k] != 0) {
                        support[o][count++] = k;
                    }
                }
                supportSize[o] = count;
            }
        }
        preparedH = Double.NaN;
    }

    /**
     * @param system a subject's system
     * @return its modal stepper, at rest, or empty if the system is not safely diagonalisable
     */
    static Optional<ModalStepper> of(LinearSystem system) {
        double[][] full = system.matrix();
        int[] core = new int[full.length];
        int m = 0;
        for (int j = 0; j < full.length; j++) {
            if (!system.isAuc(j)) {
                core[m++] = j;
            }
        }
        core = Arrays.copyOf(core, m);
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
        double[] vectorNorm = new double[m];
        for (int k = 0; k < m; k++) {
            vectorNorm[k] = norm(eigen.vectors()[k]);
        }
        // The modal coordinates of a unit of each input channel's state, checked; other states'
        // are computed when first needed (a state set from outside, as NONMEM and TCI do).
        double[][] unit = new double[m][];
        for (Route route : system.routes()) {
            for (InputChannel channel : system.channels(route)) {
                int j = Arrays.binarySearch(core, channel.stateIndex());
                if (unit[j] == null) {
                    unit[j] = unitCoordinates(eigen, j);
                    double amplification = 0;
                    for (int k = 0; k < m; k++) {
                        amplification += Math.abs(unit[j][k]) * vectorNorm[k];
                    }
                    if (!(amplification <= MAX_AMPLIFICATION)) {
                        return Optional.empty();
                    }
                }
            }
        }
        double[][] weights = new double[Observable.values().length][];
        double[][] slopeWeights = new double[Observable.values().length][];
        for (Observable o : Observable.values()) {
            if (system.has(o)) {
                double[] r = system.readout(o);
                double[] w = new double[m];
                double[] wl = new double[m];
                for (int k = 0; k < m; k++) {
                    double[] v = eigen.vectors()[k];
                    for (int i = 0; i < m; i++) {
                        double ri = r[core[i]];
                        if (ri != 0) {
                            w[k] += ri * v[i];
                        }
                    }
                    wl[k] = w[k] * eigen.lambda()[k];
                }
                weights[o.ordinal()] = w;
                slopeWeights[o.ordinal()] = wl;
            }
        }
        int[] readState = new int[Observable.values().length];
        double[] readScale = new double[readState.length];
        Arrays.fill(readState, -1);
        for (Observable o : Observable.values()) {
            if (system.has(o)) {
                double[] r = system.readout(o);
                for (int i = 0; i < m; i++) {
                    if (r[core[i]] != 0) {
                        readState[o.ordinal()] = i;
                        readScale[o.ordinal()] = r[core[i]];
                    }
                }
            }
        }
        int[] aucState = {system.aucIndex(Observable.PARENT), system.aucIndex(Observable.METABOLITE)};
        return Optional.of(new ModalStepper(new Basis(system, eigen, core, aucState, eigen.lambda(), eigen.vectors(),
                unit, weights, slopeWeights, readState, readScale)));
    }

    /**
     * @return the modal coordinates of one unit in core state {@code j}, those below {@link #FLUSH}
     *         (rounding noise of the decomposition) exactly zero, so that the modes they would make
     *         live stay out of every sum
     */
    private static double[] unitCoordinates(BlockEigensystem eigen, int j) {
        double[] e = new double[eigen.lambda().length];
        e[j] = 1;
        double[] g = eigen.coordinates(e);
        for (int k = 0; k < g.length; k++) {
            if (Math.abs(g[k]) < FLUSH) {
                g[k] = 0;
            }
        }
        return g;
    }

    /** @return the modal coordinates of one unit in core state {@code j}: the basis's, or computed once here */
    private double[] unit(int j) {
        double[] g = basis.unit()[j];
        if (g != null) {
            return g;
        }
        if (ownUnit == null) {
            ownUnit = new double[m][];
        }
        if (ownUnit[j] == null) {
            ownUnit[j] = unitCoordinates(basis.eigen(), j);
        }
        return ownUnit[j];
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
        int[] core = basis.core();
        boolean same = true;
        for (int i = 0; i < core.length && same; i++) {
            same = u[core[i]] == rates[i];
        }
        if (same) {
            return;
        }
        Arrays.fill(s, 0);
        for (int i = 0; i < core.length; i++) {
            double rate = u[core[i]];
            rates[i] = rate;
            if (rate != 0) {
                double[] g = unit(i);
                reach(g);
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
        endSlopeCurrent = false;
        readSlopeValid = false;
    }

    /**
     * The coefficients of one interval of length {@code h} under the current input: each mode is
     * {@code z <- decay z + shift}, and its integral grows by {@code aucStep + integral z}.
     */
    private void prepare(double h) {
        factors(h);
        for (int q = 0; q < liveCount; q++) {
            int k = liveModes[q];
            shift[k] = -growth[k] * s[k];
            aucStep[k] = s[k] * (h - integral[k]);
        }
        preparedH = h;
    }

    /** Points {@link #decay}, {@link #growth} and {@link #integral} at the factors of interval {@code h}. */
    private void factors(double h) {
        if (h == cachedH) {
            return;
        }
        if (h == otherH) {
            double[] d = decay;
            double[] g = growth;
            double[] i = integral;
            double previous = cachedH;
            decay = otherDecay;
            growth = otherGrowth;
            integral = otherIntegral;
            cachedH = h;
            otherDecay = d;
            otherGrowth = g;
            otherIntegral = i;
            otherH = previous;
            return;
        }
        double[] d = otherDecay;
        double[] g = otherGrowth;
        double[] i = otherIntegral;
        if (d == null) {
            d = new double[m];
            g = new double[m];
            i = new double[m];
        }
        otherDecay = decay;
        otherGrowth = growth;
        otherIntegral = integral;
        otherH = cachedH;
        double[] lambda = basis.lambda();
        for (int k = 0; k < m; k++) {
            d[k] = Math.exp(lambda[k] * h);
            g[k] = Math.expm1(lambda[k] * h);
            i[k] = g[k] / lambda[k];
        }
        decay = d;
        growth = g;
        integral = i;
        cachedH = h;
    }

    @Override
    public void advance(double h) {
        lastStep = h;
        startSlopeKnown = endSlopeCurrent;
        startSlope = endSlope;
        endSlopeCurrent = false;
        readValues = false;
        readSlopeValid = false;
        if (!(h > 0)) {
            System.arraycopy(z, 0, before, 0, m);
            return;
        }
        exact = false;
        if (h != preparedH) {
            prepare(h);
        }
        if (readAhead && readout.length == 5) {
            readAhead = false;
            stepAndRead(1, null, null, false, false, 0, 0);
            return;
        }
        stepModes(1, z, integrals);
    }

    /**
     * Takes up to {@code rows} intervals of the prepared length, with {@link #read}'s sums for every
     * row. Every interval's row is written to {@code out} (by observable ordinal; null: none) unless
     * a watched observable turns in it: its slope positive at the interval's start and negative at
     * its end. That interval is taken, not written, and ends the run. The last interval's sums go to
     * {@link #read} and {@link #readSlope}, its start slope to {@link #lastStartSlope}.
     *
     * <p>The loops run mode by mode, two modes at a time, each over all the rows: a mode's value goes
     * from row to row in a register, and each row's sums are added to in the modes' order, so every
     * sum has the same terms in the same order as {@link #read} (and as the row-by-row loop this
     * replaced: the same doubles). Two modes side by side keep two independent recurrences in flight.
     * Against a loop over the modes inside a loop over the rows, on machine D: a bare kernel of nine
     * modes 4-5 ns against 12-14 ns per mode and row on both JIT compilers; the inpatient median's
     * whole propagation (nine live modes) about 12 % less CPU time on C1 and 28 % on C2; one patient
     * with its observers about 15 % faster in JMH (C2). A turn is looked for in the rows' slopes
     * afterwards; where one ends the run before its last row, the modes are stepped again from the
     * run's start to the turn (the same operations, so the same state).
     *
     * @param rows        how many intervals at most, at least 1
     * @param out         where each row's values go, or null
     * @param auc         where each written row's parent AUC goes (ng&middot;h/mL, {@link #auc}
     *                    there), or null
     * @param parentTurns whether a turn of the parent ends the run
     * @param effectTurns whether a turn of the acute effect site ends the run (its slope is then summed)
     * @param parentStart the parent's slope at the first interval's start
     * @param effectStart the effect site's there (0 when it is not watched)
     * @return how many rows were written: {@code rows}, or fewer, the index of the interval that
     *         turned
     */
    private int stepAndRead(int rows, double[][] out, double[] auc, boolean parentTurns, boolean effectTurns,
                            double parentStart, double effectStart) {
        boolean aucWanted = auc != null && basis.aucState()[0] >= 0;
        RunScratch scratch = SCRATCH.get().fit(rows, m);
        double[][] sums = scratch.sums;
        for (int r = 0; r < SUMS; r++) {
            sums[r] = r < 5 && out != null ? out[r] : r == AUC && aucWanted ? auc : scratch.rows[r];
            Arrays.fill(sums[r], 0, rows, 0);
        }
        if (parentTurns || effectTurns) {
            System.arraycopy(z, 0, scratch.start, 0, m);
            System.arraycopy(integrals, 0, scratch.startIntegrals, 0, m);
        }
        double[] effectWeights = effectTurns ? basis.slopeWeights()[Observable.EFFECT.ordinal()] : null;
        boolean second = present[Observable.METABOLITE2.ordinal()];
        if (auc != null && !aucWanted) {
            Arrays.fill(auc, 0, rows, 0);
        }
        for (int q = 0; q < liveCount; q += 2) {
            stepPair(liveModes[q], q + 1 < liveCount ? liveModes[q + 1] : NO_MODE, rows, sums, aucWanted, second,
                    effectWeights);
        }
        double[] slope = sums[SLOPE];
        double[] effect = sums[EFFECT_SLOPE];
        double lastStart = parentStart;
        int j = 0;
        for (; j < rows; j++) {
            lastStart = parentStart;
            if (parentTurns && parentStart > 0 && slope[j] < 0 || effectTurns && effectStart > 0 && effect[j] < 0) {
                break;
            }
            parentStart = slope[j];
            effectStart = effect[j];
        }
        int last = Math.min(j, rows - 1);
        if (last < rows - 1) {
            stepModes(last + 1, scratch.start, scratch.startIntegrals);
        }
        if (aucWanted) {
            for (int r = 0; r < j; r++) {
                auc[r] = aucBase[0] + auc[r];
            }
        }
        for (int o = 0; o < 5; o++) {
            read[o] = sums[o][last];
        }
        readSlope = slope[last];
        readValues = true;
        readSlopeValid = true;
        lastStartSlope = lastStart;
        return j;
    }

    /** Rows of {@link RunScratch#rows}: the five observables by ordinal, then these. */
    private static final int SLOPE = 5;
    private static final int EFFECT_SLOPE = 6;
    private static final int AUC = 7;
    private static final int SUMS = 8;

    /** {@link #stepAndRead}'s work space, grown as needed. */
    private static final class RunScratch {
        /** Sums per row where the run gives no buffer for them (see {@link #SLOPE}). */
        final double[][] rows = new double[SUMS][0];
        /** Where each sum goes: the run's buffer, or a row of {@link #rows}. */
        final double[][] sums = new double[SUMS][];
        /** The modal state and integrals at the run's start, kept where a turn may end it. */
        double[] start = new double[0];
        double[] startIntegrals = new double[0];

        /** @return this, with rows of at least {@code count} values and room for {@code modes} modes */
        RunScratch fit(int count, int modes) {
            if (rows[0].length < count) {
                int length = Math.max(count, 2 * rows[0].length);
                for (int r = 0; r < SUMS; r++) {
                    rows[r] = new double[length];
                }
            }
            if (start.length < modes) {
                start = new double[modes];
                startIntegrals = new double[modes];
            }
            return this;
        }
    }

    /** The second mode of {@link #stepPair} when the number of live modes is odd. */
    private static final int NO_MODE = -1;

    /**
     * {@link #stepAndRead}'s loop for live modes {@code k} and {@code l} (in that order) over
     * {@code rows} intervals: each mode's value, integral and state before the last interval, and
     * its terms added to each row's sums ({@link #read}'s terms, the parent AUC's
     * ({@link #auc}'s), and the effect site's slope where {@code effectWeights} is given). For
     * {@link #NO_MODE}, the second mode is one whose every factor is 0: each of its terms is +0.0,
     * which leaves every sum as it is (a sum started from +0.0 is never -0.0).
     */
    private void stepPair(int k, int l, int rows, double[][] sums, boolean aucRows, boolean second,
                          double[] effectWeights) {
        double[] a0 = sums[0];
        double[] a1 = sums[1];
        double[] a2 = sums[2];
        double[] a3 = sums[3];
        double[] a4 = sums[4];
        double[] slope = sums[SLOPE];
        double[] effect = sums[EFFECT_SLOPE];
        double[] aucSum = sums[AUC];
        double[] wl = basis.slopeWeights()[0];
        double[] wa = basis.weights()[0];
        double dk = decay[k];
        double ck = shift[k];
        double stepK = aucStep[k];
        double igK = integral[k];
        double sk = s[k];
        double w0k = readout[0][k];
        double w1k = readout[1][k];
        double w2k = readout[2][k];
        double w3k = readout[3][k];
        double w4k = readout[4][k];
        double wlk = wl[k];
        double wak = wa[k];
        boolean effectTurns = effectWeights != null;
        double wek = effectTurns ? effectWeights[k] : 0;
        boolean two = l != NO_MODE;
        double wel = effectTurns && two ? effectWeights[l] : 0;
        double dl = two ? decay[l] : 0;
        double cl = two ? shift[l] : 0;
        double stepL = two ? aucStep[l] : 0;
        double igL = two ? integral[l] : 0;
        double sl = two ? s[l] : 0;
        double w0l = two ? readout[0][l] : 0;
        double w1l = two ? readout[1][l] : 0;
        double w2l = two ? readout[2][l] : 0;
        double w3l = two ? readout[3][l] : 0;
        double w4l = two ? readout[4][l] : 0;
        double wll = two ? wl[l] : 0;
        double wal = two ? wa[l] : 0;
        double x = z[k];
        double y = two ? z[l] : 0;
        double accK = integrals[k];
        double accL = two ? integrals[l] : 0;
        double beforeK = x;
        double beforeL = y;
        for (int j = 0; j < rows; j++) {
            beforeK = x;
            beforeL = y;
            accK += stepK + igK * x;
            accL += stepL + igL * y;
            x = dk * x + ck;
            if (Math.abs(x) < FLUSH) {
                x = 0;
            }
            y = dl * y + cl;
            if (Math.abs(y) < FLUSH) {
                y = 0;
            }
            a0[j] = a0[j] + w0k * x + w0l * y;
            a1[j] = a1[j] + w1k * x + w1l * y;
            a3[j] = a3[j] + w3k * x + w3l * y;
            a4[j] = a4[j] + w4k * x + w4l * y;
            slope[j] = slope[j] + wlk * (x - sk) + wll * (y - sl);
            if (aucRows) {
                aucSum[j] = aucSum[j] + wak * accK + wal * accL;
            }
            if (second) {
                a2[j] = a2[j] + w2k * x + w2l * y;
            }
            if (effectTurns) {
                effect[j] = effect[j] + wek * (x - sk) + wel * (y - sl);
            }
        }
        z[k] = x;
        before[k] = beforeK;
        integrals[k] = accK;
        if (two) {
            z[l] = y;
            before[l] = beforeL;
            integrals[l] = accL;
        }
    }

    /**
     * Steps every live mode {@code rows} intervals of the prepared length from a modal state and
     * its integrals ({@link #z} and {@link #integrals} themselves for one interval of
     * {@link #advance}; a run's start, kept, where a turn ends {@link #stepAndRead}'s run early):
     * the operations of {@link #stepPair}, in the same order, so the same values, state before the
     * last interval and integrals. No sums are made.
     */
    private void stepModes(int rows, double[] fromZ, double[] fromIntegrals) {
        for (int q = 0; q < liveCount; q++) {
            int k = liveModes[q];
            double dk = decay[k];
            double ck = shift[k];
            double stepK = aucStep[k];
            double igK = integral[k];
            double x = fromZ[k];
            double accK = fromIntegrals[k];
            double beforeK = x;
            for (int j = 0; j < rows; j++) {
                beforeK = x;
                accK += stepK + igK * x;
                x = dk * x + ck;
                if (Math.abs(x) < FLUSH) {
                    x = 0;
                }
            }
            z[k] = x;
            before[k] = beforeK;
            integrals[k] = accK;
        }
    }

    /**
     * {@inheritDoc} Each interval is {@link #stepAndRead}'s (the same terms in the same order, so
     * the same states, integrals and values as {@link #advance}), with the effect site's slope beside
     * it when the run watches its turns; the parent's slope is summed in it anyway.
     */
    @Override
    public int advanceRows(double h, int rows, RowRun run) {
        if (readout.length != 5 || !(h > 0)) {
            return -1;
        }
        if (h != preparedH) {
            prepare(h);
        }
        int effectIndex = Observable.EFFECT.ordinal();
        boolean parentTurns = run.watches(0);
        boolean effectTurns = present[effectIndex] && run.watches(effectIndex);
        if (!readValues || !readSlopeValid) {
            read();
        }
        double effectStart = effectTurns ? slopeOf(effectIndex, z) : 0;
        lastStep = h;
        exact = false;
        readAhead = true;
        int taken = stepAndRead(rows, run.buffers(), run.aucBuffer(), parentTurns, effectTurns, readSlope,
                effectStart);
        startSlopeKnown = true;
        startSlope = lastStartSlope;
        slopeObservable = 0;
        endSlope = readSlope;
        endSlopeCurrent = true;
        return taken;
    }

    @Override
    public void add(int state, double amountMg) {
        int j = Arrays.binarySearch(basis.core(), state);
        if (j < 0) {
            int a = state == basis.aucState()[0] ? 0 : 1;
            aucBase[a] += amountMg * LinearSystem.aucToNgHPerMl();
            return;
        }
        double[] g = unit(j);
        reach(g);
        for (int k = 0; k < m; k++) {
            z[k] += g[k] * amountMg;
        }
        if (exact) {
            if (known == null) {
                known = new double[m];
            }
            known[j] += amountMg;
        }
        endSlopeCurrent = false;
        readValues = false;
        readSlopeValid = false;
    }

    @Override
    public double value(Observable o) {
        return exact ? knownValue(o.ordinal()) : valueOf(o.ordinal(), z);
    }

    /** @return observable {@code o}'s (ordinal) concentration in the exactly known state */
    private double knownValue(int o) {
        int i = basis.readState()[o];
        return known == null || i < 0 ? 0 : basis.readScale()[o] * known[i];
    }

    /**
     * {@inheritDoc} All in one pass over the live modes, the observables' sums side by side; each
     * sum adds its terms in the same order as {@link #value}, so the results are the same.
     */
    @Override
    public void values(double[] out) {
        if (readout.length != 5) {
            Stepper.super.values(out);
            return;
        }
        readAhead = true;
        if (!readValues) {
            read();
        }
        for (int o = 0; o < 5; o++) {
            out[o] = present[o] ? read[o] : Double.NaN;
        }
    }

    /**
     * Reads every observable, and the parent's slope under the current input, in one pass over
     * the live modes, the sums side by side; each adds its terms in the same order as
     * {@link #value} and {@link #slope}, so the results are the same.
     */
    private void read() {
        double[] w0 = readout[0];
        double[] w1 = readout[1];
        double[] w2 = readout[2];
        double[] w3 = readout[3];
        double[] w4 = readout[4];
        double[] wl = basis.slopeWeights()[0];
        double[] x = z;
        double[] steady = s;
        int[] modes = liveModes;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double a4 = 0;
        double slope = 0;
        for (int q = 0; q < liveCount; q++) {
            int k = modes[q];
            double zk = x[k];
            a0 += w0[k] * zk;
            a1 += w1[k] * zk;
            a2 += w2[k] * zk;
            a3 += w3[k] * zk;
            a4 += w4[k] * zk;
            slope += wl[k] * (zk - steady[k]);
        }
        read[0] = a0;
        read[1] = a1;
        read[2] = a2;
        read[3] = a3;
        read[4] = a4;
        if (exact) {
            for (int o = 0; o < 5; o++) {
                read[o] = knownValue(o);
            }
        }
        readSlope = slope;
        readValues = true;
        readSlopeValid = true;
    }

    /** @return the concentration of observable {@code o} (ordinal) in modal state {@code x} */
    private double valueOf(int o, double[] x) {
        double[] w = basis.weights()[o];
        int[] modes = support[o];
        double sum = 0;
        for (int q = 0; q < supportSize[o]; q++) {
            int k = modes[q];
            sum += w[k] * x[k];
        }
        return sum;
    }

    /** @return the rate of change of observable {@code o} (ordinal) in modal state {@code x} under the current input */
    private double slopeOf(int o, double[] x) {
        double[] wl = basis.slopeWeights()[o];
        int[] modes = support[o];
        double sum = 0;
        for (int q = 0; q < supportSize[o]; q++) {
            int k = modes[q];
            sum += wl[k] * (x[k] - s[k]);
        }
        return sum;
    }

    @Override
    public double auc(Observable o) {
        return auc(o == Observable.PARENT ? 0 : 1);
    }

    /** @return AUC {@code a} (0 parent, 1 metabolite), 0 if the system has none */
    private double auc(int a) {
        if (basis.aucState()[a] < 0) {
            return 0;
        }
        int o = a == 0 ? Observable.PARENT.ordinal() : Observable.METABOLITE.ordinal();
        return aucBase[a] + valueOf(o, integrals);
    }

    @Override
    public double slope(Observable o) {
        return slopeOf(o.ordinal(), z);
    }

    /**
     * {@inheritDoc} The slope at the end of an interval is remembered, so that when no event
     * comes between two intervals the next one's start costs nothing: usually one short sum.
     */
    @Override
    public boolean turnsInLastInterval(Observable o) {
        if (!(lastStep > 0)) {
            return false;
        }
        int oi = o.ordinal();
        boolean known = startSlopeKnown && slopeObservable == oi;
        double end;
        if (oi == 0 && readout.length == 5) {
            readAhead = true;
            if (!readValues || !readSlopeValid) {
                read();
            }
            end = readSlope;
        } else {
            end = slopeOf(oi, z);
        }
        slopeObservable = oi;
        endSlope = end;
        endSlopeCurrent = true;
        if (!(end < 0)) {
            return false;
        }
        return (known ? startSlope : slopeOf(oi, before)) > 0;
    }

    @Override
    public double[] peakInLastInterval(Observable o) {
        double[] w = basis.weights()[o.ordinal()];
        double start = valueOf(o.ordinal(), before);
        double[] best = {0, start};
        if (!(lastStep > 0)) {
            return best;
        }
        double slopeStart = slopeOf(o.ordinal(), before);
        double slopeEnd = slopeOf(o.ordinal(), z);
        if (!(slopeStart > 0 && slopeEnd < 0)) {
            return best;
        }
        double[] lambda = basis.lambda();
        double scale = 0;
        for (int k = 0; k < m; k++) {
            scale += Math.abs(w[k] * s[k]) + Math.abs(w[k] * (before[k] - s[k]));
        }
        if (peakCoefficients == null) {
            peakCoefficients = new double[m];
            peakExponents = new double[m];
            peakPowers = new double[m];
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

    /**
     * {@inheritDoc} The observable's live modes with a nonzero weight: {@code w_k z_k} decaying at
     * {@code lambda_k}, the terms {@link #value} sums (empty for a mode that does not decay or a
     * non-finite state).
     */
    @Override
    public Optional<FreeResponse> freeResponse(Observable o) {
        for (double rate : rates) {
            if (rate != 0) {
                return Optional.empty();
            }
        }
        int oi = o.ordinal();
        double[] w = basis.weights()[oi];
        int count = supportSize[oi];
        double[] lambda = new double[count];
        double[] amplitude = new double[count];
        for (int q = 0; q < count; q++) {
            int k = support[oi][q];
            lambda[q] = basis.lambda()[k];
            amplitude[q] = w[k] * z[k];
            if (!(lambda[q] < 0) || !Double.isFinite(amplitude[q])) {
                return Optional.empty();
            }
        }
        return Optional.of(new FreeResponse(lambda, amplitude));
    }

    @Override
    public double[] state() {
        double[] x = new double[basis.system().dimension()];
        int[] core = basis.core();
        if (exact) {
            for (int i = 0; known != null && i < core.length; i++) {
                x[core[i]] = known[i];
            }
        } else {
            for (int k = 0; k < m; k++) {
                double[] v = basis.vectors()[k];
                for (int i = 0; i < core.length; i++) {
                    x[core[i]] += v[i] * z[k];
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            if (basis.aucState()[a] >= 0) {
                x[basis.aucState()[a]] = auc(a) / LinearSystem.aucToNgHPerMl();
            }
        }
        return x;
    }

    @Override
    public void setState(double[] x) {
        Arrays.fill(z, 0);
        int[] core = basis.core();
        exact = true;
        known = new double[m];
        for (int i = 0; i < core.length; i++) {
            known[i] = x[core[i]];
        }
        for (int i = 0; i < core.length; i++) {
            double v = x[core[i]];
            if (v != 0) {
                double[] g = unit(i);
                reach(g);
                for (int k = 0; k < m; k++) {
                    z[k] += g[k] * v;
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            aucBase[a] = basis.aucState()[a] >= 0 ? x[basis.aucState()[a]] * LinearSystem.aucToNgHPerMl() : 0;
        }
        Arrays.fill(integrals, 0);
        endSlopeCurrent = false;
        readValues = false;
        readSlopeValid = false;
    }

    @Override
    public Stepper copy() {
        ModalStepper c = new ModalStepper(basis);
        c.z = z.clone();
        c.s = s.clone();
        c.before = before.clone();
        c.aucBase[0] = aucBase[0];
        c.aucBase[1] = aucBase[1];
        c.integrals = integrals.clone();
        c.lastStep = lastStep;
        c.exact = exact;
        c.known = known == null ? null : known.clone();
        System.arraycopy(rates, 0, c.rates, 0, m);
        System.arraycopy(live, 0, c.live, 0, m);
        c.supports();
        return c;
    }
}
