package org.ketasim.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.NumericSolver;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Solver;
import org.ketasim.core.engine.batch.BatchSolver;
import org.ketasim.core.engine.batch.StandardCase;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.regimen.Regimen;
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
 * The standard case of issue 5 ({@link StandardCase}): 256 subjects, each with its own parameters,
 * a 4-day titrated IV regimen on a 6-state model at a 1-minute grid, summary metrics only. One
 * operation is all 256 subjects, so subjects per second = 256 / (seconds per operation).
 * {@code closed-form} and {@code stepping} are the two methods of the modal
 * {@link org.ketasim.core.engine.batch.BatchSolver} (diagonalisation included): runs of constant
 * rate from the closed form of each mode, or every grid step; {@code exact} and {@code numeric}
 * solve subject by subject with the matrix-exponential and the Dormand-Prince engines and take the
 * summary of the rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StandardCaseBenchmark {

    /** Subjects per operation. */
    public static final int SUBJECTS = 256;

    /** The engine. */
    @Param({"closed-form", "stepping", "exact", "numeric"})
    private String engine;

    private List<LinearSystem> subjects;
    private Regimen regimen;
    private OutputGrid grid;
    private Solver solver;

    /** Draws the subjects once per trial. */
    @Setup
    public void setUp() {
        subjects = StandardCase.subjects(SUBJECTS, 42);
        regimen = StandardCase.regimen();
        grid = OutputGrid.regular(StandardCase.DURATION_H, StandardCase.STEP_H);
        solver = engine.equals("numeric") ? NumericSolver.tight() : new ExactSolver();
    }

    /**
     * @param sink receives every subject's summary
     */
    @Benchmark
    public void subjects(Blackhole sink) {
        if (engine.equals("closed-form") || engine.equals("stepping")) {
            sink.consume(StandardCase.solve(subjects,
                    engine.equals("stepping") ? BatchSolver.Method.STEPPING : BatchSolver.Method.CLOSED_FORM));
            return;
        }
        for (LinearSystem s : subjects) {
            sink.consume(Summary.of(solver.solve(s, DoseTimeline.of(regimen, s), grid), regimen, 70));
        }
    }
}
