package org.ketasim.core.engine.batch;

import java.util.Arrays;
import java.util.List;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Route;

/**
 * Summary metrics of many subjects at once, for populations and benchmarks: the same
 * piecewise-constant IV rate schedule on a regular grid, each subject with its own parameters.
 *
 * <p>Each subject's system is diagonalised, {@code A = V diag(lambda) V^-1} ({@link ModalForm}),
 * so every mode is a scalar exponential. Two methods then give the same summaries:
 * <ul>
 *   <li>{@link Method#CLOSED_FORM} (the default) takes each run of constant rate as a whole, from
 *       the closed form of every mode, and finds the largest row without visiting the others
 *       ({@link ClosedFormWalk}); its cost grows with the number of rate changes, not of steps;</li>
 *   <li>{@link Method#STEPPING} walks every grid step with one scalar recurrence per mode
 *       ({@link StepWalk}).</li>
 * </ul>
 * A subject whose matrix is not safely diagonalisable (repeated or nearly repeated eigenvalues,
 * e.g. equal transit rates, or complex ones) is stepped with the exact solver's propagator instead
 * ({@link DenseWalk}), which is exact for any matrix.
 *
 * <p>Rows are the grid times {@code 0, h, 2h, ...}; Cmax and Tmax are over those rows, as in
 * {@link org.ketasim.core.metrics.Summary}, Tmax being the first row that reaches Cmax. Stateless
 * and thread-safe.
 */
public final class BatchSolver {

    /** How modal subjects are solved; both give the same summaries up to rounding. */
    public enum Method {
        /** Each run of constant rate from the closed form of its modes. */
        CLOSED_FORM,
        /** Every grid step, one scalar recurrence per mode. */
        STEPPING
    }

    /**
     * Per-subject summaries, each array indexed by subject.
     *
     * @param cmaxParent     largest parent concentration among the rows (ng/mL)
     * @param tmaxParent     first row time of it (h)
     * @param aucParent      exact AUC of the parent from 0 to the end (ng&middot;h/mL)
     * @param cmaxMetabolite largest metabolite concentration (ng/mL), NaN without a metabolite
     * @param aucMetabolite  exact metabolite AUC (ng&middot;h/mL), NaN without a metabolite
     * @param cmaxEffect     largest effect-site concentration (ng/mL), NaN without an effect site
     * @param modal          how many subjects were solved in modal form (the others densely)
     */
    public record Summaries(double[] cmaxParent, double[] tmaxParent, double[] aucParent, double[] cmaxMetabolite,
                            double[] aucMetabolite, double[] cmaxEffect, int modal) {
    }

    private BatchSolver() {
    }

    /**
     * Solves with {@link Method#CLOSED_FORM}.
     *
     * @see #solve(List, DoseTimeline, double, double, Method)
     */
    public static Summaries solve(List<LinearSystem> subjects, DoseTimeline timeline, double durationH, double stepH) {
        return solve(subjects, timeline, durationH, stepH, Method.CLOSED_FORM);
    }

    /**
     * @param subjects  the subjects' systems, all of one structure (same states, same routes)
     * @param timeline  the dose timeline, built on the first subject's system; IV infusions only
     * @param durationH the end time (h), a whole number of steps
     * @param stepH     the grid step (h); every rate change must fall on the grid
     * @param method    how modal subjects are solved
     * @return the summaries
     * @throws IllegalArgumentException if the subjects differ in structure, the timeline has a
     *                                  bolus or non-IV input, or a rate changes off the grid
     */
    public static Summaries solve(List<LinearSystem> subjects, DoseTimeline timeline, double durationH, double stepH,
                                  Method method) {
        int steps = (int) Math.round(durationH / stepH);
        if (!(stepH > 0) || Math.abs(steps * stepH - durationH) > 1e-9 * durationH || steps < 1) {
            throw new IllegalArgumentException("the duration " + durationH + " h is not a whole number of steps of "
                    + stepH + " h");
        }
        LinearSystem first = subjects.get(0);
        int input = first.channels(Route.IV).get(0).stateIndex();
        RateSegments runs = RateSegments.of(timeline, first.dimension(), input, steps, stepH);
        int n = subjects.size();
        Results out = new Results(n);
        ModalForm[] forms = new ModalForm[n];
        int[] modal = new int[n];
        int modalCount = 0;
        for (int s = 0; s < n; s++) {
            LinearSystem system = subjects.get(s);
            if (system.dimension() != first.dimension()) {
                throw new IllegalArgumentException("subject " + s + " has " + system.dimension()
                        + " states, subject 0 has " + first.dimension());
            }
            forms[s] = ModalForm.of(system, Readout.of(system), stepH);
            if (forms[s] != null) {
                modal[modalCount++] = s;
            } else {
                DenseWalk.solve(system, input, runs, stepH, out, s);
            }
        }
        int[] modalSubjects = Arrays.copyOf(modal, modalCount);
        if (method == Method.STEPPING) {
            StepWalk.solve(forms, modalSubjects, runs.stepRates(), out);
        } else {
            for (int s : modalSubjects) {
                ClosedFormWalk.solve(forms[s], runs, out, s);
            }
        }
        if (!first.hasMetabolite()) {
            Arrays.fill(out.cmaxMetabolite, Double.NaN);
            Arrays.fill(out.aucMetabolite, Double.NaN);
        }
        if (!first.hasEffectSite()) {
            Arrays.fill(out.cmaxEffect, Double.NaN);
        }
        return new Summaries(out.cmaxParent, out.tmaxParent, out.aucParent, out.cmaxMetabolite, out.aucMetabolite,
                out.cmaxEffect, modalCount);
    }
}
