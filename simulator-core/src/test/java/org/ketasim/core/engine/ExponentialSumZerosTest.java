package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Sign changes of sums of exponentials, against constructed zeros and a dense scan. */
class ExponentialSumZerosTest {

    private static double[] powers(double[] mu, double b) {
        double[] p = new double[mu.length];
        for (int k = 0; k < mu.length; k++) {
            p[k] = Math.exp(mu[k] * b);
        }
        return p;
    }

    private static double value(double[] c, double[] mu, double x) {
        double v = 0;
        for (int k = 0; k < c.length; k++) {
            v += c[k] * Math.exp(mu[k] * x);
        }
        return v;
    }

    /** {@code exp(-x) - 2 exp(-2x) + ...}: e^-x (1 - 2 e^-x) is zero at x = ln 2. */
    @Test
    void aSingleSignChangeIsFoundToTheAccuracyAsked() {
        double[] c = {-2, 1};
        double[] mu = {-2, -1};
        ExponentialSumZeros zeros = new ExponentialSumZeros(1e-9);
        assertEquals(1, zeros.find(c, mu, 2, 10, powers(mu, 10)));
        assertEquals(Math.log(2), zeros.low(0), 1e-9);
        assertEquals(0, zeros.find(c, mu, 2, 0.5, powers(mu, 0.5)), "the zero lies beyond 0.5");
    }

    /**
     * {@code (y - 1/2)(y - 1/4) y} with {@code y = e^-x} is {@code y^3 - 3/4 y^2 + 1/8 y}: zeros
     * at {@code ln 2} and {@code ln 4}, two sign changes among the coefficients.
     */
    @Test
    void twoSignChangesAreSeparated() {
        double[] c = {1, -0.75, 0.125};
        double[] mu = {-3, -2, -1};
        ExponentialSumZeros zeros = new ExponentialSumZeros(1e-9);
        int found = zeros.find(c, mu, 3, 5, powers(mu, 5));
        assertEquals(2, found);
        assertEquals(Math.log(2), zeros.low(0), 1e-9);
        assertEquals(Math.log(4), zeros.low(1), 1e-9);
    }

    /**
     * Mixed signs but no zero: {@code y (y^2 - y + 2)} with {@code y = e^-x} is positive
     * everywhere, and the Budan-Fourier count settles it without a region. A near-double root,
     * {@code y ((y - 1/2)^2 + 1/100)}, is reported as a region one unit wide at most.
     */
    @Test
    void mixedSignsWithoutAZeroGiveNoRegionOrANarrowOne() {
        double[] mu = {-3, -2, -1};
        ExponentialSumZeros zeros = new ExponentialSumZeros(1e-9);
        assertEquals(0, zeros.find(new double[] {1, -1, 2}, mu, 3, 719, powers(mu, 719)));
        int found = zeros.find(new double[] {1, -1, 0.26}, mu, 3, 719, powers(mu, 719));
        assertTrue(found <= 1);
        for (int r = 0; r < found; r++) {
            assertTrue(zeros.high(r) - zeros.low(r) <= 1);
            assertTrue(zeros.low(r) <= Math.log(2) && zeros.high(r) >= Math.log(2), "around the near-double root");
        }
    }

    /**
     * Random sums: every sign change seen on a fine scan lies in a reported region, and every
     * region holds a sign change or lies within one unit of x.
     */
    @Property(tries = 300)
    void everySignChangeOnAFineScanIsInARegion(@ForAll @IntRange(min = 2, max = 7) int n, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] mu = new double[n];
        double[] c = new double[n];
        double exponent = -random.nextDouble(0.5, 3);
        for (int k = 0; k < n; k++) {
            mu[k] = exponent;
            exponent += random.nextDouble(0.02, 0.6);
            c[k] = (random.nextBoolean() ? 1 : -1) * Math.exp(random.nextDouble(-3, 3));
        }
        double b = random.nextDouble(1, 60);
        ExponentialSumZeros zeros = new ExponentialSumZeros(1e-9);
        int found = zeros.find(c, mu, n, b, powers(mu, b));
        List<double[]> regions = new ArrayList<>();
        for (int r = 0; r < found; r++) {
            regions.add(new double[] {zeros.low(r), zeros.high(r)});
            assertTrue(zeros.high(r) - zeros.low(r) <= 1, "a region wider than one unit");
            if (r > 0) {
                assertTrue(zeros.low(r) >= zeros.high(r - 1), "regions out of order");
            }
        }
        int scan = 20_000;
        double previous = value(c, mu, 0);
        for (int i = 1; i <= scan; i++) {
            double x = b * i / scan;
            double v = value(c, mu, x);
            if ((previous > 0 && v < 0) || (previous < 0 && v > 0)) {
                double from = b * (i - 1) / scan;
                boolean covered = regions.stream().anyMatch(r -> r[0] <= x + 1e-6 && r[1] >= from - 1e-6);
                assertTrue(covered, "sign change in [" + from + ", " + x + "] outside every region " + regions);
            }
            previous = v;
        }
    }
}
