package org.ketasim.core.engine.batch;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ketasim.core.model.LinearSystem;

/**
 * One subject's system in modal form, {@code A = V diag(lambda) V^-1}, without its AUC states:
 * mode {@code k} follows {@code dz_k/dt = lambda_k z_k + inputGain_k u} for an IV rate {@code u}
 * (mg/h), and the concentrations are {@code sum_k weight_k z_k} (ng/mL). Modes are sorted by
 * eigenvalue, from the fastest (most negative) to the slowest, so that sign patterns of
 * coefficients can be read in order of decay rate.
 *
 * @param lambda           the eigenvalues (1/h), ascending, distinct and non-zero
 * @param decay            {@code exp(lambda h)}, a mode's decay over one grid step
 * @param decayMinusOne    {@code expm1(lambda h)}, without cancellation
 * @param inputGain        {@code (V^-1)_{k, input}}: mode per unit rate, per hour
 * @param stepGain         what a unit rate held over one step adds to a mode at rest
 * @param parent           the parent concentration per unit of each mode
 * @param metabolite       the metabolite concentration per unit of each mode
 * @param effect           the effect-site concentration per unit of each mode
 * @param stepH            the grid step (h)
 */
record ModalForm(double[] lambda, double[] decay, double[] decayMinusOne, double[] inputGain, double[] stepGain,
                 double[] parent, double[] metabolite, double[] effect, double stepH) {

    /** Eigenvalues closer than this (relative) count as repeated. */
    private static final double MIN_EIGEN_GAP = 1e-6;
    /** Largest accepted condition number of the eigenvector matrix. */
    private static final double MAX_CONDITION = 1e8;

    /** @return the number of modes */
    int size() {
        return lambda.length;
    }

    /**
     * @param system the subject's system
     * @param r      its readouts
     * @param h      the grid step (h)
     * @return its modal form, or null if its matrix is not safely diagonalisable over the reals
     *         (complex, repeated or nearly repeated eigenvalues, a zero eigenvalue, or an
     *         ill-conditioned eigenvector matrix)
     */
    static ModalForm of(LinearSystem system, Readout r, double h) {
        double[][] full = system.matrix();
        int[] core = IntStream.range(0, full.length).filter(j -> !system.isAuc(j)).toArray();
        int m = core.length;
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = full[core[i]][core[j]];
            }
        }
        EigenDecomposition eigen;
        try {
            eigen = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        } catch (RuntimeException e) {
            return null;
        }
        if (eigen.hasComplexEigenvalues()) {
            return null;
        }
        double[] eigenvalues = eigen.getRealEigenvalues();
        if (!distinctAndNonZero(eigenvalues)) {
            return null;
        }
        RealMatrix v = eigen.getV();
        LUDecomposition lu = new LUDecomposition(v);
        if (!lu.getSolver().isNonSingular()) {
            return null;
        }
        RealMatrix vInverse = lu.getSolver().getInverse();
        if (v.getNorm() * vInverse.getNorm() > MAX_CONDITION) {
            return null;
        }
        int input = Arrays.binarySearch(core, r.input());
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> eigenvalues[k]));
        double[] lambda = new double[m];
        double[] decay = new double[m];
        double[] decayMinusOne = new double[m];
        double[] inputGain = new double[m];
        double[] stepGain = new double[m];
        double[] parent = new double[m];
        double[] metabolite = new double[m];
        double[] effect = new double[m];
        for (int k = 0; k < m; k++) {
            int mode = order[k];
            lambda[k] = eigenvalues[mode];
            decay[k] = Math.exp(lambda[k] * h);
            decayMinusOne[k] = Math.expm1(lambda[k] * h);
            inputGain[k] = vInverse.getEntry(mode, input);
            stepGain[k] = inputGain[k] * decayMinusOne[k] / lambda[k];
            for (int i = 0; i < m; i++) {
                parent[k] += r.parent()[core[i]] * v.getEntry(i, mode);
                metabolite[k] += r.metabolite()[core[i]] * v.getEntry(i, mode);
                effect[k] += r.effect()[core[i]] * v.getEntry(i, mode);
            }
        }
        return new ModalForm(lambda, decay, decayMinusOne, inputGain, stepGain, parent, metabolite, effect, h);
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
}
