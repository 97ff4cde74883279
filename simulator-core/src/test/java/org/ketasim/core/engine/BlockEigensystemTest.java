package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The block-by-block eigensystem against its definition ({@code A v = lambda v}, {@code V g = e})
 * and against Commons Math's general eigendecomposition, on random compartmental matrices: chains
 * of mammillary groups (a central state exchanging with up to three peripherals, so blocks of 1 to
 * 4 states), each feeding the next.
 */
class BlockEigensystemTest {

    /** A chain of mammillary groups with random rates (1/h); returns the matrix. */
    private static double[][] chain(SplittableRandom random, int[] sizes) {
        int m = Arrays.stream(sizes).sum();
        double[][] a = new double[m][m];
        int first = 0;
        for (int g = 0; g < sizes.length; g++) {
            int central = first;
            a[central][central] -= random.nextDouble(0.05, 5);
            for (int p = 1; p < sizes[g]; p++) {
                double out = random.nextDouble(0.05, 5);
                double back = random.nextDouble(0.02, 3);
                a[central + p][central] += out;
                a[central][central] -= out;
                a[central][central + p] += back;
                a[central + p][central + p] -= back;
            }
            if (g + 1 < sizes.length) {
                double next = random.nextDouble(0.05, 3);
                a[first + sizes[g]][central] += next;
                a[central][central] -= next;
            }
            first += sizes[g];
        }
        return a;
    }

    private static void assertIsEigensystem(double[][] a, int input, BlockEigensystem e) {
        int m = a.length;
        double scale = 0;
        for (double[] row : a) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        double[] rebuilt = new double[m];
        double[] unit = new double[m];
        unit[input] = 1;
        double[] g = e.coordinates(unit);
        // V g = e sums terms as large as |g_k| |v_k|: where modes nearly coincide they cancel, and
        // the rounding left is relative to their sum (the amplification the modal stepper bounds)
        double amplification = 0;
        for (int k = 0; k < m; k++) {
            double[] v = e.vectors()[k];
            double size = Arrays.stream(v).map(Math::abs).max().orElseThrow();
            amplification += Math.abs(g[k]) * size;
            for (int i = 0; i < m; i++) {
                double av = 0;
                for (int j = 0; j < m; j++) {
                    av += a[i][j] * v[j];
                }
                assertEquals(e.lambda()[k] * v[i], av, 1e-11 * scale * size, "A v = lambda v, mode " + k);
                rebuilt[i] += g[k] * v[i];
            }
            if (k > 0) {
                assertEquals(true, e.lambda()[k] > e.lambda()[k - 1], "ascending");
            }
        }
        assertArrayEquals(unit, rebuilt, 1e-12 * Math.max(1, amplification), "V g = e_input, amplification "
                + amplification);
    }

    @Property(tries = 300)
    void randomChainsOfBlocksAreDiagonalisedExactly(@ForAll @IntRange(min = 1, max = 4) int groups,
                                                    @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = new int[groups];
        for (int g = 0; g < groups; g++) {
            sizes[g] = random.nextInt(1, 5);
        }
        double[][] a = chain(random, sizes);
        BlockEigensystem e = BlockEigensystem.of(a);
        double[] general = new EigenDecomposition(new Array2DRowRealMatrix(a)).getRealEigenvalues();
        Arrays.sort(general);
        if (e == null) {
            double gap = Double.POSITIVE_INFINITY;
            for (int k = 0; k + 1 < general.length; k++) {
                gap = Math.min(gap, (general[k + 1] - general[k]) / Math.abs(general[0]));
            }
            assertTrue(gap < 1e-5, "refused, but the eigenvalues are apart by " + gap + " of the largest: "
                    + Arrays.toString(general));
            return;
        }
        assertIsEigensystem(a, 0, e);
        for (int k = 0; k < a.length; k++) {
            assertEquals(general[k], e.lambda()[k], 1e-10 * Math.abs(general[0]), "eigenvalue " + k);
        }
    }

    @Test
    void groupsAreFoundUpstreamFirst() {
        // state 2 feeds 0, which exchanges with 1, which feeds 3
        double[][] a = {
            {-1, 0.5, 0.3, 0},
            {0.4, -0.9, 0, 0},
            {0, 0, -0.3, 0},
            {0, 0.2, 0, -2},
        };
        List<int[]> blocks = BlockEigensystem.blocks(a);
        assertEquals(3, blocks.size());
        assertArrayEquals(new int[] {2}, blocks.get(0));
        assertArrayEquals(new int[] {0, 1}, blocks.get(1));
        assertArrayEquals(new int[] {3}, blocks.get(2));
        assertIsEigensystem(a, 2, BlockEigensystem.of(a));
    }

    @Test
    void repeatedComplexAndZeroEigenvaluesAreRefused() {
        assertNull(BlockEigensystem.of(new double[][] {{-2, 0}, {1, -2}}), "a Jordan block");
        assertNull(BlockEigensystem.of(new double[][] {{0, -1}, {1, 0}}), "a rotation");
        assertNull(BlockEigensystem.of(new double[][] {{-1, 0}, {1, 0}}), "an idle compartment");
        assertNull(BlockEigensystem.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}), "a 3-cycle");
    }

    /** A metabolite mode has exactly no weight in the parent states, so none in the parent concentration. */
    @Test
    void downstreamModesAreExactlyZeroUpstream() {
        double[][] a = chain(new SplittableRandom(4), new int[] {3, 2, 1});
        BlockEigensystem e = BlockEigensystem.of(a);
        for (int k = 0; k < 6; k++) {
            double[] v = e.vectors()[k];
            boolean parentMode = v[0] != 0 || v[1] != 0 || v[2] != 0;
            if (!parentMode) {
                assertEquals(0.0, v[0] + v[1] + v[2]);
            }
        }
        long parentModes = Arrays.stream(e.vectors()).filter(v -> v[0] != 0 || v[1] != 0 || v[2] != 0).count();
        assertEquals(3, parentModes);
    }
}
