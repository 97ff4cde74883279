package org.ketasim.core.engine;

import org.ketasim.core.model.Observable;

/**
 * A run of consecutive output rows that the {@link Propagator} takes in one go: between them no
 * event (breakpoint, dose, decision), no observer's sample and no turning point of a watched
 * observable ({@link Observer#watchesTurns}), every interval one grid step long, and the interval
 * before the first row starting at the row reported just before it. What the observers see is the
 * same as row by row: each row's time and the observables' values there (ng/mL), computed with the
 * same arithmetic in the same order. The arrays are buffers that the propagators of one thread
 * share, read-only and valid during {@link Observer#rows} only.
 */
public final class RowRun {

    /** The most rows in one run: the buffers stay in the first-level cache. */
    static final int CAPACITY = 128;

    private final double[] times = new double[CAPACITY];
    private final double[][] values = new double[Observable.values().length][CAPACITY];
    private final boolean[] watched = new boolean[Observable.values().length];
    /** The parent's AUC at each row (ng&middot;h/mL), filled when {@link #auc} is set. */
    private final double[] parentAuc = new double[CAPACITY];
    private boolean auc;
    private int firstRow;
    private int count;

    RowRun() {
    }

    /** @return the index of the run's first row in the plan's grid */
    public int firstRow() {
        return firstRow;
    }

    /** @return how many rows the run holds, at least 1 */
    public int count() {
        return count;
    }

    /**
     * @param j a row of the run, 0 to {@link #count()} - 1
     * @return its time (h)
     */
    public double timeH(int j) {
        return times[j];
    }

    /**
     * @param o an observable the system has
     * @return its value at each row of the run (ng/mL), entries 0 to {@link #count()} - 1; the
     *         buffer itself, not to be written
     */
    public double[] values(Observable o) {
        return values[o.ordinal()];
    }

    /** @return whether the run must end before an interval in which observable {@code ordinal} turns */
    boolean watches(int ordinal) {
        return watched[ordinal];
    }

    /** @return the buffers of the observables' values, by ordinal, for the stepper to fill */
    double[][] buffers() {
        return values;
    }

    /** @return the buffer of the parent's AUC at the rows, for the stepper to fill; null when not wanted */
    double[] aucBuffer() {
        return auc ? parentAuc : null;
    }

    /**
     * @return the parent's AUC from time 0 at each row (ng&middot;h/mL), entries 0 to
     *         {@link #count()} - 1, as {@link Stepper#auc} would give it there; given only for a run
     *         throughout which an input runs (an infusion, or a zero-order administration into a
     *         depot; not the absorption that follows a bolus) and in which an observer may take
     *         samples ({@link Observer#nextStopSampleH}); null otherwise, when every sample needs
     *         its stop. The buffer itself, not to be written
     */
    public double[] parentAucNgHPerMl() {
        return auc ? parentAuc : null;
    }

    /**
     * @return the rows' times (h), entries 0 to {@link #count()} - 1; the buffer itself, not to be
     *         written
     */
    public double[] timesH() {
        return times;
    }

    /** Starts a run of rows from {@code firstRow}. */
    void start(int firstRow) {
        this.firstRow = firstRow;
    }

    /** Sets, per observable (by ordinal), whether the run ends before a turning point of it. */
    void watch(boolean[] which) {
        System.arraycopy(which, 0, watched, 0, watched.length);
    }

    /** Sets whether the stepper fills the parent's AUC at the run's rows (observers may take samples then). */
    void withAuc(boolean withAuc) {
        this.auc = withAuc;
    }

    /** Sets how many rows of the buffers the run holds. */
    void count(int rows) {
        this.count = rows;
    }
}
