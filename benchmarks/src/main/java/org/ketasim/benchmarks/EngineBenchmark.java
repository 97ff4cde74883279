package org.ketasim.benchmarks;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.NumericSolver;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.engine.Solver;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.TitrationSchedule;
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
 * One patient, the standard case: the Dutch inpatient median regimen (5 mg/h, +2 mg/h every 12 h,
 * max 25 mg/h, 4 days IV), simulated for 6 days at a 5-min output step (1,729 rows), on an
 * S-ketamine model of 1 to 3 compartments (Fanta 2015 / Otto 2021 values) with the norketamine
 * metabolite (2 compartments) and an effect site. Each operation is one whole simulation: state-space
 * system, dose timeline and solve.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {

    /** The solver: matrix exponential or Dormand-Prince 8(5,3) at 1e-12. */
    @Param({"exact", "numeric"})
    private String solver;

    /** Number of parent compartments. */
    @Param({"1", "2", "3"})
    private int compartments;

    private PkModel model;
    private Regimen regimen;
    private OutputGrid grid;
    private Solver engine;

    /** Builds the model, regimen, grid and solver once per trial. */
    @Setup
    public void setUp() {
        PkModel m = PkModel.of("s-ketamine", 133, 95.2)
                .withMetabolite(new Metabolite("norketamine", 1, 1, 98.6, 57.7, Optional.of(new Peripheral(160, 42.8))))
                .withEffectSite(new EffectSite(6.84));
        if (compartments >= 2) {
            m = m.withPeripheral(new Peripheral(187, 23.2));
        }
        if (compartments == 3) {
            m = m.withPeripheral(new Peripheral(98.8, 157));
        }
        model = m;
        regimen = Regimen.of(new TitrationSchedule(0, 5, 2, 12, 25, 96, Route.IV));
        grid = OutputGrid.regular(144, 5.0 / 60);
        engine = solver.equals("exact") ? new ExactSolver() : NumericSolver.tight();
    }

    /** @return the whole simulation of one patient */
    @Benchmark
    public SimulationResult simulatePatient() {
        LinearSystem system = LinearSystem.of(model);
        return engine.solve(system, DoseTimeline.of(regimen, system), grid);
    }
}
