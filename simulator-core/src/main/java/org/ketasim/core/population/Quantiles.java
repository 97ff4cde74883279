package org.ketasim.core.population;

/**
 * Exact sample quantiles by the R type-7 definition (R's {@code quantile} default, numpy's
 * default), row after row of a population's concentrations: for probability {@code p} of {@code n}
 * values sorted {@code x_0 <= ... <= x_{n-1}}, with {@code h = (n - 1) p}, the quantile is
 * {@code x_floor(h) + (h - floor(h)) (x_{floor(h)+1} - x_floor(h))}.
 *
 * <p>Each row is sorted exactly, but cheaply: subjects keep their order from one output row to
 * the next but for a few crossings, so the row is taken in the previous row's order and finished
 * by insertion sort, in time proportional to the subjects plus the crossings. Where too many
 * subjects cross (more than {@value #CROSSINGS_PER_SUBJECT} moves a subject on average), the row is
 * sorted afresh. Any sort gives the same order statistics, so the bands do not depend on how the
 * rows were split between threads. Not thread-safe: one instance per sequence of rows.
 */
public final class Quantiles {

    /** Average moves per subject beyond which a row is sorted afresh rather than by insertion. */
    private static final int CROSSINGS_PER_SUBJECT = 8;
    /** Below this many values a range is sorted by insertion. */
    private static final int SMALL = 24;

    private double[] sorted = new double[0];
    private int[] order = new int[0];
    private int count = -1;

    /**
     * @param values      one row: the value of every subject, not modified; no NaN
     * @param count       how many of {@code values} to use, at least 1
     * @param percentiles ascending, each in [0, 100]
     * @param out         where the quantiles go, one per percentile
     */
    public void next(double[] values, int count, double[] percentiles, double[] out) {
        if (count != this.count) {
            this.count = count;
            sorted = new double[count];
            order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
        }
        for (int i = 0; i < count; i++) {
            sorted[i] = values[order[i]];
        }
        if (!insertionSort((long) CROSSINGS_PER_SUBJECT * count)) {
            sort(0, count - 1);
        }
        for (int k = 0; k < percentiles.length; k++) {
            double h = (count - 1) * percentiles[k] / 100;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, count - 1);
            out[k] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    /** Insertion sort of {@link #sorted} (and {@link #order} with it); @return false if it gave up after {@code budget} moves. */
    private boolean insertionSort(long budget) {
        long moves = 0;
        for (int i = 1; i < count; i++) {
            double v = sorted[i];
            if (v >= sorted[i - 1]) {
                continue;
            }
            int o = order[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > v) {
                sorted[j + 1] = sorted[j];
                order[j + 1] = order[j];
                j--;
                if (++moves > budget) {
                    sorted[j + 1] = v;
                    order[j + 1] = o;
                    return false;
                }
            }
            sorted[j + 1] = v;
            order[j + 1] = o;
        }
        return true;
    }

    /** Quicksort of {@code sorted[left..right]} with {@link #order} alongside (median of three, Hoare partition). */
    private void sort(int left, int right) {
        while (right - left > SMALL) {
            int mid = (left + right) >>> 1;
            if (sorted[mid] < sorted[left]) {
                swap(mid, left);
            }
            if (sorted[right] < sorted[left]) {
                swap(right, left);
            }
            if (sorted[right] < sorted[mid]) {
                swap(right, mid);
            }
            double pivot = sorted[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (sorted[i] < pivot) {
                    i++;
                }
                while (sorted[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            if (j - left < right - i) {
                sort(left, j);
                left = i;
            } else {
                sort(i, right);
                right = j;
            }
        }
        for (int i = left + 1; i <= right; i++) {
            double v = sorted[i];
            int o = order[i];
            int j = i - 1;
            while (j >= left && sorted[j] > v) {
                sorted[j + 1] = sorted[j];
                order[j + 1] = order[j];
                j--;
            }
            sorted[j + 1] = v;
            order[j + 1] = o;
        }
    }

    private void swap(int i, int j) {
        double v = sorted[i];
        sorted[i] = sorted[j];
        sorted[j] = v;
        int o = order[i];
        order[i] = order[j];
        order[j] = o;
    }
}
