package org.ketasim.core.engine;

import java.util.Arrays;
import org.ketasim.core.regimen.Breakpoints;

/**
 * The times at which a solver reports the state: a regular grid {@code 0, step, 2*step, ...} closed
 * by the end time itself, or an explicit list. Immutable and thread-safe.
 */
public final class OutputGrid {

    /** The largest number of rows a grid may have; larger grids are refused before any work. */
    public static final int MAX_ROWS = 20_000_000;

    /**
     * The regular grid made last: a sweep's points and a batch's scenarios ask for the same one again
     * and again, and making one walks all its rows.
     */
    private static volatile OutputGrid lastRegular;

    private final double[] times;
    private final double stepH;

    private OutputGrid(double[] times, double stepH) {
        this.times = times;
        this.stepH = stepH;
    }

    /**
     * The regular grid of scenario format v1: rows at {@code k * step} for every k with
     * {@code k * step < duration}, and a last row at {@code duration} itself (a grid time within
     * {@link Breakpoints#TOLERANCE_H} of the end is the end).
     *
     * @param durationH end time (h), &gt; 0
     * @param stepH     output step (h), &gt; 0
     * @return the grid
     * @throws IllegalArgumentException if a value is out of range or the grid would exceed
     *                                  {@link #MAX_ROWS} rows
     */
    public static OutputGrid regular(double durationH, double stepH) {
        OutputGrid last = lastRegular;
        if (last != null && last.stepH == stepH && last.endH() == durationH) {
            return last;
        }
        if (!(durationH > 0) || Double.isInfinite(durationH)) {
            throw new IllegalArgumentException("simulation duration must be positive, got " + durationH + " h");
        }
        if (!(stepH > 0) || Double.isInfinite(stepH)) {
            throw new IllegalArgumentException("output step must be positive, got " + stepH + " h");
        }
        double steps = Math.floor(durationH / stepH);
        if (steps + 2 > MAX_ROWS) {
            throw new IllegalArgumentException(String.format(
                    "a duration of %s h at a step of %s h gives %.3g rows, more than the limit of %d",
                    durationH, stepH, steps + 2, MAX_ROWS));
        }
        int n = (int) steps;
        double[] times = new double[n + 2];
        int k = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * stepH;
            // the middle test is a cheap and safe "far from the end": a thousand times the tolerance
            if (t < durationH && (durationH - t > 1000 * Breakpoints.TOLERANCE_H * (1 + durationH)
                    || !Breakpoints.same(t, durationH)) || i == 0) {
                times[k++] = t;
            }
        }
        times[k++] = durationH;
        OutputGrid grid = new OutputGrid(Arrays.copyOf(times, k), stepH);
        lastRegular = grid;
        return grid;
    }

    /**
     * Rows at the given times only (no regular step).
     *
     * @param timesH ascending times (h), at least one, the first &gt;= 0
     * @return the grid
     * @throws IllegalArgumentException if the times are empty, negative, not finite or not ascending
     */
    public static OutputGrid at(double... timesH) {
        if (timesH.length == 0 || !(timesH[0] >= 0)) {
            throw new IllegalArgumentException("an output grid needs at least one time, the first zero or later");
        }
        for (int i = 0; i < timesH.length; i++) {
            if (!Double.isFinite(timesH[i]) || i > 0 && !(timesH[i] > timesH[i - 1])) {
                throw new IllegalArgumentException("output times must be finite and ascending, got "
                        + Arrays.toString(timesH));
            }
        }
        return new OutputGrid(timesH.clone(), Double.NaN);
    }

    /** @return the number of rows */
    public int size() {
        return times.length;
    }

    /**
     * @param i a row index
     * @return the row's time (h)
     */
    public double time(int i) {
        return times[i];
    }

    /** @return the regular step (h), NaN for a grid of given times */
    public double stepH() {
        return stepH;
    }

    /** @return the last time (h) */
    public double endH() {
        return times[times.length - 1];
    }

    /**
     * @param timeH a time (h)
     * @return whether a row falls at that instant ({@link Breakpoints#same})
     */
    public boolean hasRowAt(double timeH) {
        int i = Arrays.binarySearch(times, timeH);
        if (i >= 0) {
            return true;
        }
        int above = -i - 1;
        return above < times.length && Breakpoints.same(times[above], timeH)
                || above > 0 && Breakpoints.same(times[above - 1], timeH);
    }
}
