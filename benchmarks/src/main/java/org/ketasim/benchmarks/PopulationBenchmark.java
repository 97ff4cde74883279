package org.ketasim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PopulationSimulator;
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

/**
 * A virtual population as {@code ketasim population} simulates it: every subject's parameters
 * drawn, its plan built, every output row propagated on the modal engine, the summary, windows and
 * pharmacodynamics observed, and the exact R type-7 percentile bands of every row, then the
 * population outcomes ({@link #replicates} replicates of their parameter uncertainty, 0 for none);
 * the subjects go to a sink that drops them (the CSV writing is not timed). One operation is one population of
 * {@link #subjects} subjects on {@link #threads} worker threads: subjects per second = subjects /
 * (time per operation).
 *
 * <p>Workloads ({@link #scenario}): {@code fixed} is the Dutch inpatient median regimen (11 days at
 * a 15-min step, 1,057 rows of parent, metabolite and effect-site bands; the 10,000-subject
 * target workload); {@code titrated} is the teaching rule titration (+2 mg/h every hour until a
 * responder's NRS falls 2 points, each subject titrating itself, 12 h at a 5-min step) and
 * {@code titrated-fixed} the same schedule without its rules
 * ({@code benchmarks/workloads/rule-2mgh-hourly-fixed.yaml}), the pair the "rule titration
 * within 3x of the fixed schedule" compares.
 *
 * <p>Run e.g. {@code java -jar benchmarks/target/benchmarks.jar PopulationBenchmark -p scenario=fixed
 * -p threads=1 -p replicates=0,200}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PopulationBenchmark {

    /** The workload. */
    @Param({"fixed", "titrated", "titrated-fixed"})
    public String scenario;

    /** Subjects per population. */
    @Param({"10000"})
    public int subjects;

    /** Outcome replicates, as {@code --replicates} (200 by default; 0: simulation and bands only). */
    @Param({"200"})
    public int replicates;

    /** Worker threads (results do not depend on it). */
    @Param({"1", "2"})
    public int threads;

    private CompiledScenario compiled;
    private final PopulationSimulator simulator = new PopulationSimulator(Engine.MODAL);
    private long seed;

    /** Reads the scenario once. */
    @Setup
    public void setUp() {
        compiled = switch (scenario) {
            case "fixed" -> Workloads.scenario("dutch-survey/nl-inpatient-median.yaml");
            case "titrated" -> Workloads.scenario("teaching/rule-2mgh-hourly-until-relief.yaml");
            case "titrated-fixed" -> Workloads.workload("rule-2mgh-hourly-fixed.yaml");
            default -> throw new IllegalArgumentException("unknown workload " + scenario);
        };
    }

    /** @return one population's bands and shares */
    @Benchmark
    public PopulationResult population() {
        return simulator.simulate(compiled, PopulationSettings.of(subjects, ++seed).withThreads(threads)
                .withOutcomeReplicates(replicates), s -> { });
    }
}
