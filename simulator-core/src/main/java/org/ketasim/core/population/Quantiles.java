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
 * subjects cross (more than {@value #CROSSINGS_PER_SUBJECT} moves a subject on average: early in a
 * population's run, when every curve rises at its own speed), the order statistics needed are
 * selected instead (quickselect on the values alone), and every {@value #RESORT_EVERY} such rows
 * in a row the order is sorted afresh, so that it does not go stale. Any sort or selection gives
 * the same order statistics, so the bands do not depend on how the rows were split between
 * threads. Not thread-safe: one instance per sequence of rows.
 */
public final class Quantiles {

    /** Average moves per subject beyond which a row is sorted afresh rather than by insertion. */
    private static final int CROSSINGS_PER_SUBJECT = 8;
    /** Below this many values a range is sorted by insertion. */
    private static final int SMALL = 24;
    /** Rows that give up on insertion in a row, after which the order is sorted afresh. */
    private static final int RESORT_EVERY = 4;

    private double[] sorted = new double[0];
    private int[] order = new int[0];
    private int count = -1;
    /** Rows that gave up on insertion since the last that did not. */
    private int streak;
    /** The ranks needed, ascending, for the percentiles of {@link #ranksFor}. */
    private int[] ranks = new int[0];
    private double[] ranksFor;

    /**
     * @param values      one row: the value of every subject, not modified; no NaN
     * @param count       how many of {@code values} to use, at least 1
     * @param percentiles ascending, each in [0, 100]
     * @param out         where the quantiles go, one per percentile
     */
    public void next(double[] values, int count, double[] percentiles, double[] out) {
        if (count != this.count) {
            this.count = count;
            ranksFor = null;
            streak = 0;
            sorted = new double[count];
            order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
        }
        long budget = streak == 0 ? (long) CROSSINGS_PER_SUBJECT * count : count;
        if (insertionSort(values, budget)) {
            streak = 0;
        } else if (++streak % RESORT_EVERY == 0) {
            sort(0, count - 1);
        } else {
            if (!java.util.Arrays.equals(percentiles, ranksFor)) {
                ranks(percentiles);
            }
            select(sorted, 0, count - 1, ranks, 0, ranks.length);
        }
        for (int k = 0; k < percentiles.length; k++) {
            double h = (count - 1) * percentiles[k] / 100;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, count - 1);
            out[k] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    /**
     * Takes the row in the previous row's order and finishes it by insertion sort, in one pass:
     * element {@code i} is read where {@link #order} says and moved down past larger ones (only
     * positions below {@code i} move, so {@code order[i]} is still the previous row's).
     *
     * @return false if it gave up after {@code budget} moves: then {@link #sorted} and
     *         {@link #order} hold the whole row, partly sorted
     */
    private boolean insertionSort(double[] values, long budget) {
        double[] sorted = this.sorted;
        int[] order = this.order;
        long moves = 0;
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            int o = order[i];
            double v = values[o];
            if (v >= last) {
                sorted[i] = v;
                last = v;
                continue;
            }
            int j = i - 1;
            while (j >= 0 && sorted[j] > v) {
                sorted[j + 1] = sorted[j];
                order[j + 1] = order[j];
                j--;
                if (++moves > budget) {
                    sorted[j + 1] = v;
                    order[j + 1] = o;
                    for (int k = i + 1; k < count; k++) {
                        sorted[k] = values[order[k]];
                    }
                    return false;
                }
            }
            sorted[j + 1] = v;
            order[j + 1] = o;
            last = sorted[i];
        }
        return true;
    }

    /** Sets {@link #ranks} to the order statistics the percentiles need, both ends of each interpolation. */
    private void ranks(double[] percentiles) {
        int[] needed = new int[2 * percentiles.length];
        int size = 0;
        for (double percentile : percentiles) {
            int lo = (int) Math.floor((count - 1) * percentile / 100);
            needed[size++] = lo;
            needed[size++] = Math.min(lo + 1, count - 1);
        }
        ranks = java.util.Arrays.stream(needed, 0, size).sorted().distinct().toArray();
        ranksFor = percentiles.clone();
    }

    /**
     * Quickselect of several ranks at once, on values alone (median of three, Hoare partition):
     * afterwards {@code a[r]} is the r-th smallest of {@code a[left..right]} for every rank r of
     * {@code ranks[from..to)} (ascending, inside the range).
     */
    private static void select(double[] a, int left, int right, int[] ranks, int from, int to) {
        while (from < to) {
            if (right - left <= SMALL) {
                for (int i = left + 1; i <= right; i++) {
                    double v = a[i];
                    int j = i - 1;
                    while (j >= left && a[j] > v) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = v;
                }
                return;
            }
            int mid = (left + right) >>> 1;
            if (a[mid] < a[left]) {
                swap(a, mid, left);
            }
            if (a[right] < a[left]) {
                swap(a, right, left);
            }
            if (a[right] < a[mid]) {
                swap(a, right, mid);
            }
            double pivot = a[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // a[left..j] <= pivot, a[i..right] >= pivot, and anything between equals the pivot
            int low = from;
            while (low < to && ranks[low] <= j) {
                low++;
            }
            int high = low;
            while (high < to && ranks[high] < i) {
                high++;
            }
            select(a, left, j, ranks, from, low);
            left = i;
            from = high;
        }
    }

    private static void swap(double[] a, int i, int j) {
        double v = a[i];
        a[i] = a[j];
        a[j] = v;
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
