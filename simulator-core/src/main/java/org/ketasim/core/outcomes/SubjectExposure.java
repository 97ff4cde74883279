package org.ketasim.core.outcomes;

import java.util.Arrays;
import java.util.List;
import org.ketasim.core.engine.FreeResponse;

/**
 * One subject's plasma S-ketamine exposure, as the outcome models need it: the exact AUC of each
 * bin of an {@link ExposureGrid}, the concentration at every edge, the AUC after the last edge (the
 * tail), and the peak acute effect-site concentration during the course. Concentrations are
 * S-ketamine (ng/mL): for a racemic model, pass the total times 0.5 ({@link #scaled}). Immutable.
 *
 * <h2>The pain effect site from the bins</h2>
 * <p>{@code Ce(t_n) = ke0 ∫_0^{t_n} e^{-ke0 (t_n - s)} Cp(s) ds} is split into bins. On bin
 * {@code b} (midpoint {@code m}, width {@code h}, {@code x = ke0 h / 2}), {@code Cp} is taken as the
 * quadratic with the bin's exact AUC {@code A_b} and its edge values, whose integral against
 * {@code e^{ke0 (s - m)}} is {@code A_b sinh(x)/x + (Cp_right - Cp_left) (h/2)(x cosh x - sinh x)/x²}
 * up to a term of relative size below {@code x² / 100}. Then
 * {@code Ce(t_n) = ke0 e^{-x} Σ_b e^{-ke0 (n-1-b) h} q_b} with {@code q_b} the bracket above, summed
 * as {@code sinh(x)/x} times a polynomial of the AUCs plus the second factor times one of the
 * steps, both by Horner's scheme in one pass over the bins.
 *
 * <h2>After the course end</h2>
 * <p>When nothing is given after the course end {@code T} and the engine has the plasma
 * concentration's course from there in closed form (an open {@link Gap}: a sum of exponentials,
 * exact for linear kinetics), the effect site after {@code T} is {@link FreeResponse#effectSiteAt}
 * from the bins' {@code Ce(T)}: exact, whatever the time; the bins after {@code T} are then not
 * needed, and an exposure made by {@link #ofCourse} does not hold them. Stretches of the course in
 * which nothing is given ({@link Gap}, e.g. the weeks between sessions) are taken the same way,
 * from the effect site at their start to their end, instead of bin by bin. Otherwise (a controller, the
 * matrix-exponential engine) the bins go on through a washout, and after the last edge
 * {@code T'}: {@code Ce(t) = (Ce(T') + ke0 A_tail) e^{-ke0 (t - T')}}, the tail taken to enter at
 * {@code T'}.
 *
 * <h2>Accuracy</h2>
 * <p>The quadrature is exact for a Cp quadratic within each bin; against a closed form (one
 * compartment, 100-h infusion) it is within 1e-8 relative after the first hours, and against the
 * engine's exact effect-site state within 1e-7 relative for multi-day courses at every outcome
 * time, and 1e-5 at the end of a course of under a day, where the distribution phase curves inside
 * the first bins while Ce is small (3e-6 after it; {@code ExposureQuadratureTest}). A bolus inside a bin is
 * taken as spread over the bin: its share of {@code Ce} is off by at most {@code ke0 h / 2}
 * relative (1.3e-3 at 1-h bins and t½ 10.9 days).
 */
public final class SubjectExposure {

    private final ExposureGrid grid;
    /**
     * Per bin, its exact AUC and its concentration step: every bin of the grid, or the course's
     * alone where the washout is in closed form ({@link #ofCourse}).
     */
    private final double[] binAuc;
    private final double[] cpStep;
    private final double tailAuc;
    private final double peakAcuteCe;
    /**
     * The stretches in which nothing is given, in closed form, in order; none but where given. An
     * {@link Gap#OPEN} one, last, is the washout after the course end: without it, the bins go on
     * through the washout and the tail.
     */
    private final Gap[] gaps;

