package org.ketasim.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The eigenvalues and right eigenvectors of a compartmental matrix, and the coordinates of any
 * vector in that basis, found block by block.
 *
 * <p>Drug moves one way between groups of states (parent to metabolite, central to effect site),
 * so after ordering the strongly connected groups upstream first the matrix is block lower
 * triangular, and its eigenvalues are those of the diagonal blocks: 1&times;1 blocks give theirs
 * at once, 2&times;2 and 3&times;3 blocks from their characteristic polynomials (the cubic by the
 * trigonometric formula, polished by Newton steps), larger ones from Commons Math's
 * {@link EigenDecomposition}. An eigenvector of block J is zero upstream of J, the block's own
 * eigenvector on J, and is completed downstream by solving {@code (A_KK - lambda I) v_K =
 * -sum A_KL v_L}, one block at a time. The coordinates {@code g} of a vector {@code b} solve
 * {@code V g = b}, again block by block. The zeros upstream are exact, so a metabolite mode has no
 * weight at all in the parent concentration. This costs a fraction of a general
 * eigendecomposition, and is what makes the modal set-up cheap enough for populations.
 *
 * <p>Modes are sorted by eigenvalue, ascending (fastest decay first). Immutable.
 */
final class BlockEigensystem {

    /** Commons Math's default singularity threshold of {@link LUDecomposition}. */
    private static final double SINGULARITY = 1e-11;
    /** Eigenvalues closer than this (relative to the largest) count as repeated. */
    private static final double MIN_EIGEN_GAP = 1e-6;

    private final double[] lambda;
    private final double[][] vectors;
    private final List<int[]> blocks;
    private final int[] blockOf;
    private final double[][][] localInverse;
    private final double[][] blockOrderVectors;
    private final int[] order;

    private BlockEigensystem(double[] lambda, double[][] vectors, List<int[]> blocks, int[] blockOf,
                             double[][][] localInverse, double[][] blockOrderVectors, int[] order) {
        this.lambda = lambda;
        this.vectors = vectors;
        this.blocks = blocks;
        this.blockOf = blockOf;
        this.localInverse = localInverse;
        this.blockOrderVectors = blockOrderVectors;
        this.order = order;
    }

    /** @return the eigenvalues (1/h), ascending; do not modify */
    double[] lambda() {
        return lambda;
    }

    /** @return the right eigenvectors, {@code vectors()[k]} for {@code lambda()[k]}; do not modify */
    double[][] vectors() {
        return vectors;
    }

    /**
     * @param a the matrix (square)
     * @return its eigensystem, or null if the matrix is not safely diagonalisable over the reals:
     *         complex, repeated, nearly repeated or zero eigenvalues
     */
    static BlockEigensystem of(double[][] a) {
        int m = a.length;
        List<int[]> blocks = cachedBlocks(a);
        double[] lambda = new double[m];
        double[][] vectors = new double[m][];
        int[] blockOf = new int[m];
        double[][][] localInverse = new double[blocks.size()][][];
        Local[] locals = new Local[blocks.size()];
        int mode = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int[] states = blocks.get(b);
            locals[b] = Local.of(sub(a, states, states));
            if (locals[b] == null) {
                return null;
            }
            localInverse[b] = locals[b].inverse();
            for (int j = 0; j < states.length; j++) {
                lambda[mode] = locals[b].lambda()[j];
                blockOf[mode] = b;
                mode++;
            }
        }
        if (!distinctAndNonZero(lambda)) {
            return null;
        }
        mode = 0;
        for (int b = 0; b < blocks.size(); b++) {
            for (int j = 0; j < blocks.get(b).length; j++) {
                vectors[mode] = vector(a, blocks, b, locals[b].vectors()[j], lambda[mode]);
                if (vectors[mode] == null) {
                    return null;
                }
                mode++;
            }
        }
        int[] order = new int[m];
        for (int k = 0; k < m; k++) {
            int j = k - 1;
            while (j >= 0 && lambda[order[j]] > lambda[k]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
        double[] sortedLambda = new double[m];
        double[][] sortedVectors = new double[m][];
        for (int k = 0; k < m; k++) {
            sortedLambda[k] = lambda[order[k]];
            sortedVectors[k] = vectors[order[k]];
        }
        return new BlockEigensystem(sortedLambda, sortedVectors, blocks, blockOf, localInverse, vectors, order);
    }

    /**
     * Solves {@code V g = b} block by block, upstream first: the rows of block J involve only the
     * modes of J and of blocks upstream of it, and {@code V_JJ} is the block's local eigenvector
     * matrix, whose inverse is known.
     *
     * @param b a vector of the matrix's dimension
     * @return its coordinates {@code g}, in mode order: {@code b = sum_k g[k] vectors()[k]}
     */
    double[] coordinates(double[] b) {
        int m = blockOrderVectors.length;
        double[] g = new double[m];
        double[] rhs = new double[m];
        boolean reached = false;
        int first = 0;
        for (int j = 0; j < blocks.size(); first += blocks.get(j).length, j++) {
            int[] states = blocks.get(j);
            if (!reached) {
                // upstream of b's first nonzero state every coordinate is zero: nothing to solve
                for (int state : states) {
                    reached |= b[state] != 0;
                }
                if (!reached) {
                    continue;
                }
            }
            // modes are numbered block by block, so the upstream ones are those before the block's first
            for (int i = 0; i < states.length; i++) {
                rhs[i] = b[states[i]];
                for (int k = 0; k < first; k++) {
                    if (g[k] != 0) {
                        rhs[i] -= blockOrderVectors[k][states[i]] * g[k];
                    }
                }
            }
            for (int c = 0; c < states.length; c++) {
                double sum = 0;
                for (int i = 0; i < states.length; i++) {
                    sum += localInverse[j][c][i] * rhs[i];
                }
                g[first + c] = sum;
            }
        }
        double[] sorted = new double[m];
        for (int k = 0; k < m; k++) {
            sorted[k] = g[order[k]];
        }
        return sorted;
    }

    /** The blocks of the last few sparsity patterns seen: a population's subjects all share one. */
    private static final Map<Pattern, List<int[]>> BLOCKS = new ConcurrentHashMap<>();
    /** At most this many patterns are kept. */
    private static final int PATTERNS = 64;

    /** Which entries of a square matrix are nonzero. */
    private record Pattern(int m, long[] bits) {
        static Pattern of(double[][] a) {
            int m = a.length;
            long[] bits = new long[(m * m + 63) >>> 6];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (a[i][j] != 0) {
                        int at = i * m + j;
                        bits[at >>> 6] |= 1L << at;
                    }
                }
            }
            return new Pattern(m, bits);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pattern p && p.m == m && Arrays.equals(p.bits, bits);
        }

