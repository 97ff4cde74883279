package org.ketasim.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.engine.FreeResponse;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.RowRun;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.outcomes.ExposureGrid;
import org.ketasim.core.outcomes.SubjectExposure;
import org.ketasim.core.regimen.Breakpoints;
import org.ketasim.core.scenario.CompiledScenario;

/**
 * Records, as one subject's run goes, what the outcome models take ({@link SubjectExposure}): the
 * exact plasma AUC and concentration of the parent at every edge of an {@link ExposureGrid}, the
 * AUC at the end of a {@value #FOLLOW_UP_WEEKS}-week follow-up, and the peak acute effect-site
 * concentration from the start to one hour after the course end, found in continuous time; and,
 * when nothing is given after the course end and the engine has the closed form (the modal
 * engine), the parent's free response there, from which the washout is taken exactly (its edges
 * are then not recorded: {@link SubjectExposure#ofCourse}); likewise at
 * every edge of the course from which nothing is given for two bins or more (a gap). The
 * values are the parent's; {@link #exposure()} scales them to S-ketamine. The run's plan must reach
 * {@link #endH()} ({@link #extend}). Not thread-safe: one per subject.
 */
public final class ExposureRecorder implements Observer {

    /** Weeks simulated after the course end for the tail AUC: beyond the last outcome time, 12 weeks. */
    public static final int FOLLOW_UP_WEEKS = 13;
    /** Hours after the course end over which the peak acute effect site is sought: the course's own peak. */
    public static final double PEAK_AFTER_END_H = 1;
    /**
     * Bins across the course at most: a longer course gets wider bins (the pain effect site's
     * quadrature error grows as ke0 h / 2, 1.3e-3 relative per hour of width for a bolus inside a
     * bin at t½ 10.9 days; see {@link SubjectExposure}).
     */
    public static final int MAX_COURSE_BINS = 2000;

    private final ExposureGrid grid;
    private final double sKetamineFraction;
    /** The sample times (h), ascending: the edges, the end of the peak search and the follow-up; shared. */
    private final double[] times;
    /** Per sample, the edge it is, or -1; shared. */
    private final int[] edges;
    /** Per sample, the first at or after it that needs a stop while an input runs ({@link Schedule}); shared. */
    private final int[] stopFrom;
    private final int peakSample;
    /**
     * Per edge, the parent's AUC and concentration: the course's edges, and the washout's too once
     * one is sampled, which happens only when the washout is not in closed form (a population keeps
     * thousands of recorders alive at once, and the washout is most of the grid).
     */
    private double[] auc;
    private double[] cp;
    private double followUpAuc = Double.NaN;
    /**
     * The stretches without dosing, in closed form, in order: from an edge to a later one in the
     * course, and last, open, the washout from the course end when the run has its free response
     * there ({@link Propagator#freeResponse}).
     */
    private final List<SubjectExposure.Gap> gaps = new ArrayList<>();
    /** The samples before this one (after the current) are filled from a gap's free response, not taken. */
    private int filledUntil;
    private double peak;
    private int next;

    /**
     * When a recorder samples on a grid (the edges, the end of the peak search, the follow-up): the
     * same for every subject on it, so a population makes it once. Immutable.
     */
    public static final class Schedule {
        private final ExposureGrid grid;
        private final double[] times;
        private final int[] edges;
        private final int peakSample;
        private final int[] stopFrom;

        private Schedule(ExposureGrid grid, double[] times, int[] edges, int peakSample, int[] stopFrom) {
            this.grid = grid;
            this.times = times;
            this.edges = edges;
            this.peakSample = peakSample;
            this.stopFrom = stopFrom;
        }

        /** @return the exposure grid */
        public ExposureGrid grid() {
            return grid;
        }

        /**
         * @param grid the exposure grid, its course end the scenario's
         * @return its samples, each taken at a stop of its own
         */
        public static Schedule of(ExposureGrid grid) {
            return of(grid, null);
        }

