package org.ketasim.core.engine;

/**
 * Sees a run of the {@link Propagator}: metrics, series, pharmacodynamics and outcomes are
 * observers, and never advance time themselves. Callbacks come in time order, on the thread that
 * runs the propagator. Besides the output rows, an observer may ask for samples at times of its own
 * ({@link #nextSampleH()}); the propagator stops there too, as at a row, without reporting a row.
 */
public interface Observer {

    /**
     * The propagator has reached an output row: every event at the row's time (boluses, rate
     * changes, decisions) has been applied, so the state and the pump rate are those from this time
     * on.
     *
     * @param row the row index in the plan's grid
     * @param p   the propagator, to read the state
     */
    void row(int row, Propagator p);

    /**
     * The propagator has advanced over {@code [fromH, toH)} under one constant input, and applied
     * no event at {@code toH} yet. Called for every interval, rows or not.
     *
     * @param fromH the interval's start (h)
     * @param toH   its end (h)
     * @param p     the propagator; {@link Propagator#stepper()} can find turning points inside
     */
    default void interval(double fromH, double toH, Propagator p) {
    }

    /**
     * @return the next time (h) this observer wants to see the state at, after the events there;
     *         {@code +infinity} for none (the default). It must move on at each {@link #sample}, and
     *         change at no other time once the observer is given to a propagator (which asks again
     *         after a sample only).
     */
    default double nextSampleH() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The propagator has reached {@link #nextSampleH()}: every event at that time was applied and
     * the row there, if there is one, reported.
     *
     * @param p the propagator, to read the state
     */
    default void sample(Propagator p) {
    }

    /**
     * The run has reached its horizon.
     *
     * @param p the propagator
     */
    default void end(Propagator p) {
    }
}