    /**
     * A stretch in which nothing is given, from an edge to a later one, or from the course end on
     * ({@link #OPEN}: the washout): the plasma concentration there is its free response from the
     * first edge, and the pain effect site at any later time of it follows exactly
     * ({@link FreeResponse#effectSiteAt}) instead of from the bins between (a course of sessions
     * weeks apart is mostly such stretches).
     *
     * @param fromEdge the edge it starts at, &gt;= 0
     * @param toEdge   the edge it ends at, &gt; fromEdge, at most the course end's; or {@link #OPEN}
     * @param plasma   the plasma concentration from the first edge on (ng/mL, in the units of the
     *                 exposure's concentrations)
     */
    public record Gap(int fromEdge, int toEdge, FreeResponse plasma) {

        /** The {@code toEdge} of the washout, which has no end. */
        public static final int OPEN = Integer.MAX_VALUE;

        /** @throws IllegalArgumentException for edges out of order */
        public Gap {
            if (fromEdge < 0 || toEdge <= fromEdge) {
                throw new IllegalArgumentException("a gap runs from an edge to a later one, got " + fromEdge + " to "
                        + toEdge);
            }
        }
    }

    private SubjectExposure(ExposureGrid grid, double[] binAuc, double[] cpStep, double tailAuc, double peakAcuteCe,
                            Gap[] gaps) {
        this.grid = grid;
        this.binAuc = binAuc;
        this.cpStep = cpStep;
        this.tailAuc = tailAuc;
        this.peakAcuteCe = peakAcuteCe;
        this.gaps = gaps;
    }

    /**
     * @param grid                    the common grid
     * @param cumulativeAucNgHPerMl   exact plasma AUC from 0 to each edge (ng·h/mL), {@code bins() + 1} values,
     *                                non-decreasing (the engine's AUC state at the edges)
     * @param cpNgPerMl               plasma concentration at each edge (ng/mL), {@code bins() + 1} values, &gt;= 0
     * @param followUpAucNgHPerMl     exact AUC from 0 to the end of the follow-up (ng·h/mL), at least the
     *                                last cumulative value; the difference is the tail
     * @param peakAcuteCeNgPerMl      the highest acute effect-site concentration during the course
     *                                (ng/mL), &gt;= 0
     * @return the exposure
     * @throws IllegalArgumentException for wrong lengths, negative, decreasing or non-finite values
     */
    public static SubjectExposure of(ExposureGrid grid, double[] cumulativeAucNgHPerMl, double[] cpNgPerMl,
                                     double followUpAucNgHPerMl, double peakAcuteCeNgPerMl) {
        int n = grid.bins();
        double[][] bins = bins(n, cumulativeAucNgHPerMl, cpNgPerMl, followUpAucNgHPerMl);
        double total = followUpAucNgHPerMl;
        double slack = 1e-12 * Math.max(1, Math.abs(total));
        double tail = total - cumulativeAucNgHPerMl[n];
        if (!(tail >= -slack) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("the follow-up AUC " + total + " is below the AUC at the last edge "
                    + cumulativeAucNgHPerMl[n]);
        }
        checkPeak(peakAcuteCeNgPerMl);
        return new SubjectExposure(grid, bins[0], bins[1], Math.max(0, tail), peakAcuteCeNgPerMl, new Gap[0]);
    }

    /**
     * An exposure whose washout is in closed form from the course end (the engine has the plasma
     * concentration's free response there): only the course's bins are given and held, since the
     * pain effect site and the AUC after the course end come from the washout's free response.
     *
     * @param grid                  the common grid
     * @param cumulativeAucNgHPerMl exact plasma AUC from 0 to each edge of the course (ng·h/mL),
     *                              {@code courseBins() + 1} values, non-decreasing
     * @param cpNgPerMl             plasma concentration at each edge of the course (ng/mL),
     *                              {@code courseBins() + 1} values, &gt;= 0
     * @param peakAcuteCeNgPerMl    the highest acute effect-site concentration during the course (ng/mL), &gt;= 0
     * @param stretches             the gaps ({@link #withGaps}), the last the {@link Gap#OPEN} washout
     * @return the exposure
     * @throws IllegalArgumentException for wrong lengths, negative, decreasing or non-finite values,
     *                                  or gaps that do not end with the washout
     */
    public static SubjectExposure ofCourse(ExposureGrid grid, double[] cumulativeAucNgHPerMl, double[] cpNgPerMl,
                                           double peakAcuteCeNgPerMl, List<Gap> stretches) {
        int n = grid.courseBins();
        int edges = cumulativeAucNgHPerMl.length;
        double[][] bins = bins(n, cumulativeAucNgHPerMl, cpNgPerMl, edges > 0 ? cumulativeAucNgHPerMl[edges - 1] : 0);
        checkPeak(peakAcuteCeNgPerMl);
        // the washout bins are not held (a grid has at least one), so withGaps insists on the washout
        return new SubjectExposure(grid, bins[0], bins[1], 0, peakAcuteCeNgPerMl, new Gap[0]).withGaps(stretches);
    }

