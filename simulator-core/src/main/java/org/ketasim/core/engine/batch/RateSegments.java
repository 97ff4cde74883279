package org.ketasim.core.engine.batch;

import java.util.Arrays;
import org.ketasim.core.engine.DoseTimeline;

/**
 * An IV rate schedule on a regular grid, as runs of steps with one rate each. Built once per
 * batch (every subject shares the schedule). Rates are in mg/h, steps count grid steps from 0.
 *
 * @param start        each run's first step
 * @param length       each run's number of steps (at least 1)
 * @param rate         each run's rate (mg/h)
 * @param lengthIndex  each run's index into {@code lengths}
 * @param lengths      the distinct run lengths, so that per-length powers are computed once
 * @param steps        the total number of steps
 */
record RateSegments(int[] start, int[] length, double[] rate, int[] lengthIndex, int[] lengths, int steps) {

    /**
     * @param timeline the dose timeline
     * @param states   the number of states of the system it was built on
     * @param input    the state the IV rate enters
     * @param steps    the number of grid steps
     * @param stepH    the grid step (h)
     * @return the runs
     * @throws IllegalArgumentException if the timeline has a bolus, an input other than IV, or a
     *                                  rate change off the grid
     */
    static RateSegments of(DoseTimeline timeline, int states, int input, int steps, double stepH) {
        double[] stepRate = new double[steps];
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.hasJump(i)) {
                throw new IllegalArgumentException("the batch solver takes infusions only, not boluses");
            }
            for (int j = 0; j < states; j++) {
                if (j != input && timeline.inputRate(i, j) != 0) {
                    throw new IllegalArgumentException("the batch solver takes IV infusions only");
                }
            }
            double k = timeline.time(i) / stepH;
            if (Math.abs(k - Math.rint(k)) > 1e-9 * Math.max(1, k)) {
                throw new IllegalArgumentException("a rate changes at " + timeline.time(i) + " h, off the " + stepH
                        + " h grid");
            }
            for (int step = (int) Math.rint(k); step < steps; step++) {
                stepRate[step] = timeline.inputRate(i, input);
            }
        }
        return ofStepRates(stepRate);
    }

    private static RateSegments ofStepRates(double[] stepRate) {
        int n = 0;
        int[] start = new int[stepRate.length];
        for (int step = 0; step < stepRate.length; step++) {
            if (step == 0 || Double.compare(stepRate[step], stepRate[step - 1]) != 0) {
                start[n++] = step;
            }
        }
        start = Arrays.copyOf(start, n);
        int[] length = new int[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            length[i] = (i + 1 < n ? start[i + 1] : stepRate.length) - start[i];
            rate[i] = stepRate[start[i]];
        }
        int[] lengths = Arrays.stream(length).distinct().toArray();
        int[] lengthIndex = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < lengths.length; j++) {
                if (lengths[j] == length[i]) {
                    lengthIndex[i] = j;
                }
            }
        }
        return new RateSegments(start, length, rate, lengthIndex, lengths, stepRate.length);
    }

    /** @return the number of runs */
    int size() {
        return start.length;
    }

    /** @return the rate held over each step (mg/h) */
    double[] stepRates() {
        double[] out = new double[steps];
        for (int i = 0; i < size(); i++) {
            Arrays.fill(out, start[i], start[i] + length[i], rate[i]);
        }
        return out;
    }
}