        /**
         * The samples on an exposure grid for runs on an output grid: while an input runs, a sample
         * at an edge that falls on an output row needs only the run's values there (the gaps in
         * closed form start where nothing runs), so it is taken from the run of rows and adds no
         * stop ({@link Observer#nextStopSampleH}); the end of the peak search, the follow-up's end
         * and edges between rows still need one.
         *
         * @param grid the exposure grid, its course end the scenario's
         * @param rows the output rows of the runs, or null: every sample at a stop
         * @return its samples
         */
        public static Schedule of(ExposureGrid grid, OutputGrid rows) {
            int bins = grid.bins() + 1;
            double peakUntil = grid.courseEndH() + PEAK_AFTER_END_H;
            int peakEdge = grid.edgeIndex(peakUntil);
            int count = bins + (peakEdge < 0 ? 1 : 0) + 1;
            double[] times = new double[count];
            int[] edges = new int[count];
            int k = 0;
            int peakAt = -1;
            for (int j = 0; j < bins; j++) {
                double t = j * grid.binWidthH();
                if (peakEdge < 0 && peakAt < 0 && t > peakUntil) {
                    peakAt = k;
                    times[k] = peakUntil;
                    edges[k++] = -1;
                }
                if (j == peakEdge) {
                    peakAt = k;
                }
                times[k] = t;
                edges[k++] = j;
            }
            times[k] = grid.courseEndH() + FOLLOW_UP_WEEKS * 7 * 24;
            edges[k] = -1;
            int[] stopFrom = new int[count];
            for (int j = count - 1; j >= 0; j--) {
                boolean stop = rows == null || edges[j] < 0 || j == peakAt || j == count - 1 || !rows.hasRowAt(times[j]);
                stopFrom[j] = stop ? j : stopFrom[j + 1];
            }
            return new Schedule(grid, times, edges, peakAt, stopFrom);
        }
    }

    /**
     * @param grid              the exposure grid, its course end the scenario's
     * @param sKetamineFraction the fraction of the parent concentration that is S-ketamine (0.5 for a
     *                          racemic model), 0 to 1
     */
    public ExposureRecorder(ExposureGrid grid, double sKetamineFraction) {
        this(Schedule.of(grid), sKetamineFraction);
    }

    /**
     * @param schedule          the samples on the exposure grid ({@link Schedule#of})
     * @param sKetamineFraction the fraction of the parent concentration that is S-ketamine, 0 to 1
     */
    public ExposureRecorder(Schedule schedule, double sKetamineFraction) {
        this.grid = schedule.grid;
        this.sKetamineFraction = sKetamineFraction;
        this.auc = new double[grid.courseBins() + 1];
        this.cp = new double[grid.courseBins() + 1];
        this.times = schedule.times;
        this.edges = schedule.edges;
        this.stopFrom = schedule.stopFrom;
        this.peakSample = schedule.peakSample;
    }

    /**
     * The grid for a course, bins of about an hour chosen as a whole number of output steps where
     * the course end is one, so that the edges fall on rows and add no stops; at most
     * {@value #MAX_COURSE_BINS} bins across the course.
     *
     * @param courseEndH the end of the last administration (h), &gt;= 0
     * @param stepH      the output step (h), &gt; 0
     * @return the grid
     */
    public static ExposureGrid gridFor(double courseEndH, double stepH) {
        double target = Math.max(ExposureGrid.DEFAULT_BIN_H, courseEndH / MAX_COURSE_BINS);
        if (stepH > 0 && Double.isFinite(stepH)) {
            double width = Math.ceil(target / stepH - 1e-9) * stepH;
            double bins = courseEndH / width;
            if (Math.abs(bins - Math.rint(bins)) <= 1e-9 * Math.max(1, bins)) {
                target = width;
            }
        }
        return ExposureGrid.forCourse(courseEndH, target, ExposureGrid.DEFAULT_WASHOUT_H);
    }

    /**
     * @param grid an exposure grid
     * @return rows at its edges through the course, the course end included (at 0 alone for a
     *         course that ends at 0): a run on them, with {@link Schedule#of(ExposureGrid, OutputGrid)}
     *         of them, takes the course's edges from runs of rows instead of a stop at each
     */
    public static OutputGrid edgeRows(ExposureGrid grid) {
        return grid.courseEndH() > 0 ? OutputGrid.regular(grid.courseEndH(), grid.binWidthH()) : OutputGrid.at(0);
    }

