package org.ketasim.core.engine;

import org.ketasim.core.model.Observable;

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
     *         at each sample it takes from a run ({@link #nextStopSampleH}), and change at no other
     *         time once the observer is given to a propagator (which asks again after those only).
     */
    default double nextSampleH() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The next of this observer's samples that needs a stop of its own while an input runs: at or
     * after {@link #nextSampleH()}. The samples before it fall on output rows and need, while an
     * input runs, only what a run holds at those rows: the observer takes them in {@link #rows}
     * when the run gives {@link RowRun#parentAucNgHPerMl()} (it does while an input runs), from
     * the run's values and that AUC, and they do not end the run. Such a sample must not
     * change what the observer {@link #watchesTurns}. While no input runs, every sample needs a stop.
     *
     * @return by default {@link #nextSampleH()}: every sample needs a stop
     */
    default double nextStopSampleH() {
        return nextSampleH();
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
     * Whether this observer takes runs of rows at once ({@link #rows}); the propagator takes runs
     * only when every observer of it does, and row by row otherwise.
     *
     * @return false by default
     */
    default boolean takesRowRuns() {
        return false;
    }

    /**
     * Whether the propagator must not take, within a run of rows, an interval in which the
     * observable rises at its start and falls at its end, so that this observer sees that interval
     * alone ({@link #interval}, where {@link Stepper#peakInLastInterval} can find the turning point).
     * Asked when the observer is added and after every sample, so the answer may change at a sample
     * only.
     *
     * @param o an observable
     * @return false by default
     */
    default boolean watchesTurns(Observable o) {
        return false;
    }

    /**
     * A run of rows ({@link RowRun}), for observers that {@link #takesRowRuns()}: what
     * {@link #interval} and {@link #row} would see of its intervals and rows one by one, given at
     * once. The run holds every value to read; the propagator may already be past the run's last
     * row, so the observer reads the run, not the propagator's state. The run's buffers are shared
     * by the propagators of the thread: the observer keeps no reference to them and advances no
     * propagator from here.
     *
     * @param run the rows, in order
     * @throws UnsupportedOperationException for an observer that does not take runs
     */
    default void rows(RowRun run) {
        throw new UnsupportedOperationException(getClass().getName() + " does not take runs of rows");
    }

    /**
     * The run has reached its horizon.
     *
     * @param p the propagator
     */
    default void end(Propagator p) {
    }
}
