package org.ketasim.core.engine.batch;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ketasim.core.model.LinearSystem;

/**
 * One subject's system in modal form, {@code A = V diag(lambda) V^-1} ({@link BlockEigensystem}),
 * without its AUC states: mode {@code k} follows {@code dz_k/dt = lambda_k z_k + inputGain_k u} for an IV rate {@code u}
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

    /** @return the number of modes */
    int size() {
        return lambda.length;
    }

    /**
     * @param system the subject's system
     * @param r      its readouts
     * @param h      the grid step (h)
     * @return its modal form, or null if its matrix is not safely diagonalisable over the reals
     *         ({@link BlockEigensystem#of})
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
        BlockEigensystem eigen = BlockEigensystem.of(a, Arrays.binarySearch(core, r.input()));
        if (eigen == null) {
            return null;
        }
        double[] lambda = eigen.lambda();
        double[] decay = new double[m];
        double[] decayMinusOne = new double[m];
        double[] stepGain = new double[m];
        double[] parent = new double[m];
        double[] metabolite = new double[m];
        double[] effect = new double[m];
        for (int k = 0; k < m; k++) {
            decay[k] = Math.exp(lambda[k] * h);
            decayMinusOne[k] = Math.expm1(lambda[k] * h);
            stepGain[k] = eigen.input()[k] * decayMinusOne[k] / lambda[k];
            double[] v = eigen.vectors()[k];
            for (int i = 0; i < m; i++) {
                parent[k] += r.parent()[core[i]] * v[i];
                metabolite[k] += r.metabolite()[core[i]] * v[i];
                effect[k] += r.effect()[core[i]] * v[i];
            }
        }
        return new ModalForm(lambda, decay, decayMinusOne, eigen.input(), stepGain, parent, metabolite, effect, h);
    }
}
