package org.ketasim.core.engine.batch;

import org.ketasim.core.engine.MatrixExponential;
import org.ketasim.core.model.LinearSystem;

/**
 * Summaries of one subject with its dense step propagator {@code exp([[A, b], [0, 0]] h)}, exact
 * for any matrix: the fallback for systems that are not safely diagonalisable (repeated
 * eigenvalues, such as equal transit rates, or complex ones).
 */
final class DenseWalk {

    private DenseWalk() {
    }

    /**
     * @param system  the subject's system
     * @param r       its readouts
     * @param rates   the rate over each step (mg/h)
     * @param h       the grid step (h)
     * @param out     where the summaries go
     * @param subject the subject's slot
     */
    static void solve(LinearSystem system, Readout r, double[] rates, double h, Results out, int subject) {
        double[][] a = system.matrix();
        int d = a.length;
        double[][] scaled = new double[d + 1][d + 1];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                scaled[i][j] = a[i][j] * h;
            }
        }
        scaled[r.input()][d] = h;
        double[][] phi = MatrixExponential.exp(scaled);
        double[] x = new double[d];
        double[] next = new double[d];
        double cmaxP = 0;
        double tmaxP = 0;
        double cmaxM = 0;
        double cmaxE = 0;
        for (int step = 0; step < rates.length; step++) {
            for (int i = 0; i < d; i++) {
                double v = phi[i][d] * rates[step];
                for (int j = 0; j < d; j++) {
                    v += phi[i][j] * x[j];
                }
                next[i] = v;
            }
            System.arraycopy(next, 0, x, 0, d);
            double cp = dot(r.parent(), x);
            if (cp > cmaxP) {
                cmaxP = cp;
                tmaxP = (step + 1) * h;
            }
            cmaxM = Math.max(cmaxM, dot(r.metabolite(), x));
            cmaxE = Math.max(cmaxE, dot(r.effect(), x));
        }
        out.put(subject, cmaxP, tmaxP, system.parentAuc(x), cmaxM, system.metaboliteAuc(x), cmaxE);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