    /**
     * @param plan a subject's plan, with an acute effect site ({@link #withAcuteEffectSite})
     * @return the plan running at least until {@link #endH()}
     * @throws IllegalArgumentException if the plan's system has no acute effect site
     */
    public Plan extend(Plan plan) {
        if (!plan.system().has(Observable.EFFECT)) {
            throw new IllegalArgumentException("an exposure is recorded on a plan with an acute effect site");
        }
        return plan.withHorizon(Math.max(plan.horizonH(), endH()));
    }

    /**
     * The plan whose run an exposure recorder observes: a subject's own plan when its model has an
     * acute effect site, else the plan of its model with the acute effect site that the outcome
     * models then assume, {@link EffectSite#OLOFSEN_2012} (a state downstream of the plasma that
     * nothing else reads: the parent and its metabolites follow the same model). The outcomes flag
     * that assumption ({@code CourseDescriptor#acuteEffectSiteAssumed}).
     *
     * @param compiled   the scenario, compiled at the subject's weight
     * @param individual the subject's model
     * @param plan       its plan, {@code compiled.plan(individual)}
     * @return the plan to record the subject's exposure on
     */
    public static Plan withAcuteEffectSite(CompiledScenario compiled, PkModel individual, Plan plan) {
        return plan.system().has(Observable.EFFECT) ? plan
                : compiled.plan(individual.withEffectSite(EffectSite.OLOFSEN_2012));
    }

    /** @return the end of the follow-up (h), the last time this recorder samples */
    public double endH() {
        return times[times.length - 1];
    }

    @Override
    public double nextSampleH() {
        return next < times.length ? times[next] : Double.POSITIVE_INFINITY;
    }

    /** While an input runs, the samples at edges on output rows come from runs ({@link Schedule#of(ExposureGrid, OutputGrid)}). */
    @Override
    public double nextStopSampleH() {
        return next < times.length ? times[stopFrom[next]] : Double.POSITIVE_INFINITY;
    }

    @Override
    public void sample(Propagator p) {
        int k = next++;
        if (edges[k] >= 0 && keeps(edges[k])) {
            auc[edges[k]] = p.stepper().auc(Observable.PARENT);
            cp[edges[k]] = Math.max(0, p.value(Observable.PARENT));
            if (edges[k] <= grid.courseBins()) {
                gap(k, p);
            }
        }
        if (k == peakSample) {
            peak = Math.max(peak, p.value(Observable.EFFECT));
        }
        if (k == times.length - 1) {
            followUpAuc = p.stepper().auc(Observable.PARENT);
        }
        if (next < filledUntil) {
            // the peak's sample is taken even inside the washout: the acute peak is sought up to it
            next = next <= peakSample && peakSample < filledUntil ? peakSample : filledUntil;
        }
    }

    /**
     * At edge sample {@code k} of the course or its end: when nothing runs and nothing more is given
     * before an edge two or more ahead (or ever, from the course end: the washout), the stretch to
     * the last edge before the next dose is a gap in closed form. The samples it covers are filled
     * from its free response, so the run needs no stop there (but the peak's).
     */
    private void gap(int k, Propagator p) {
        int from = edges[k];
        double nextDose = p.nextDoseEventH();
        int to;
        int until;
        if (from == grid.courseBins()) {
            if (nextDose != Double.POSITIVE_INFINITY) {
                return;
            }
            to = SubjectExposure.Gap.OPEN;
            until = times.length;
        } else {
            to = (int) Math.min(grid.courseBins(), Math.floor(Math.min(nextDose, grid.courseEndH())
                    / grid.binWidthH() + 1e-9));
            if (to < from + 2) {
                return;
            }
            until = k + (to - from);
        }
        Optional<FreeResponse> plasma = p.freeResponse(Observable.PARENT);
        if (plasma.isEmpty()) {
            return;
        }
        FreeResponse f = plasma.get();
        gaps.add(new SubjectExposure.Gap(from, to, f));
        filledUntil = until;
        if (to == SubjectExposure.Gap.OPEN) {
            // the washout's edges are left unfilled: the exposure keeps the course's bins alone and
            // takes everything after the course end from the free response
            followUpAuc = auc[from] + f.integral(times[until - 1] - times[k]);
            return;
        }
        for (int later = k + 1; later < until; later++) {
            double tau = times[later] - times[k];
            if (edges[later] >= 0) {
                auc[edges[later]] = auc[from] + f.integral(tau);
                cp[edges[later]] = Math.max(0, f.valueAt(tau));
            }
        }
    }