    /**
     * @return the AUC ({@code [0]}) and concentration step ({@code [1]}) of the first {@code n}
     *         bins, from the values at their edges, checked
     */
    private static double[][] bins(int n, double[] cumulativeAucNgHPerMl, double[] cpNgPerMl, double totalNgHPerMl) {
        if (cumulativeAucNgHPerMl.length != n + 1 || cpNgPerMl.length != n + 1) {
            throw new IllegalArgumentException("an exposure on " + n + " bins needs " + (n + 1) + " edge values, got "
                    + cumulativeAucNgHPerMl.length + " AUCs and " + cpNgPerMl.length + " concentrations");
        }
        double slack = 1e-12 * Math.max(1, Math.abs(totalNgHPerMl));
        double[] bins = new double[n];
        double[] steps = new double[n];
        for (int b = 0; b < n; b++) {
            double a = cumulativeAucNgHPerMl[b + 1] - cumulativeAucNgHPerMl[b];
            if (!(a >= -slack) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("the cumulative AUC must be finite and non-decreasing, got "
                        + cumulativeAucNgHPerMl[b] + " then " + cumulativeAucNgHPerMl[b + 1] + " at edge " + (b + 1));
            }
            bins[b] = Math.max(0, a);
            steps[b] = cpNgPerMl[b + 1] - cpNgPerMl[b];
        }
        for (double c : cpNgPerMl) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("a plasma concentration must be finite and >= 0, got " + c + " ng/mL");
            }
        }
        return new double[][] {bins, steps};
    }

    private static void checkPeak(double peakAcuteCeNgPerMl) {
        if (!(peakAcuteCeNgPerMl >= 0) || Double.isInfinite(peakAcuteCeNgPerMl)) {
            throw new IllegalArgumentException("the peak acute effect-site concentration must be finite and >= 0, got "
                    + peakAcuteCeNgPerMl + " ng/mL");
        }
    }

    /**
     * The exposure with stretches taken in closed form ({@link Gap}); the bins there are no longer
     * summed.
     *
     * @param stretches the gaps, in order, not overlapping, within the course; the last may be the
     *                  {@link Gap#OPEN} washout from the course end
     * @return the exposure
     * @throws IllegalArgumentException for gaps out of order or overlapping, a closed one beyond the
     *                                  course end, or an open one elsewhere than from the course end, last
     */
    public SubjectExposure withGaps(List<Gap> stretches) {
        int last = 0;
        for (Gap g : stretches) {
            boolean open = g.toEdge() == Gap.OPEN;
            if (g.fromEdge() < last || (open ? g.fromEdge() != grid.courseBins() : g.toEdge() > grid.courseBins())) {
                throw new IllegalArgumentException("gaps must be in order, apart and within the course's "
                        + grid.courseBins() + " bins (the washout from its end), got " + g.fromEdge() + " to "
                        + g.toEdge());
            }
            last = g.toEdge();
        }
        if (binAuc.length < grid.bins() && last != Gap.OPEN) {
            throw new IllegalArgumentException("an exposure of the course's bins alone needs its washout in "
                    + "closed form, the last gap");
        }
        return new SubjectExposure(grid, binAuc, cpStep, tailAuc, peakAcuteCe, stretches.toArray(Gap[]::new));
    }

    /** @return the washout in closed form, the {@link Gap#OPEN} gap, or null */
    private Gap washout() {
        return gaps.length > 0 && gaps[gaps.length - 1].toEdge() == Gap.OPEN ? gaps[gaps.length - 1] : null;
    }

    /** @return the grid */
    public ExposureGrid grid() {
        return grid;
    }

    /** @return the peak acute effect-site S-ketamine concentration during the course (ng/mL) */
    public double peakAcuteCeNgPerMl() {
        return peakAcuteCe;
    }

    /**
     * @return the plasma AUC (ng·h/mL): with the washout in closed form, from 0 to infinity; else
     *         from 0 to the end of the follow-up
     */
    public double aucNgHPerMl() {
        Gap washout = washout();
        if (washout != null) {
            return Arrays.stream(binAuc, 0, washout.fromEdge()).sum() + washout.plasma().integral();
        }
        return Arrays.stream(binAuc).sum() + tailAuc;
    }

    /**
     * @return how many stretches of the course without dosing are taken in closed form
     *         ({@link #withGaps}), the washout not counted
     */
    public int gaps() {
        return washout() == null ? gaps.length : gaps.length - 1;
    }

    /** @return whether the washout after the course end is in closed form (an {@link Gap#OPEN} gap) */
    public boolean closedFormWashout() {
        return washout() != null;
    }

    /**
     * Every concentration times a factor, exact for linear kinetics: e.g. 0.5 to turn a racemic
     * model's total into S-ketamine, or a delivered fraction for a route whose bioavailability is
     * unknown.
     *
     * @param factor the factor, &gt;= 0
     * @return the scaled exposure; this one for a factor of 1 (an S-ketamine model's), which would
     *         change no value
     */
    public SubjectExposure scaled(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a scale factor must be finite and >= 0, got " + factor);
        }
        if (factor == 1) {
            return this;
        }
        double[] a = binAuc.clone();
        double[] d = cpStep.clone();
        for (int b = 0; b < a.length; b++) {
            a[b] *= factor;
            d[b] *= factor;
        }
        Gap[] g = new Gap[gaps.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = new Gap(gaps[i].fromEdge(), gaps[i].toEdge(), gaps[i].plasma().scaled(factor));
        }
        return new SubjectExposure(grid, a, d, tailAuc * factor, peakAcuteCe * factor, g);
    }

    /**
     * @param ke0PerH the pain effect site's rate constant (1/h), &gt; 0
     * @param timeH   a time (h): an edge of the grid, or after the last edge
     * @return the pain effect-site S-ketamine concentration at that time (ng/mL)
     * @throws IllegalArgumentException for a time between edges inside the grid
     */
    public double cePain(double ke0PerH, double timeH) {
        double[] out = new double[1];
        cePain(ke0PerH, Times.of(grid, timeH), out);
        return out[0];
    }

    /**
     * Fills {@code out[k]} with the pain effect-site concentration at time {@code k} of
     * {@code times}, in one pass over the bins.
     */
    void cePain(double ke0PerH, Times times, double[] out) {
        double[][] one = {out};
        cePain(new double[] {ke0PerH}, times, one);
    }

    /**
     * Fills {@code out[j][k]} with the pain effect-site concentration for rate constant
     * {@code ke0PerH[j]} at time {@code k} of {@code times}. The sum over the bins is split in two
     * polynomials in {@code r = exp(-ke0 h)}, one of the bins' AUCs and one of their edge steps, each
     * by Horner's scheme; four rate constants go through the bins together (the last group padded),
     * so that eight independent sums are in flight (on the quick compiler that runs short commands
     * this is about three times faster than one rate constant at a time, or all of them side by
     * side). Every rate constant is summed with the same operations in the same order, in any group
     * and alone.
     */
    void cePain(double[] ke0PerH, Times times, double[][] out) {
        int m = ke0PerH.length;
        // padded to whole groups with copies of the last rate constant, whose rows are dropped
        int padded = (m + GROUP - 1) / GROUP * GROUP;
        double h = grid.binWidthH();
        double[] ke0 = Arrays.copyOf(ke0PerH, padded);
        double[][] rows = Arrays.copyOf(out, padded);
        double[] r = new double[padded];
        double[] s0 = new double[padded];
        double[] s1 = new double[padded];
        double[] scale = new double[padded];
        for (int j = 0; j < padded; j++) {
            if (j >= m) {
                ke0[j] = ke0PerH[m - 1];
                rows[j] = new double[times.count()];
            }
            double k = ke0[j];
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("ke0 must be positive, got " + k + " /h");
            }
            double x = k * h / 2;
            double half = Math.exp(-x);
            r[j] = half * half;
            s0[j] = sinhOverX(x);
            s1[j] = h / 2 * linearWeight(x);
            scale[j] = k * half;
        }
        Decays decays = new Decays(new double[gaps.length][], new double[times.count()][]);
        for (int j = 0; j < padded; j += GROUP) {
            group(j, r, s0, s1, scale, ke0, times, decays, rows);
        }
    }

    /**
     * The plasma modes' decays ({@link FreeResponse#modeDecays}) that every rate constant needs
     * alike, made at first need: per gap, across it; per time inside a gap, from its start.
     */
    private record Decays(double[][] across, double[][] inside) {
    }

    /** Rate constants summed together by {@link #group}. */
    private static final int GROUP = 4;

    /** {@link #cePain(double[], Times, double[][])} for rate constants {@code j} to {@code j + 3}. */
    private void group(int j, double[] r, double[] s0, double[] s1, double[] scale, double[] ke0PerH, Times times,
                       Decays decays, double[][] out) {
        double r0 = r[j];
        double r1 = r[j + 1];
        double r2 = r[j + 2];
        double r3 = r[j + 3];
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double d0 = 0;
        double d1 = 0;
        double d2 = 0;
        double d3 = 0;
        int[] edge = times.edge;
        int next = 0;
        int b = 0;
        int gi = 0;
        while (next < edge.length) {
            int target = Math.min(edge[next], times.lastEdgeNeeded);
            boolean gapFirst = gi < gaps.length && gaps[gi].fromEdge() < edge[next];
            int until = gapFirst ? gaps[gi].fromEdge() : target;
            for (; b < until; b++) {
                double a = binAuc[b];
                double d = cpStep[b];
                a0 = a0 * r0 + a;
                a1 = a1 * r1 + a;
                a2 = a2 * r2 + a;
                a3 = a3 * r3 + a;
                d0 = d0 * r0 + d;
                d1 = d1 * r1 + d;
                d2 = d2 * r2 + d;
                d3 = d3 * r3 + d;
            }
            if (gapFirst && gaps[gi].toEdge() <= target) {
                Gap g = gaps[gi];
                double widthH = (g.toEdge() - g.fromEdge()) * grid.binWidthH();
                if (decays.across()[gi] == null) {
                    decays.across()[gi] = g.plasma().modeDecays(widthH);
                }
                double[] decay = decays.across()[gi++];
                a0 = across(j, a0, d0, g, widthH, decay, s0, s1, scale, ke0PerH);
                a1 = across(j + 1, a1, d1, g, widthH, decay, s0, s1, scale, ke0PerH);
                a2 = across(j + 2, a2, d2, g, widthH, decay, s0, s1, scale, ke0PerH);
                a3 = across(j + 3, a3, d3, g, widthH, decay, s0, s1, scale, ke0PerH);
                d0 = 0;
                d1 = 0;
                d2 = 0;
                d3 = 0;
                b = g.toEdge();
                continue;
            }
            Gap inside = gapFirst ? gaps[gi] : null;
            double[] decay = null;
            if (inside != null) {
                if (decays.inside()[next] == null) {
                    decays.inside()[next] = inside.plasma().modeDecays(sinceGapH(inside, times, next));
                }
                decay = decays.inside()[next];
            }
            write(j, a0, d0, inside, decay, s0, s1, scale, ke0PerH, times, next, out);
            write(j + 1, a1, d1, inside, decay, s0, s1, scale, ke0PerH, times, next, out);
            write(j + 2, a2, d2, inside, decay, s0, s1, scale, ke0PerH, times, next, out);
            write(j + 3, a3, d3, inside, decay, s0, s1, scale, ke0PerH, times, next, out);
            next++;
        }
    }

    /**
     * Takes rate constant {@code j}'s sums across a gap: the effect site at the gap's start, from
     * the sums, carried to its end in closed form, and given back as sums (an AUC sum alone, the
     * step sum zero) from which the bins after the gap go on.
     */
    private double across(int j, double sumAuc, double sumStep, Gap g, double widthH, double[] decay, double[] s0,
                          double[] s1, double[] scale, double[] ke0PerH) {
        double atStart = scale[j] * (sumAuc * s0[j] + sumStep * s1[j]);
        double atEnd = g.plasma().effectSiteAt(ke0PerH[j], atStart, widthH, decay);
        return atEnd / (scale[j] * s0[j]);
    }

    /** @return the hours from gap {@code g}'s start to time {@code k} */
    private double sinceGapH(Gap g, Times times, int k) {
        return times.timeH[k] - g.fromEdge() * grid.binWidthH();
    }

    /**
     * Writes time {@code k} of rate constant {@code j} from its two sums over the bins up to the
     * time's edge: for a time inside a gap (the washout included), up to the gap's start, then the
     * effect site fed by the gap's free response; else all of them for a time after the last edge,
     * the tail added and decayed.
     */
    private void write(int j, double sumAuc, double sumStep, Gap inside, double[] decay, double[] s0, double[] s1,
                       double[] scale, double[] ke0PerH, Times times, int k, double[][] out) {
        if (times.edge[k] == 0) {
            out[j][k] = 0;
            return;
        }
        double atEdge = scale[j] * (sumAuc * s0[j] + sumStep * s1[j]);
        if (inside != null) {
            out[j][k] = inside.plasma().effectSiteAt(ke0PerH[j], atEdge, sinceGapH(inside, times, k), decay);
            return;
        }
        out[j][k] = times.edge[k] <= grid.bins() ? atEdge
                : (atEdge + ke0PerH[j] * tailAuc) * Math.exp(-ke0PerH[j] * times.afterLastH[k]);
    }

    /**
     * {@code sinh(x) / x}, by its series below 0.05 (to the last bit: the first term left out is below
     * 3e-21 there), which spares the slow hyperbolic sine for the slow pain effect site's usual
     * {@code x} of about 0.001.
     */
    private static double sinhOverX(double x) {
        if (x < 0.05) {
            double x2 = x * x;
            return 1 + x2 / 6 * (1 + x2 / 20 * (1 + x2 / 42 * (1 + x2 / 72)));
        }
        return Math.sinh(x) / x;
    }

    /** {@code (x cosh x - sinh x) / x²}, by its series below 0.05 where the difference cancels. */
    private static double linearWeight(double x) {
        if (x < 0.05) {
            double x2 = x * x;
            return x * (1.0 / 3 + x2 * (1.0 / 30 + x2 / 840));
        }
        return (x * Math.cosh(x) - Math.sinh(x)) / (x * x);
    }

    /**
     * Evaluation times prepared for a grid, ascending: each either an edge (its index) or after the
     * last edge (index {@code bins() + 1} and the hours after the last edge).
     */
    static final class Times {
        final int[] edge;
        final double[] afterLastH;
        /** Per time, the time (h): an edge's exactly. */
        final double[] timeH;
        final int lastEdgeNeeded;

        private Times(int[] edge, double[] afterLastH, double[] timeH, int lastEdgeNeeded) {
            this.edge = edge;
            this.afterLastH = afterLastH;
            this.timeH = timeH;
            this.lastEdgeNeeded = lastEdgeNeeded;
        }

        /** @return how many times */
        int count() {
            return edge.length;
        }

        /**
         * @param grid   the grid
         * @param timesH ascending times (h), each an edge or after the last edge
         * @return the prepared times
         * @throws IllegalArgumentException for a time between edges, before 0, or out of order
         */
        static Times of(ExposureGrid grid, double... timesH) {
            int n = grid.bins();
            int[] edge = new int[timesH.length];
            double[] after = new double[timesH.length];
            double[] time = new double[timesH.length];
            int needed = 0;
            for (int k = 0; k < timesH.length; k++) {
                double t = timesH[k];
                if (k > 0 && !(t >= timesH[k - 1])) {
                    throw new IllegalArgumentException("evaluation times must be ascending, got " + timesH[k - 1]
                            + " h then " + t + " h");
                }
                int j = grid.edgeIndex(t);
                time[k] = j >= 0 ? j * grid.binWidthH() : t;
                if (j >= 0) {
                    edge[k] = j;
                    needed = Math.max(needed, j);
                } else if (t > grid.lastEdgeH()) {
                    edge[k] = n + 1;
                    after[k] = Math.max(0, t - grid.lastEdgeH());
                    needed = n;
                } else {
                    throw new IllegalArgumentException("time " + t + " h falls between two edges of the exposure "
                            + "grid (width " + grid.binWidthH() + " h, binned to " + grid.lastEdgeH() + " h); use an "
                            + "edge or a time after the binned washout");
                }
            }
            return new Times(edge, after, time, needed);
        }
    }
}
