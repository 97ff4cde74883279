package org.ketasim.core.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Quantiles} against the R type-7 definition on a fully sorted copy, on sequences of rows
 * that keep their order, cross a little, cross a lot (windows miss and anchor again; below the
 * windowed size, insertion gives up and selection and resorting take over), drift steadily past
 * the windows, hold ties or all-equal rows, change size, or ask for percentiles too close for
 * windows, at the ends (0 and 100), or too many for windows.
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
    void windowsFollowDriftCrossingAndJumps() {
        for (double spread : new double[] {0, 1e-5, 1e-3, 0.02, 1}) {
            check(20_000, 60, spread, 0, 11);
        }
        check(513, 80, 0.01, 0.3, 12);
        check(5000, 60, 0.01, 0.95, 13);
    }

    @Test
    void steadyDriftThroughThePopulation() {
        // every subject's rank moves steadily, so the windows must keep being re-anchored
        int n = 4000;
        Quantiles q = new Quantiles();
        double[] out = new double[PERCENTILES.length];
        double[] row = new double[n];
        for (int r = 0; r < 200; r++) {
            for (int i = 0; i < n; i++) {
                row[i] = Math.sin(i * 0.001 + r * 0.05 * (i % 7)) + i * 1e-4;
            }
            q.next(row, n, PERCENTILES, out);
            assertArrayEquals(reference(row, n, PERCENTILES), out, 0, "row " + r);
        }
    }

    @Test
    void allEqualRowsThenSpread() {
        int n = 3000;
        Quantiles q = new Quantiles();
        double[] out = new double[PERCENTILES.length];
        SplittableRandom random = new SplittableRandom(17);
        for (int r = 0; r < 30; r++) {
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                row[i] = r < 5 ? 0 : r < 10 ? (i % 2 == 0 ? -0.0 : 0.0) : random.nextDouble() * r;
            }
            q.next(row, n, PERCENTILES, out);
            assertArrayEquals(reference(row, n, PERCENTILES), out, 0, "row " + r);
        }
    }

    @Test
    void closeOrManyPercentiles() {
        SplittableRandom random = new SplittableRandom(19);
        double[][] sets = {{50, 50.01, 50.02}, {0, 100}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {99.9}};
        for (double[] p : sets) {
            Quantiles q = new Quantiles();
            double[] level = random.doubles(6000).toArray();
            double[] out = new double[p.length];
            for (int r = 0; r < 25; r++) {
                for (int i = 0; i < level.length; i++) {
                    level[i] += 0.01 * random.nextGaussian();
                }
                q.next(level, level.length, p, out);
                assertArrayEquals(reference(level, level.length, p), out, 0, Arrays.toString(p) + " row " + r);
            }
        }
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
