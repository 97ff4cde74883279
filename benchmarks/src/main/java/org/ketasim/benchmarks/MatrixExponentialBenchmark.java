package org.ketasim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ketasim.core.engine.MatrixExponential;
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
 * The exact solver's cost per distinct interval length: one exponential of the augmented matrix
 * {@code [[A, I], [0, 0]] h} (size 2n), for a chain-like PK matrix of n states at a 5-min step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatrixExponentialBenchmark {

    /** Number of states n (3-compartment parent, 2-compartment metabolite, effect, 2 AUCs = 8). */
    @Param({"4", "8", "12"})
    private int states;

    private double[][] augmented;

    /** Builds a mammillary-like matrix with rate constants between 0.05 and 7 per hour. */
    @Setup
    public void setUp() {
        double h = 5.0 / 60;
        augmented = new double[2 * states][2 * states];
        for (int i = 0; i < states; i++) {
            double k = 0.05 + 7.0 * i / states;
            augmented[i][i] = -k * h;
            if (i > 0) {
                augmented[i][i - 1] = 0.5 * k * h;
                augmented[i - 1][i] = 0.3 * k * h;
            }
            augmented[i][states + i] = h;
        }
    }

    /** @return e to the augmented matrix */
    @Benchmark
    public double[][] exponential() {
        return MatrixExponential.exp(augmented);
    }
}
