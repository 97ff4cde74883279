package org.ketasim.core.engine;

/**
 * Closed-loop dosing: something that decides doses at its decision times from the simulated
 * patient as the run goes (rule-based titration, target-controlled infusion, a resident at an
 * interactive pump). The {@link Propagator} stops at each decision time, applies every event due
 * then, and calls {@link #decide}; the controller reads the state and gives doses from then on with
 * {@link Propagator#give}. The cost is linear in the number of decisions: nothing is simulated
 * twice. One instance serves one run.
 */
public interface Controller {

    /** @return the time of the next decision (h), {@code Double.POSITIVE_INFINITY} when there is none */
    double nextDecisionH();

    /**
     * Decides at {@link #nextDecisionH()}, and moves its next decision time on.
     *
     * @param p the propagator, at the decision time
     */
    void decide(Propagator p);

    /** Makes a fresh controller for each run of a {@link Plan}. */
    interface Factory {
        /**
         * @param plan the plan being run (its system is the subject's)
         * @return a controller for one run
         */
        Controller create(Plan plan);
    }
}
