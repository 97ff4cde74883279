package org.ketasim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Variability;
import org.ketasim.core.population.Quantiles;
import org.ketasim.core.scenario.CompiledScenario;
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
 * The exact R type-7 percentile bands of a population as {@code ketasim population} computes them
 * ({@link Quantiles}, the default 5th, 25th, 50th, 75th and 95th percentiles), alone: the rows of
 * parent, metabolite and acute effect site of {@link #subjects} subjects of the Dutch inpatient
 * median regimen (1,057 rows at a 15-min step, each subject with its own variability, simulated
 * once in the set-up), one {@code Quantiles} per analyte taken through every row in order. One
 * operation is the bands of all three analytes.
 *
 * <p>Run e.g. {@code java -jar benchmarks/target/benchmarks.jar QuantilesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QuantilesBenchmark {

    private static final Observable[] BANDED = {Observable.PARENT, Observable.METABOLITE, Observable.EFFECT};
    private static final double[] PERCENTILES = {5, 25, 50, 75, 95};

    /** Subjects per row. */
    @Param({"10000"})
    public int subjects;

    /** Per analyte, per row, every subject's value (ng/mL). */
    private double[][][] rows;

    /** Simulates the subjects once (seed 1). */
    @Setup
    public void setUp() {
        CompiledScenario c = Workloads.scenario("dutch-survey/nl-inpatient-median.yaml");
        Variability variability = Variability.of(c.variability(), c.typicalModel());
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_SHI_RO_256_PP.create(1L));
        rows = new double[BANDED.length][c.plan().grid().size()][subjects];
        for (int i = 0; i < subjects; i++) {
            Plan plan = c.plan(variability.apply(c.individualModel(), variability.sample(normal)));
            int subject = i;
            new Propagator(plan, Engine.MODAL).observe((row, p) -> {
                for (int a = 0; a < BANDED.length; a++) {
                    rows[a][row][subject] = p.value(BANDED[a]);
                }
            }).run();
        }
    }

    /** @return the sum of the medians, so that nothing is optimised away */
    @Benchmark
    public double bands() {
        double[] out = new double[PERCENTILES.length];
        double sum = 0;
        for (double[][] analyte : rows) {
            Quantiles q = new Quantiles();
            for (double[] row : analyte) {
                q.next(row, subjects, PERCENTILES, out);
                sum += out[2];
            }
        }
        return sum;
    }
}
