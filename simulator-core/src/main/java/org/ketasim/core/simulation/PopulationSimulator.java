package org.ketasim.core.simulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.RowRun;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Variability;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.outcomes.Analyte;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.BaselineNrs;
import org.ketasim.core.outcomes.CourseDescriptor;
import org.ketasim.core.outcomes.ExposureGrid;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeSettings;
import org.ketasim.core.outcomes.PopulationOutcomes;
import org.ketasim.core.outcomes.SubjectExposure;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Quantiles;
import org.ketasim.core.population.Subject;
import org.ketasim.core.population.SubjectStreams;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.ScenarioException;

/**
 * Simulates a virtual population of a compiled scenario's patient on the engine chosen.
 *
 * <p>Subject i draws, from random stream i ({@link SubjectStreams}), first its etas
 * ({@link Variability#sample}), then, when the weight varies, its body weight from a normal
 * distribution truncated to the model's study weights (per-kg doses follow it: the scenario is
 * compiled at that weight, no file is re-read), and last the residual errors of its simulated
 * observations. Its model is the typical model scaled to its weight with the etas applied; its own
 * controllers titrate it. So the results do not depend on the thread count.
 *
 * <p>Up to {@value #RESIDENT_SUBJECTS} subjects, every subject keeps its own propagator, and all
 * subjects are advanced together a block of output rows at a time: the block's concentrations of
 * every subject are held (at most about {@value #BLOCK_VALUES} values), the exact R type-7
 * percentiles of each row are computed ({@link Quantiles}), and the block is dropped, so memory
 * grows with the number of subjects but not with subjects times rows. A larger population is
 * simulated in passes, one per block of rows (at most about {@value #PASS_VALUES} values): in each
 * pass every subject is drawn again from its own stream and taken straight to the block's first
 * row (the rows before it are no stops, so the engine crosses them whole), its block rows are
 * recorded, and it is dropped; the last pass runs every subject to its end and finishes it. The
 * percentiles are the same exact ones; memory stays bounded whatever the number of subjects.
 * Finished subjects go to the sink in index order and are not kept; what the sink does to a subject
 * in any order ({@link Sink#prepare}) runs on the workers, where the subject was finished.
 */
public final class PopulationSimulator {

    /** The most concentrations held for one block of rows (8 bytes each, 64 MB). */
    static final int BLOCK_VALUES = 8_000_000;
    /**
     * The most subjects kept alive through all the rows (about 12 KB each: their systems, modes,
     * propagators and accumulators). A larger population is simulated in passes instead.
     */
    static final int RESIDENT_SUBJECTS = 50_000;
    /**
     * The most concentrations held for one block of rows when the subjects are simulated again for
     * each block (8 bytes each, 800 MB; with the rest of a 1,000,000-subject run it stays inside the
     * launcher's 1600 MB heap): the fewer the blocks, the fewer the passes.
     */
    static final long PASS_VALUES = 100_000_000;
    /** Subjects simulated at a time in a pass (their propagators are dropped after it). */
    private static final int PASS_CHUNK = 4096;
    /**
     * Subjects whose values are stored side by side. The block holds a tile's rows one after the
     * other, each row's values of the tile side by side, so the subjects of a tile, each advanced
     * through the block's rows in turn (its state stays in cache), write one small run of memory
     * that stays in cache from one to the next (not one cache line and page per subject and row
     * of a whole block); the percentiles transpose a few rows at a time back into rows of all
     * subjects.
     */
    private static final int TILE = 16;
    /** The most values of one analyte transposed into whole rows at a time, per worker (2 MB). */
    private static final int TRANSPOSED_VALUES = 1 << 18;
    /** Subjects finished and handed to the sink at a time. */
    private static final int FINISH_CHUNK = 4096;

    private final Engine engine;
    private final int residentSubjects;
    private final long passValues;

    /** @param engine how intervals are taken */
    public PopulationSimulator(Engine engine) {
        this(engine, RESIDENT_SUBJECTS, PASS_VALUES);
    }

    /**
     * @param engine           how intervals are taken
     * @param residentSubjects the most subjects kept alive through all the rows
     * @param passValues       the most values of one block of rows when simulating in passes
     */
    PopulationSimulator(Engine engine, int residentSubjects, long passValues) {
        this.engine = engine;
        this.residentSubjects = residentSubjects;
        this.passValues = passValues;
    }

