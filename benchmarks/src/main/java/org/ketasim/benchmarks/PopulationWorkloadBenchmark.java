package org.ketasim.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.engine.batch.StandardCase;
import org.ketasim.core.io.TimeSeriesWriter;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Route;
import org.ketasim.core.pd.PdOutcome;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The other population workloads of issue 5, 32 subjects per operation (subjects per second =
 * 32 / seconds per operation), each subject with its own parameters ({@link StandardCase}):
 * <ul>
 * <li>{@code full-series}: the standard case with the whole 1-minute time series kept (5,761 rows)
 * and formatted as {@code run}'s {@code timeseries.csv} (written to a null writer, so formatting
 * is timed but not the disk);</li>
 * <li>{@code sparse-N}: a TCI-like pump record of N rate changes (random rates, 0-60 mg/h, every
 * 9 min) with the concentration at 12 observation times only, off the pump's grid.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PopulationWorkloadBenchmark {

    /** Subjects per operation. */
    public static final int SUBJECTS = 32;

    /** The workload. */
    @Param({"full-series", "sparse-100", "sparse-400"})
    private String workload;

    private List<LinearSystem> subjects;
    private Regimen regimen;
    private OutputGrid grid;
    private final ExactSolver solver = new ExactSolver();
    private final TimeSeriesWriter writer = new TimeSeriesWriter();

    /** Draws the subjects and builds the regimen and grid once per trial. */
    @Setup
    public void setUp() {
        subjects = StandardCase.subjects(SUBJECTS, 7);
        if (workload.equals("full-series")) {
            regimen = StandardCase.regimen();
            grid = OutputGrid.regular(StandardCase.DURATION_H, StandardCase.STEP_H);
            return;
        }
        int changes = Integer.parseInt(workload.substring("sparse-".length()));
        SplittableRandom random = new SplittableRandom(11);
        List<StepSchedule.Step> steps = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            steps.add(new StepSchedule.Step(60 * random.nextDouble(), 0.15));
        }
        regimen = Regimen.of(new StepSchedule(0, steps, Route.IV));
        double end = changes * 0.15 + 12;
        double[] times = new double[12];
        for (int i = 0; i < times.length; i++) {
            times[i] = (i + 1) * end / 12.0 - 0.037;
        }
        grid = OutputGrid.at(times);
    }

    /**
     * @param sink receives every result
     * @throws IOException never (null writer)
     */
    @Benchmark
    public void subjects(Blackhole sink) throws IOException {
        for (LinearSystem s : subjects) {
            SimulationResult r = solver.solve(s, DoseTimeline.of(regimen, s), grid);
            if (workload.equals("full-series")) {
                writer.write(r, PdOutcome.of(r, 1, 7), Writer.nullWriter());
            }
            sink.consume(r.parentConcentration());
        }
    }
}