        @Override
        public int hashCode() {
            return 31 * m + Arrays.hashCode(bits);
        }
    }

    /** {@link #blocks}, remembered by sparsity pattern (the groups depend on nothing else); do not modify. */
    private static List<int[]> cachedBlocks(double[][] a) {
        Pattern key = Pattern.of(a);
        List<int[]> blocks = BLOCKS.get(key);
        if (blocks == null) {
            blocks = List.copyOf(blocks(a));
            if (BLOCKS.size() >= PATTERNS) {
                BLOCKS.clear();
            }
            BLOCKS.put(key, blocks);
        }
        return blocks;
    }

    /**
     * The strongly connected groups of states, upstream first. State j feeds state i when
     * {@code a[i][j] != 0}; a group is upstream of another if it feeds it, directly or not.
     */
    static List<int[]> blocks(double[][] a) {
        int m = a.length;
        boolean[][] reach = new boolean[m][m];
        for (int i = 0; i < m; i++) {
            reach[i][i] = true;
            for (int j = 0; j < m; j++) {
                if (a[j][i] != 0) {
                    reach[i][j] = true;
                }
            }
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                if (reach[i][k]) {
                    for (int j = 0; j < m; j++) {
                        reach[i][j] |= reach[k][j];
                    }
                }
            }
        }
        int[] upstream = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (reach[j][i]) {
                    upstream[i]++;
                }
            }
        }
        List<int[]> blocks = new ArrayList<>();
        boolean[] placed = new boolean[m];
        Integer[] byUpstream = new Integer[m];
        Arrays.setAll(byUpstream, i -> i);
        Arrays.sort(byUpstream, Comparator.comparingInt(i -> upstream[i]));
        for (int i : byUpstream) {
            if (!placed[i]) {
                int[] block = IntStream.range(0, m).filter(j -> reach[i][j] && reach[j][i]).toArray();
                for (int j : block) {
                    placed[j] = true;
                }
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** One diagonal block's eigenvalues, eigenvectors (as rows) and the inverse of its eigenvector matrix. */
    private record Local(double[] lambda, double[][] vectors, double[][] inverse) {

        static Local of(double[][] b) {
            int s = b.length;
            if (s == 1) {
                return new Local(new double[] {b[0][0]}, new double[][] {{1}}, new double[][] {{1}});
            }
            if (s == 2) {
                return ofTwo(b);
            }
            if (s == 3) {
                return ofThree(b);
            }
            EigenDecomposition eigen;
            try {
                eigen = new EigenDecomposition(new Array2DRowRealMatrix(b, false));
            } catch (RuntimeException e) {
                return null;
            }
            if (eigen.hasComplexEigenvalues()) {
                return null;
            }
            RealMatrix v = eigen.getV();
            DecompositionSolver lu = new LUDecomposition(v).getSolver();
            if (!lu.isNonSingular()) {
                return null;
            }
            return new Local(eigen.getRealEigenvalues(), v.transpose().getData(), lu.getInverse().getData());
        }

        /** The quadratic, with the larger-magnitude root first computed without cancellation. */
        private static Local ofTwo(double[][] b) {
            double trace = b[0][0] + b[1][1];
            double det = b[0][0] * b[1][1] - b[0][1] * b[1][0];
            double half = 0.5 * (b[0][0] - b[1][1]);
            double discriminant = half * half + b[0][1] * b[1][0];
            if (!(discriminant > 0)) {
                return null;
            }
            double big = 0.5 * trace + Math.copySign(Math.sqrt(discriminant), trace);
            if (big == 0) {
                return null;
            }
            double[] lambda = {big, det / big};
            double[][] vectors = new double[2][];
            for (int j = 0; j < 2; j++) {
                double[] fromRow0 = {b[0][1], lambda[j] - b[0][0]};
                double[] fromRow1 = {lambda[j] - b[1][1], b[1][0]};
                vectors[j] = norm(fromRow0) >= norm(fromRow1) ? fromRow0 : fromRow1;
            }
            double d = vectors[0][0] * vectors[1][1] - vectors[1][0] * vectors[0][1];
            if (d == 0) {
                return null;
            }
            double[][] inverse = {{vectors[1][1] / d, -vectors[1][0] / d}, {-vectors[0][1] / d, vectors[0][0] / d}};
            return new Local(lambda, vectors, inverse);
        }
    }

    /**
     * The characteristic cubic {@code x^3 + p2 x^2 + p1 x + p0}: three real roots by the
     * trigonometric formula, each polished by two Newton steps; each eigenvector as the largest
     * cross product of two rows of {@code B - lambda I}; the inverse from the cross products of
     * the eigenvectors.
     */
    private static Local ofThree(double[][] b) {
        double p2 = -(b[0][0] + b[1][1] + b[2][2]);
        double p1 = b[0][0] * b[1][1] - b[0][1] * b[1][0] + b[0][0] * b[2][2] - b[0][2] * b[2][0]
                + b[1][1] * b[2][2] - b[1][2] * b[2][1];
        double p0 = -determinant(b[0], b[1], b[2]);
        double p = p1 - p2 * p2 / 3;
        double q = 2 * p2 * p2 * p2 / 27 - p2 * p1 / 3 + p0;
        if (!(p < 0) || !(4 * p * p * p + 27 * q * q < 0)) {
            return null;
        }
        double radius = 2 * Math.sqrt(-p / 3);
        double angle = Math.acos(Math.max(-1, Math.min(1, 3 * q / (p * radius)))) / 3;
        double[] lambda = new double[3];
        double[][] vectors = new double[3][];
        for (int k = 0; k < 3; k++) {
            double x = radius * Math.cos(angle - 2 * Math.PI * k / 3) - p2 / 3;
            for (int newton = 0; newton < 2; newton++) {
                double value = ((x + p2) * x + p1) * x + p0;
                double slope = (3 * x + 2 * p2) * x + p1;
                if (slope != 0) {
                    x -= value / slope;
                }
            }
            lambda[k] = x;
            double[][] shifted = {b[0].clone(), b[1].clone(), b[2].clone()};
            for (int i = 0; i < 3; i++) {
                shifted[i][i] -= x;
            }
            double[][] candidates = {cross(shifted[0], shifted[1]), cross(shifted[0], shifted[2]),
                cross(shifted[1], shifted[2])};
            vectors[k] = candidates[0];
            for (double[] c : candidates) {
                if (norm(c) > norm(vectors[k])) {
                    vectors[k] = c;
                }
            }
        }
        double det = determinant(vectors[0], vectors[1], vectors[2]);
        if (det == 0 || !Double.isFinite(det)) {
            return null;
        }
        double[][] inverse = {cross(vectors[1], vectors[2]), cross(vectors[2], vectors[0]), cross(vectors[0], vectors[1])};
        for (double[] row : inverse) {
            for (int j = 0; j < 3; j++) {
                row[j] /= det;
            }
        }
        return new Local(lambda, vectors, inverse);
    }

    private static double determinant(double[] r0, double[] r1, double[] r2) {
        return dot(r0, cross(r1, r2));
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double[][] sub(double[][] a, int[] rows, int[] columns) {
        double[][] out = new double[rows.length][columns.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                out[i][j] = a[rows[i]][columns[j]];
            }
        }
        return out;
    }

    /** The eigenvector of {@code lambda}, an eigenvalue of block {@code own} with local vector {@code local}. */
    private static double[] vector(double[][] a, List<int[]> blocks, int own, double[] local, double lambda) {
        double[] v = new double[a.length];
        int[] states = blocks.get(own);
        for (int j = 0; j < states.length; j++) {
            v[states[j]] = local[j];
        }
        for (int b = own + 1; b < blocks.size(); b++) {
            int[] block = blocks.get(b);
            double[] rhs = new double[block.length];
            boolean fed = false;
            for (int i = 0; i < block.length; i++) {
                // the block's own entries of v are still zero: only upstream ones are nonzero
                for (int j = 0; j < a.length; j++) {
                    if (v[j] != 0) {
                        rhs[i] -= a[block[i]][j] * v[j];
                    }
                }
                fed |= rhs[i] != 0;
            }
            if (!fed) {
                continue;
            }
            if (block.length == 1) {
                double pivot = a[block[0]][block[0]];
                pivot -= lambda;
                if (pivot == 0) {
                    return null;
                }
                v[block[0]] = rhs[0] / pivot;
                continue;
            }
            double[][] shifted = sub(a, block, block);
            for (int i = 0; i < block.length; i++) {
                shifted[i][i] -= lambda;
            }
            double[] solved = solve(shifted, rhs);
            if (solved == null) {
                return null;
            }
            for (int i = 0; i < block.length; i++) {
                v[block[i]] = solved[i];
            }
        }
        return v;
    }

    /**
     * Solves {@code m x = rhs} (m is overwritten) as Commons Math's {@link LUDecomposition} with its
     * default singularity threshold and its solver do, operation for operation (Crout with partial
     * pivoting, then forward and back substitution), without their objects.
     *
     * @return x, or null if the matrix is singular by that threshold
     */
    static double[] solve(double[][] m, double[] rhs) {
        int n = m.length;
        if (n == 1) {
            return m[0][0] == 0 ? null : new double[] {rhs[0] / m[0][0]};
        }
        double[][] lu = m;
        int[] pivot = new int[n];
        for (int i = 0; i < n; i++) {
            pivot[i] = i;
        }
        for (int col = 0; col < n; col++) {
            for (int row = 0; row < col; row++) {
                double[] luRow = lu[row];
                double sum = luRow[col];
                for (int i = 0; i < row; i++) {
                    sum -= luRow[i] * lu[i][col];
                }
                luRow[col] = sum;
            }
            int max = col;
            double largest = Double.NEGATIVE_INFINITY;
            for (int row = col; row < n; row++) {
                double[] luRow = lu[row];
                double sum = luRow[col];
                for (int i = 0; i < col; i++) {
                    sum -= luRow[i] * lu[i][col];
                }
                luRow[col] = sum;
                if (Math.abs(sum) > largest) {
                    largest = Math.abs(sum);
                    max = row;
                }
            }
            if (Math.abs(lu[max][col]) < SINGULARITY) {
                return null;
            }
            if (max != col) {
                double[] swap = lu[max];
                lu[max] = lu[col];
                lu[col] = swap;
                int p = pivot[max];
                pivot[max] = pivot[col];
                pivot[col] = p;
            }
            double diagonal = lu[col][col];
            for (int row = col + 1; row < n; row++) {
                lu[row][col] /= diagonal;
            }
        }
        double[] x = new double[n];
        for (int row = 0; row < n; row++) {
            x[row] = rhs[pivot[row]];
        }
        for (int col = 0; col < n; col++) {
            double xCol = x[col];
            for (int i = col + 1; i < n; i++) {
                x[i] -= xCol * lu[i][col];
            }
        }
        for (int col = n - 1; col >= 0; col--) {
            x[col] /= lu[col][col];
            double xCol = x[col];
            for (int i = 0; i < col; i++) {
                x[i] -= xCol * lu[i][col];
            }
        }
        return x;
    }

    private static boolean distinctAndNonZero(double[] lambda) {
        double scale = 0;
        for (double l : lambda) {
            scale = Math.max(scale, Math.abs(l));
        }
        for (int i = 0; i < lambda.length; i++) {
            if (Math.abs(lambda[i]) <= MIN_EIGEN_GAP * scale) {
                return false;
            }
            for (int j = i + 1; j < lambda.length; j++) {
                if (Math.abs(lambda[i] - lambda[j]) <= MIN_EIGEN_GAP * scale) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double norm(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