    /** Receives a population's subjects as they are finished. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Called once, before any subject.
         *
         * @param variability the variability that will be applied (its parameters name the etas)
         */
        default void begin(Variability variability) {
        }

        /**
         * The part of a subject's handling that needs no order (formatting its output rows, say):
         * called on the worker thread that finished the subject, for subjects in any order and
         * several at once, before {@link #accept} is called with it. Must be thread-safe. The
         * default does nothing.
         *
         * @param subject a finished subject
         */
        default void prepare(Subject subject) {
        }

        /**
         * @param subject the next subject, in index order
         */
        void accept(Subject subject);
    }

    /**
     * @param c        the typical patient's scenario, compiled
     * @param settings size, seed, percentiles, windows, weight variability, threads, observations
     * @param sink     prepares every subject on the workers, then receives it, in index order, on the calling
     *                 thread
     * @return the bands and the shares
     * @throws ScenarioException if the model has no variability to apply and the weight is fixed,
     *                           or observations are asked of a model without residual error
     */
    public PopulationResult simulate(CompiledScenario c, PopulationSettings settings, Sink sink) {
        if (settings.observationTimesH().length > 0 && c.residual().isEmpty()) {
            throw new ScenarioException(c.scenario().at("model"), "model '" + c.modelId() + "' has no residual "
                    + "error, so observations cannot be simulated; choose a model with one (see 'ketasim models'), or "
                    + "declare model.residual_error in an inline model");
        }
        Variability variability;
        try {
            variability = Variability.of(c.variability(), c.typicalModel());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(c.scenario().at("model.variability"), e.getMessage());
        }
        if (variability.parameters().isEmpty() && settings.weightSdKg() == 0) {
            throw new ScenarioException(c.scenario().at("model"), "model '" + c.modelId() + "' has no inter-individual "
                    + "variability that ketasim can apply" + (variability.notApplied().isEmpty() ? ""
                    : " (only on " + variability.notApplied() + ")") + ", so every subject would be the same; choose "
                    + "a model with variability (see 'ketasim models'), declare model.variability in an inline model, "
                    + "or vary the weight");
        }
        sink.begin(variability);
        Run run = new Run(c, settings, variability, sink);
        PopulationResult result = run.run();
        if (settings.outcomeSubjects() == 0) {
            return result;
        }
        List<SubjectExposure> exposures = run.recordsExposures() ? List.of(run.exposures) : run.exposuresOnly();
        OutcomeResult outcomes = PopulationOutcomes.simulate(exposures, course(c), outcomeSettings(c, settings));
        return result.withOutcomes(outcomes);
    }

    /**
     * The S-ketamine exposures of a population's first {@link PopulationSettings#outcomeSubjects()}
     * subjects, as {@link #simulate} passes them to the outcome models (the same draws; the numbers
     * agree to rounding, the run taking rows at the exposure grid's edges instead of the scenario's),
     * without the scenario's output rows: for comparisons, and for studies of the outcome models
     * under other settings than the defaults.
     *
     * @param c        a compiled scenario
     * @param settings the population, with outcome replicates above 0
     * @return the exposures, in subject order
     */
    public List<SubjectExposure> exposures(CompiledScenario c, PopulationSettings settings) {
        if (settings.outcomeSubjects() == 0) {
            throw new IllegalArgumentException("exposures are recorded for outcome subjects only; ask for replicates");
        }
        Variability variability = Variability.of(c.variability(), c.typicalModel());
        return new Run(c, settings, variability, subject -> { }).exposuresOnly();
    }

    /**
     * @param c a compiled scenario
     * @return its typical patient's S-ketamine exposure, on the grid a population of it records
     *         ({@link ExposureRecorder#gridFor}), at an acute effect site the outcome models assume
     *         where the model has none ({@link ExposureRecorder#withAcuteEffectSite})
     */
    public SubjectExposure typicalExposure(CompiledScenario c) {
        ExposureRecorder recorder = new ExposureRecorder(ExposureRecorder.gridFor(c.courseEndH(),
                c.plan().grid().stepH()), c.sKetamineFraction());
        Plan plan = ExposureRecorder.withAcuteEffectSite(c, c.individualModel(), c.plan());
        new Propagator(recorder.extend(plan), engine).observe(recorder).run();
        return recorder.exposure();
    }

    /**
     * @param c a compiled scenario
     * @return its course, described for the outcome models' evidence checks
     */
    public CourseDescriptor course(CompiledScenario c) {
        return Courses.describe(c, new PatientSimulator(engine).simulate(c));
    }

    /**
     * The outcome settings of a population: its seed (the outcome streams are clear of the subjects'
     * own), replicates and threads, and the scenario's baseline NRS.
     *
     * @param c        a compiled scenario
     * @param settings the population
     * @return the outcome settings
     */
    public static OutcomeSettings outcomeSettings(CompiledScenario c, PopulationSettings settings) {
        return OutcomeSettings.of(settings.seed()).withReplicates(settings.outcomeReplicates())
                .withThreads(settings.threads()).withBaseline(new BaselineNrs(c.baselineNrs(), settings.baselineNrsSd()));
    }

    /** One population run. */
    private final class Run {
        private final CompiledScenario c;
        private final PopulationSettings settings;
        private final Variability variability;
        /** The scenario patient's model, weight scaling applied: every subject's at that weight starts from it. */
        private final PkModel patientModel;
        private final Sink sink;
        private final int n;
        private final OutputGrid grid;
        private final List<Observable> banded;
        private final List<AnalyteWindow> windows;
        private final double[] weightRange;
        private final SubjectStreams.Starts streams;
        private final Member[] members;
        private final ExposureRecorder.Schedule exposureSchedule;
        private final SubjectExposure[] exposures;
        /** Per banded analyte, the block's values: tile after tile, in a tile row after row, in a row subject after subject. */
        private double[][] block;
        private int blockStart;
        private int blockRows;

        Run(CompiledScenario c, PopulationSettings settings, Variability variability, Sink sink) {
            this.c = c;
            this.settings = settings;
            this.variability = variability;
            this.patientModel = c.individualModel();
            this.sink = sink;
            this.n = settings.subjects();
            this.grid = c.plan().grid();
            this.banded = PopulationResult.BANDED.stream().filter(c.plan().system()::has).toList();
            this.windows = settings.windows().resolve(Analyte.ofModel(c.racemicModel()));
            this.weightRange = weightRange();
            this.streams = SubjectStreams.starts(settings.seed(), n);
            this.members = new Member[n];
            this.exposureSchedule = ExposureRecorder.Schedule.of(ExposureRecorder.gridFor(c.courseEndH(), grid.stepH()),
                    grid);
            this.exposures = new SubjectExposure[settings.outcomeSubjects()];
        }

        /** The card's study weights, or three SD either side when the patient is outside them. */
        private double[] weightRange() {
            double w = c.weightKg();
            double sd = settings.weightSdKg();
            double[] range = c.card().map(card -> card.weightRangeKg()).orElse(new double[] {0.3, 350});
            if (w < range[0] || w > range[1]) {
                range = new double[] {Math.max(0.3, w - 3 * sd), Math.min(350, w + 3 * sd)};
            }
            return range;
        }

        PopulationResult run() {
            int rows = grid.size();
            int tiles = (n + TILE - 1) / TILE;
            boolean resident = n <= residentSubjects;
            long budget = resident ? BLOCK_VALUES : passValues;
            blockRows = (int) Math.max(1, Math.min(rows, budget / ((long) tiles * TILE * banded.size())));
            double[] p = settings.percentiles();
            Map<Observable, double[][]> bands = new EnumMap<>(Observable.class);
            for (Observable o : banded) {
                bands.put(o, new double[p.length][rows]);
            }
            block = new double[banded.size()][tiles * blockRows * TILE];
            int threads = Math.min(settings.threads(), n);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Counter counter = new Counter();
            try {
                for (blockStart = 0; blockStart < rows; blockStart += blockRows) {
                    int to = Math.min(rows, blockStart + blockRows);
                    if (resident) {
                        advance(pool, threads, tiles, to);
                    } else {
                        pass(pool, threads, to, counter);
                    }
                    int first = blockStart;
                    int analytes = banded.size();
                    parallel(pool, threads, analytes * threads, task -> {
                        int a = task % analytes;
                        int chunk = task / analytes;
                        int rowsHere = to - first;
                        int from = first + (int) ((long) rowsHere * chunk / threads);
                        int until = first + (int) ((long) rowsHere * (chunk + 1) / threads);
                        if (from == until) {
                            return;
                        }
                        Quantiles q = new Quantiles();
                        double[] out = new double[p.length];
                        double[][] b = bands.get(banded.get(a));
                        double[] values = block[a];
                        int chunkRows = Math.max(1, Math.min(until - from, TRANSPOSED_VALUES / n));
                        double[][] transposed = new double[chunkRows][n];
                        for (int r0 = from; r0 < until; r0 += chunkRows) {
                            int r1 = Math.min(until, r0 + chunkRows);
                            for (int tile = 0; tile < tiles; tile++) {
                                int lanes = Math.min(TILE, n - tile * TILE);
                                int at = (tile * blockRows + r0 - first) * TILE;
                                for (int r = r0; r < r1; r++, at += TILE) {
                                    System.arraycopy(values, at, transposed[r - r0], tile * TILE, lanes);
                                }
                            }
                            for (int r = r0; r < r1; r++) {
                                q.next(transposed[r - r0], n, p, out);
                                for (int k = 0; k < p.length; k++) {
                                    b[k][r] = out[k];
                                }
                            }
                        }
                    });
                }
                block = null;
                for (int from = 0; resident && from < n; from += FINISH_CHUNK) {
                    int to = Math.min(n, from + FINISH_CHUNK);
                    Subject[] done = new Subject[to - from];
                    int base = from;
                    parallel(pool, threads, to - from, k -> {
                        done[k] = members[base + k].finish();
                        members[base + k] = null;
                        sink.prepare(done[k]);
                    });
                    for (Subject s : done) {
                        counter.add(s);
                        sink.accept(s);
                    }
                }
                double[] times = new double[rows];
                for (int r = 0; r < rows; r++) {
                    times[r] = grid.time(r);
                }
                return new PopulationResult(settings, variability, windows, times, bands, counter.counts(),
                        Optional.empty());
            } finally {
                pool.shutdownNow();
            }
        }

        /** Advances every (kept) subject through the block's rows, tile by tile, each subject in turn. */
        private void advance(ExecutorService pool, int threads, int tiles, int to) {
            parallel(pool, threads, tiles, tile -> {
                int from = tile * TILE;
                int until = Math.min(n, from + TILE);
                for (int i = from; i < until; i++) {
                    if (members[i] == null) {
                        members[i] = new Member(i);
                    }
                }
                for (int i = from; i < until; i++) {
                    members[i].propagator.nextRows(to);
                }
            });
        }

        /**
         * One pass of a population too large to keep: every subject is drawn again, taken straight
         * to the block's first row and through the block; in the last pass it runs through every
         * row (its summary and accumulators see them all) to its end, is finished, and goes to the
         * sink (chunk by chunk, in index order).
         */
        private void pass(ExecutorService pool, int threads, int to, Counter counter) {
            boolean last = to == grid.size();
            for (int start = 0; start < n; start += PASS_CHUNK) {
                int end = Math.min(n, start + PASS_CHUNK);
                Subject[] done = last ? new Subject[end - start] : null;
                int base = start;
                int firstTile = start / TILE;
                parallel(pool, threads, (end - start + TILE - 1) / TILE, k -> {
                    int from = (firstTile + k) * TILE;
                    int until = Math.min(end, from + TILE);
                    for (int i = from; i < until; i++) {
                        if (last) {
                            Member m = new Member(i);
                            m.propagator.nextRows(to);
                            done[i - base] = m.finish();
                            sink.prepare(done[i - base]);
                        } else {
                            Plan plan = draw(i).plan();
                            int slot = slot(i);
                            Propagator p = new Propagator(plan, engine).observe((row, q) -> record(slot, row, q));
                            p.skipToRow(blockStart);
                            p.nextRows(to);
                        }
                    }
                });
                if (last) {
                    for (Subject s : done) {
                        counter.add(s);
                        sink.accept(s);
                    }
                }
            }
        }

        /** @return where subject i's value of the block's first row is, in each analyte's block */
        private int slot(int i) {
            return (i / TILE) * blockRows * TILE + i % TILE;
        }

        /** Records a row of the block: each banded analyte's value, at the subject's slot. */
        private void record(int slot, int row, Propagator p) {
            int at = slot + (row - blockStart) * TILE;
            for (int a = 0; a < banded.size(); a++) {
                block[a][at] = p.value(banded.get(a));
            }
        }

        /**
         * Subject i's draws from its own stream, in this order: its etas, then its weight when the
         * weight varies (the residual errors of its observations come last, in {@link Member}).
         *
         * @param normal   the subject's normal deviates, to draw on from
         * @param eta      its etas
         * @param weightKg its weight (kg)
         * @param compiled   the scenario at its weight
         * @param individual its model, variability applied
         * @param plan       its plan, variability applied
         */
        private record Draw(NormalizedGaussianSampler normal, double[] eta, double weightKg, CompiledScenario compiled,
                            PkModel individual, Plan plan) {

            /** @return the plan to record its exposure on ({@link ExposureRecorder#withAcuteEffectSite}) */
            Plan exposurePlan() {
                return ExposureRecorder.withAcuteEffectSite(compiled, individual, plan);
            }
        }

        private Draw draw(int index) {
            NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(streams.stream(index));
            double[] eta = variability.sample(normal);
            double weightKg = settings.weightSdKg() > 0
                    ? truncatedNormal(normal, c.weightKg(), settings.weightSdKg(), weightRange) : c.weightKg();
            CompiledScenario compiled = weightKg == c.weightKg() ? c : c.scenario().withWeightKg(weightKg).compile();
            PkModel individual = variability.apply(compiled == c ? patientModel : compiled.individualModel(), eta);
            return new Draw(normal, eta, weightKg, compiled, individual, compiled.plan(individual));
        }

        private ExposureRecorder recorder(ExposureRecorder.Schedule schedule) {
            return new ExposureRecorder(schedule, c.sKetamineFraction());
        }

        /**
         * @return whether the subjects' exposures are recorded in their runs: when the scenario's
         *         model has an acute effect site; else an exposure run of each adds the one the
         *         outcome models assume ({@link #exposuresOnly}), and the outputs stay the model's own
         */
        boolean recordsExposures() {
            return c.plan().system().has(Observable.EFFECT);
        }

        /**
         * @return the outcome subjects' exposures, each run with rows at the exposure grid's edges
         *         through the course alone, so that the edges come from runs of rows, not stops
         */
        List<SubjectExposure> exposuresOnly() {
            ExposureGrid edges = exposureSchedule.grid();
            OutputGrid rows = ExposureRecorder.edgeRows(edges);
            ExposureRecorder.Schedule schedule = ExposureRecorder.Schedule.of(edges, rows);
            int threads = Math.min(settings.threads(), exposures.length);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                parallel(pool, threads, exposures.length, i -> {
                    ExposureRecorder recorder = recorder(schedule);
                    new Propagator(recorder.extend(draw(i).exposurePlan().withGrid(rows)), engine).observe(recorder)
                            .run();
                    exposures[i] = recorder.exposure();
                });
            } finally {
                pool.shutdownNow();
            }
            return List.of(exposures);
        }

        /** One subject's draws, propagator and accumulators. */
        private final class Member implements Observer {
            private final int index;
            private final NormalizedGaussianSampler normal;
            private final double[] eta;
            private final double weightKg;
            private final CompiledScenario compiled;
            private final Plan plan;
            private final Propagator propagator;
            private final Summary.Recorder summary;
            private final CurveMetrics.Recorder curves;
            private final ExposureRecorder exposure;
            /** Where this subject's values of the block's first row are, in each analyte's block. */
            private final int slot;

            Member(int index) {
                this.index = index;
                Draw d = draw(index);
                this.normal = d.normal();
                this.eta = d.eta();
                this.weightKg = d.weightKg();
                this.compiled = d.compiled();
                this.exposure = index < exposures.length && recordsExposures() ? recorder(exposureSchedule) : null;
                this.plan = exposure == null ? d.plan() : exposure.extend(d.plan());
                this.summary = new Summary.Recorder(plan, weightKg);
                this.curves = new CurveMetrics.Recorder(plan, windows, c.sKetamineFraction(), c.baselineNrs());
                this.slot = slot(index);
                this.propagator = new Propagator(plan, engine).observe(summary).observe(this);
                if (exposure != null) {
                    propagator.observe(exposure);
                }
            }

            @Override
            public void row(int row, Propagator p) {
                if (row >= blockStart) {
                    record(slot, row, p);
                }
                curves.row(row, p);
            }

            @Override
            public boolean takesRowRuns() {
                return true;
            }

            @Override
            public void rows(RowRun run) {
                int first = Math.max(run.firstRow(), blockStart);
                int end = run.firstRow() + run.count();
                for (int a = 0; a < banded.size(); a++) {
                    double[] values = run.values(banded.get(a));
                    double[] to = block[a];
                    int at = slot + (first - blockStart) * TILE;
                    for (int r = first; r < end; r++, at += TILE) {
                        to[at] = values[r - run.firstRow()];
                    }
                }
                curves.rows(run);
            }

            Subject finish() {
                propagator.run();
                if (exposure != null) {
                    exposures[index] = exposure.exposure();
                }
                CurveMetrics m = curves.metrics();
                return new Subject(index, weightKg, eta, summary.summary(), m.hoursInWindow(), m.windowPeaks(),
                        m.maxDrugHighScore(), m.maxResponderNrsReduction(), observations(),
                        PatientSimulator.events(propagator));
            }

            /**
             * The subject's observations: per time, per analyte with a residual error (parent first),
             * two normal deviates from the subject's own stream, drawn after its etas and weight.
             */
            private List<Subject.Observation> observations() {
                double[] timesH = settings.observationTimesH();
                if (timesH.length == 0) {
                    return List.of();
                }
                Plan at = plan.withGrid(OutputGrid.at(timesH));
                List<double[]> values = new ArrayList<>();
                boolean metabolite = at.system().has(Observable.METABOLITE);
                new Propagator(at, engine).observe((row, p) -> values.add(new double[] {p.value(Observable.PARENT),
                    metabolite ? p.value(Observable.METABOLITE) : Double.NaN})).run();
                List<Subject.Observation> list = new ArrayList<>();
                for (int t = 0; t < timesH.length; t++) {
                    for (ResidualError e : compiled.residual()) {
                        double ipred = values.get(t)[e.analyte() == ResidualError.Analyte.PARENT ? 0 : 1];
                        if (!Double.isNaN(ipred)) {
                            double z1 = normal.sample();
                            double z2 = normal.sample();
                            list.add(new Subject.Observation(timesH[t], e.analyte(), ipred, e.observe(ipred, z1, z2)));
                        }
                    }
                }
                return list;
            }
        }

        /** The counts behind the window shares, added in subject order. */
        private final class Counter {
            private final long[] inside = new long[windows.size()];
            private final long[] above = new long[windows.size()];
            private final double[] hoursInside = new double[windows.size()];

            void add(Subject s) {
                for (int w = 0; w < windows.size(); w++) {
                    if (Double.isNaN(s.hoursInWindow()[w])) {
                        inside[w] = -1;
                        above[w] = -1;
                        hoursInside[w] = Double.NaN;
                    } else {
                        inside[w] += s.hoursInWindow()[w] > 0 ? 1 : 0;
                        above[w] += s.windowPeaks()[w] > windows.get(w).highNgPerMl() ? 1 : 0;
                        hoursInside[w] += s.hoursInWindow()[w];
                    }
                }
            }

            PopulationResult.Counts counts() {
                return new PopulationResult.Counts(n, inside, above, hoursInside);
            }
        }
    }

    /** A normal draw redrawn until inside the range; after 1000 misses the range's nearer end. */
    private static double truncatedNormal(NormalizedGaussianSampler normal, double mean, double sd, double[] range) {
        double x = mean;
        for (int attempt = 0; attempt < 1000; attempt++) {
            x = mean + sd * normal.sample();
            if (x >= range[0] && x <= range[1]) {
                return x;
            }
        }
        return Math.min(range[1], Math.max(range[0], x));
    }

    /**
     * Runs {@code work} for 0 to {@code count - 1} and waits: worker t takes the t-th of
     * {@code threads} contiguous ranges (so that no two workers write next to each other).
     */
    private static void parallel(ExecutorService pool, int threads, int count, IntConsumer work) {
        List<Future<?>> jobs = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) count * t / threads);
            int to = (int) ((long) count * (t + 1) / threads);
            jobs.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    work.accept(i);
                }
            }));
        }
        try {
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the population simulation was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
