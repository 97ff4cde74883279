package org.ketasim.core.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Quantiles} against the R type-7 definition on a fully sorted copy, on sequences of rows
 * that keep their order, cross a little, cross a lot (insertion gives up, selection and resorting
 * take over), hold ties, or change size.
 */
class QuantilesTest {

    private static final double[] PERCENTILES = {0, 2.5, 5, 25, 50, 75, 95, 97.5, 100};

    /** R's quantile(x, p, type = 7) from a sorted copy. */
    private static double[] reference(double[] values, int count, double[] percentiles) {
        double[] x = Arrays.copyOf(values, count);
        Arrays.sort(x);
        double[] out = new double[percentiles.length];
        for (int k = 0; k < percentiles.length; k++) {
            double h = (count - 1) * percentiles[k] / 100;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, count - 1);
            out[k] = x[lo] + (h - lo) * (x[hi] - x[lo]);
        }
        return out;
    }

    /** Rows of {@code n} subjects whose values drift with per-subject rates; {@code spread} sets how much they cross. */
    private static void check(int n, int rows, double spread, double tieFraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] level = new double[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            level[i] = random.nextDouble();
            rate[i] = spread * random.nextGaussian();
        }
        Quantiles q = new Quantiles();
        double[] out = new double[PERCENTILES.length];
        double[] row = new double[n + 3];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                level[i] += rate[i] * (1 + 0.1 * random.nextGaussian());
                row[i] = random.nextDouble() < tieFraction ? Math.rint(level[i] * 4) / 4 : level[i];
            }
            row[n] = Double.NaN;
            q.next(row, n, PERCENTILES, out);
            assertArrayEquals(reference(row, n, PERCENTILES), out, 0, "n " + n + ", row " + r + ", spread " + spread);
        }
    }

    @Test
    void stableOrderSmallCrossingsAndHeavyCrossingsAllGiveExactQuantiles() {
        for (double spread : new double[] {0, 1e-6, 1e-3, 0.05, 1}) {
            check(2000, 40, spread, 0, 1);
        }
    }

    @Test
    void tiesAndTinyPopulations() {
        for (int n : new int[] {1, 2, 3, 5, 24, 25, 26, 100}) {
            check(n, 30, 0.05, 0.5, n);
        }
        check(3000, 20, 0.2, 0.9, 7);
    }

    @Test
    void aChangeOfSizeStartsAfresh() {
        Quantiles q = new Quantiles();
        double[] out = new double[PERCENTILES.length];
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {500, 37, 500, 1}) {
            for (int r = 0; r < 10; r++) {
                double[] row = random.doubles(n).toArray();
                q.next(row, n, PERCENTILES, out);
                assertArrayEquals(reference(row, n, PERCENTILES), out, 0);
            }
        }
    }

    @Test
    void otherPercentilesOnTheSameInstance() {
        Quantiles q = new Quantiles();
        SplittableRandom random = new SplittableRandom(5);
        double[] level = random.doubles(1000).toArray();
        for (int r = 0; r < 30; r++) {
            double[] p = r % 2 == 0 ? new double[] {10, 90} : new double[] {1, 33.3, 50, 99};
            for (int i = 0; i < level.length; i++) {
                level[i] = random.nextDouble();
            }
            double[] out = new double[p.length];
            q.next(level, level.length, p, out);
            assertArrayEquals(reference(level, level.length, p), out, 0);
        }
    }
}
