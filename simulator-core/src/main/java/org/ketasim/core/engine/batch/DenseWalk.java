package org.ketasim.core.engine.batch;

import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.Propagation;
import org.ketasim.core.model.LinearSystem;

/**
 * Summaries of one subject stepped with the exact solver's propagator (the matrix exponential of
 * the augmented system, exact for any matrix): the fallback for systems that are not safely
 * diagonalisable (repeated eigenvalues, such as equal transit rates, or complex ones).
 */
final class DenseWalk {

    private DenseWalk() {
    }

    /**
     * @param system  the subject's system
     * @param input   the state the IV rate enters
     * @param runs    the rate schedule
     * @param h       the grid step (h)
     * @param out     where the summaries go
     * @param subject the subject's slot
     */
    static void solve(LinearSystem system, int input, RateSegments runs, double h, Results out, int subject) {
        Propagation propagation = new ExactSolver().propagation(system);
        double[] x = new double[system.dimension()];
        double[] u = new double[system.dimension()];
        double cmaxP = 0;
        double tmaxP = 0;
        double cmaxM = 0;
        double cmaxE = 0;
        for (int i = 0; i < runs.size(); i++) {
            u[input] = runs.rate()[i];
            for (int row = runs.start()[i] + 1; row <= runs.start()[i] + runs.length()[i]; row++) {
                propagation.advance(x, h, u);
                double cp = system.parentConcentration(x);
                if (cp > cmaxP) {
                    cmaxP = cp;
                    tmaxP = row * h;
                }
                if (system.hasMetabolite()) {
                    cmaxM = Math.max(cmaxM, system.metaboliteConcentration(x));
                }
                if (system.hasEffectSite()) {
                    cmaxE = Math.max(cmaxE, system.effectConcentration(x));
                }
            }
        }
        out.put(subject, cmaxP, tmaxP, system.parentAuc(x), cmaxM, system.metaboliteAuc(x), cmaxE);
    }
}
