package org.ketasim.core.engine;

import java.util.Optional;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;

/**
 * Advances one subject's state {@code x' = A x + u} over intervals of constant input, and reads
 * its concentrations. The {@link Propagator} owns time and calls a stepper; the implementations
 * (modal closed form, matrix exponential, Dormand&ndash;Prince) differ only in how an interval is
 * taken. See {@link Engine}.
 *
 * <p>Units: time in h, amounts in mg, input rates in mg/h per state, concentrations in ng/mL,
 * AUCs in ng&middot;h/mL. Not thread-safe: one instance serves one subject.
 */
public interface Stepper {

    /** @return the system stepped */
    LinearSystem system();

    /**
     * Sets the input held from now on.
     *
     * @param u the input rate into each state (mg/h), {@link LinearSystem#dimension()} entries; copied
     */
    void setInput(double[] u);

    /**
     * Advances the state by {@code h} under the current input.
     *
     * @param h interval (h), &gt;= 0
     */
    void advance(double h);

    /**
     * Advances the state over up to {@code rows} intervals of {@code h} each under the current
     * input, as that many {@link #advance} calls would (the same arithmetic), writing every
     * observable the system has at each interval's end into the run's buffers. It stops after an
     * interval in which an observable the run watches rises at the start and falls at the end:
     * that interval is advanced, but its values are not written, so that the caller can take it as
     * a single interval ({@link #turnsInLastInterval} and {@link #peakInLastInterval} see it).
     *
     * @param h    the interval (h), &gt; 0
     * @param rows how many intervals at most, 1 to {@link RowRun#CAPACITY}
     * @param run  the run whose buffers receive the values and whose watched observables end it
     * @return the intervals advanced and written, 0 to {@code rows}; below {@code rows}, one more
     *         interval was advanced, a turning one; -1 if this stepper does not take runs (nothing
     *         was advanced), the default
     */
    default int advanceRows(double h, int rows, RowRun run) {
        return -1;
    }

    /**
     * Adds an amount to one state now (a bolus entering it).
     *
     * @param state    a state index
     * @param amountMg the amount (mg)
     */
    void add(int state, double amountMg);

    /**
     * @param o an observable the system has
     * @return its value now (ng/mL)
     */
    double value(Observable o);

    /**
     * Reads every observable at once, as {@link #value} would one by one.
     *
     * @param out receives, by {@link Observable#ordinal()}, each observable's value now (ng/mL),
     *            NaN for those the system lacks; at least {@code Observable.values().length} long
     */
    default void values(double[] out) {
        for (Observable o : Observable.values()) {
            out[o.ordinal()] = system().has(o) ? value(o) : Double.NaN;
        }
    }

    /**
     * @param o {@link Observable#PARENT} or {@link Observable#METABOLITE}
     * @return its exact integral from the start to now (ng&middot;h/mL)
     */
    double auc(Observable o);

    /**
     * @param o an observable the system has
     * @return its rate of change now under the current input (ng/mL per h)
     */
    double slope(Observable o);

    /**
     * The largest value of an observable over the last interval advanced, from its start (after
     * the events there) to just before its end: the start value, or a turning point from rising to
     * falling inside it.
     *
     * @param o an observable the system has
     * @return {offset from the interval's start (h), value (ng/mL)}, the earliest offset on a tie
     */
    double[] peakInLastInterval(Observable o);

    /**
     * Whether an observable rose at the start of the last interval advanced (after the events
     * there) and falls at its end: whether {@link #peakInLastInterval} may find a turning point
     * inside it rather than its start. A cheap test, for observers that know the start's value
     * already (it was an output row).
     *
     * @param o an observable the system has
     * @return true if the slope is positive at the start and negative at the end
     */
    boolean turnsInLastInterval(Observable o);

    /** @return a copy of the full state (see {@link LinearSystem} for its layout) */
    double[] state();

    /**
     * @param o an observable of the system
     * @return its course from the current state with no input, as a sum of exponentials, where
     *         this stepper has one in closed form (the modal stepper); empty while an input runs,
     *         and for the steppers without modes
     */
    default Optional<FreeResponse> freeResponse(Observable o) {
        return Optional.empty();
    }

    /**
     * Replaces the state (the input is kept).
     *
     * @param x the full state, {@link LinearSystem#dimension()} entries
     */
    void setState(double[] x);

    /** @return an independent stepper in the same state, with the same input */
    Stepper copy();

    /**
     * Propagates a given state, for callers that keep their own (NONMEM records, TCI forecasts):
     * this stepper's own state and input are overwritten.
     *
     * @param x the state, replaced by the state {@code h} later
     * @param h the interval (h), &gt;= 0
     * @param u the constant input over it (mg/h per state)
     */
    default void propagate(double[] x, double h, double[] u) {
        setState(x);
        setInput(u);
        advance(h);
        System.arraycopy(state(), 0, x, 0, x.length);
    }
}
