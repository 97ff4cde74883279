package org.ketasim.core.engine;

/**
 * Sees a run of the {@link Propagator}: metrics, series, pharmacodynamics and outcomes are
 * observers, and never advance time themselves. Callbacks come in time order, on the thread that
 * runs the propagator.
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
     * The run has reached its horizon.
     *
     * @param p the propagator
     */
    default void end(Propagator p) {
    }
}
