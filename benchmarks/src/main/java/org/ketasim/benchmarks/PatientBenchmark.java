package org.ketasim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;
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
 * One patient of a catalogue scenario, as {@code ketasim run} simulates it: the propagator over
 * every output row with the series and summary observers, on each engine. Workload: the Dutch
 * inpatient median regimen (5 mg/h, +2 mg/h every 12 h, max 25 mg/h, 4 days IV; fanta-otto with its
 * metabolite and both effect sites, 9 states), 11 days at a 15-min step (1,057 rows).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PatientBenchmark {

    /** The engine. */
    @Param({"modal", "exact", "numeric"})
    public String engine;

    private CompiledScenario scenario;
    private PatientSimulator simulator;

    /** Reads the scenario once. */
    @Setup
    public void setUp() {
        scenario = Workloads.scenario("dutch-survey/nl-inpatient-median.yaml");
        simulator = new PatientSimulator(Engine.valueOf(engine.toUpperCase(java.util.Locale.ROOT)));
    }

    /** @return one simulated patient */
    @Benchmark
    public PatientResult simulatePatient() {
        return simulator.simulate(scenario);
    }
}