    /**
     * The effect site has no jumps (doses enter elsewhere), so an interval's start value is the
     * previous interval's end value: the peak is the largest end value, or a turning point inside
     * an interval where the concentration rises at the start and falls at the end.
     */
    @Override
    public void interval(double fromH, double toH, Propagator p) {
        if (next <= peakSample) {
            peak = Math.max(peak, p.value(Observable.EFFECT));
            if (p.stepper().turnsInLastInterval(Observable.EFFECT)) {
                peak = Math.max(peak, p.stepper().peakInLastInterval(Observable.EFFECT)[1]);
            }
        }
    }

    @Override
    public void row(int row, Propagator p) {
    }

    @Override
    public boolean takesRowRuns() {
        return true;
    }

    /** Until the peak's sample, the effect site's turning points end runs, so that {@link #interval} finds them. */
    @Override
    public boolean watchesTurns(Observable o) {
        return o == Observable.EFFECT && next <= peakSample;
    }

    /**
     * A run's rows are its intervals' ends: the peak among them, as {@link #interval} takes it; and
     * while an input runs, the samples at edges on its rows, as {@link #sample} would take them there
     * (the parent's AUC and concentration; the gap test finds nothing while an input runs).
     */
    @Override
    public void rows(RowRun run) {
        if (next <= peakSample) {
            double[] ce = run.values(Observable.EFFECT);
            for (int j = 0; j < run.count(); j++) {
                peak = Math.max(peak, ce[j]);
            }
        }
        double[] runAuc = run.parentAucNgHPerMl();
        if (runAuc != null && next < times.length && stopFrom[next] > next) {
            double[] t = run.timesH();
            double[] c = run.values(Observable.PARENT);
            int stop = stopFrom[next];
            for (int j = 0; j < run.count() && next < stop; j++) {
                if (Breakpoints.same(times[next], t[j])) {
                    if (keeps(edges[next])) {
                        auc[edges[next]] = runAuc[j];
                        cp[edges[next]] = Math.max(0, c[j]);
                    }
                    next++;
                } else if (times[next] < t[j]) {
                    throw new IllegalStateException("the sample at " + times[next] + " h fell between rows of a run");
                }
            }
        }
    }

    /**
     * @return the subject's S-ketamine exposure
     * @throws IllegalStateException before the follow-up was reached
     */
    public SubjectExposure exposure() {
        if (Double.isNaN(followUpAuc)) {
            throw new IllegalStateException("the run has not reached the end of the follow-up, " + endH() + " h");
        }
        SubjectExposure e = closedWashout() ? SubjectExposure.ofCourse(grid, auc, cp, peak, gaps)
                : SubjectExposure.of(grid, auc, cp, followUpAuc, peak).withGaps(gaps);
        return e.scaled(sKetamineFraction);
    }

    /** @return whether the washout after the course end is in closed form: the last gap is open */
    private boolean closedWashout() {
        return !gaps.isEmpty() && gaps.get(gaps.size() - 1).toEdge() == SubjectExposure.Gap.OPEN;
    }

    /**
     * @param edge an edge of the grid
     * @return whether its values are kept: a course edge's always, a washout edge's unless the
     *         washout is in closed form (the arrays then grow to every edge at the first)
     */
    private boolean keeps(int edge) {
        if (edge < auc.length) {
            return true;
        }
        if (closedWashout()) {
            return false;
        }
        auc = Arrays.copyOf(auc, grid.bins() + 1);
        cp = Arrays.copyOf(cp, grid.bins() + 1);
        return true;
    }
}
