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
 * A virtual population as {@code ketasim population} simulates it, on one thread: every subject's
 * parameters drawn, its plan built, every output row propagated on the modal engine, the summary,
 * windows and pharmacodynamics observed, and the exact R type-7 percentile bands of every row; the
 * subjects go to a sink that drops them (the CSV writing is not timed). One operation is one
 * population of {@link #subjects} subjects: subjects per second = subjects / (time per operation).
 *
 * <p>Workloads ({@link #scenario}): {@code fixed} is the Dutch inpatient median regimen (11 days at
 * a 15-min step, 1,057 rows; the 10,000-subject target workload); {@code titrated} is the
 * teaching rule titration (+2 mg/h every hour until a responder's NRS falls 2 points, each subject
 * titrating itself).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PopulationBenchmark {

    /** The workload. */
    @Param({"fixed", "titrated"})
    public String scenario;

    /** Subjects per population. */
    @Param({"1000"})
    public int subjects;

    private CompiledScenario compiled;
    private final PopulationSimulator simulator = new PopulationSimulator(Engine.MODAL);
    private long seed;

    /** Reads the scenario once. */
    @Setup
    public void setUp() {
        compiled = Workloads.scenario(scenario.equals("fixed") ? "dutch-survey/nl-inpatient-median.yaml"
                : "teaching/rule-2mgh-hourly-until-relief.yaml");
    }

    /** @return one population's bands and shares */
    @Benchmark
    public PopulationResult population() {
        return simulator.simulate(compiled, PopulationSettings.of(subjects, ++seed), s -> { });
    }
}
