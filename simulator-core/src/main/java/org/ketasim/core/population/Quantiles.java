package org.ketasim.core.population;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact sample quantiles by the R type-7 definition (R's {@code quantile} default, numpy's
 * default), row after row of a population's concentrations: for probability {@code p} of {@code n}
 * values sorted {@code x_0 <= ... <= x_{n-1}}, with {@code h = (n - 1) p}, the quantile is
 * {@code x_floor(h) + (h - floor(h)) (x_{floor(h)+1} - x_floor(h))}.
 *
 * <p>Subjects keep their order from one output row to the next but for a few crossings, and only
 * two order statistics per percentile are needed, so rows are not sorted. Each percentile has a
 * window: the values between those of two subjects, a margin of ranks below and above its ranks
 * in the previous row. Every subject is kept in a region (below the first window, in it, between
 * it and the next, ...), with the count of each region and the members of each window. A row
 * checks each value against its region's bounds, a test that almost always holds (two
 * comparisons and a well-predicted branch); the few subjects that left their region are moved.
 * The counts then say how many values lie below each window, and when its ranks fall inside it the
 * order statistics are selected among its members, whose subjects at the margins bound it in the
 * next row. A row whose window missed (more crossing than the margin, which then doubles; early in
 * a population's run every curve rises at its own speed), or after one lost half a margin, is
 * anchored instead: the order statistics and the windows' bounds are selected among all values
 * (quickselect with the subjects alongside, from the subjects' places after the previous
 * anchor: they keep their order but for a few crossings, so the array comes nearly partitioned and
 * the partitions' branches are well predicted), and every subject is placed again. Every count is
 * checked against this row's values, so the results are exact whatever the crossings.
 *
 * <p>Rows of fewer than {@value #MIN_WINDOWED} values, more than {@value #MAX_WINDOWS} percentiles,
 * or percentiles too close for windows are sorted: taken in the previous row's order and finished
 * by insertion sort, in time proportional to the values plus the crossings, or where there are
 * more than {@value #CROSSINGS_PER_SUBJECT} moves a value on average, the order statistics needed
 * are selected (quickselect), and every {@value #RESORT_EVERY} such rows in a row the order is
 * sorted afresh. Any sort or selection gives the same order statistics, so the bands do not depend
 * on how the rows were split between threads. Not thread-safe: one instance per sequence of rows.
 */
public final class Quantiles {

    /** Average moves per subject beyond which a row is sorted afresh rather than by insertion. */
    private static final int CROSSINGS_PER_SUBJECT = 8;
    /** Below this many values a range is sorted by insertion. */
    private static final int SMALL = 24;
    /** Rows that give up on insertion in a row, after which the order is sorted afresh. */
    private static final int RESORT_EVERY = 4;
    /** Rows of fewer values are always sorted: windows would overlap, and sorting is cheap. */
    private static final int MIN_WINDOWED = 512;
    /** The most percentiles followed by windows. */
    private static final int MAX_WINDOWS = 7;
    /** The first margin, in ranks, of a window either side of its percentile's ranks. */
    private static final int MARGIN = 64;
    /** Rows whose windows all hit after which a margin wider than {@link #MARGIN} is halved. */
    private static final int CALM_ROWS = 16;

    private double[] sorted = new double[0];
    private int[] order = new int[0];
    private int count = -1;
    /** Rows that gave up on insertion since the last that did not. */
    private int streak;
    /**
     * Per percentile of {@link #windowsFor} at {@link #count} values, with {@code h = (count - 1) p / 100}:
     * the ranks of the two order statistics it lies between, {@code floor(h)} and the next (the
     * last rank at most), and {@code h - floor(h)}, the weight of the upper one. Set with either.
     */
    private int[] below = new int[0];
    private int[] above = new int[0];
    private double[] weight = new double[0];
    /** The ranks needed, ascending: {@link #below} and {@link #above}, each once. */
    private int[] ranks = new int[0];

    /** Whether the windows below are set; they are for the percentiles {@link #windowsFor}. */
    private boolean windows;
    private double[] windowsFor;
    private int margin = MARGIN;
    private int calm;
    /** Per window, the subject whose value bounds it from below (above) in this row, or -1: open. */
    private int[] lowSubject = new int[0];
    private int[] highSubject = new int[0];
    /** Per subject, its region: 2k is below window k (above window k - 1), 2k + 1 is in window k. */
    private byte[] region = new byte[0];
    /** Per region, how many subjects are in it. */
    private int[] population = new int[0];
    /** Per region, the lowest value in it ({@code from}, inclusive) and the value above it ({@code to}, exclusive). */
    private double[] from = new double[0];
    private double[] to = new double[0];
    /** Per window, its members (subjects) and, while selecting, their values. */
    private int[][] members = new int[0][];
    private double[][] memberValues = new double[0][];
    /** Per subject in a window, its place among the members. */
    private int[] slot = new int[0];
    private final int[] wanted = new int[4];
    /** The ranks an anchor selects. */
    private int[] anchorRanks = new int[0];
    /** Whether a window lost half a margin in the last row, so that the next row anchors afresh. */
    private boolean thin;
    /** Whether the percentiles are too close for windows, so that rows are sorted. */
    private boolean crowded;

    /**
     * @param values      one row: the value of every subject, not modified; no NaN
     * @param count       how many of {@code values} to use, at least 1
     * @param percentiles ascending, each in [0, 100]
     * @param out         where the quantiles go, one per percentile
     */
    public void next(double[] values, int count, double[] percentiles, double[] out) {
        boolean recount = count != this.count;
        if (recount) {
            this.count = count;
            streak = 0;
            windows = false;
            crowded = false;
            margin = MARGIN;
            sorted = new double[count];
            order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
        }
        if (!Arrays.equals(percentiles, windowsFor)) {
            windows = false;
            crowded = false;
            margin = MARGIN;
            windowsFor = percentiles.clone();
            recount = true;
        }
        if (recount) {
            positions(percentiles);
        }
        if (count >= MIN_WINDOWED && percentiles.length <= MAX_WINDOWS && !crowded) {
            if (windows && !thin) {
                if (windowed(values, percentiles, out)) {
                    return;
                }
                margin = Math.min(2 * margin, Math.max(MARGIN, count / (4 * (percentiles.length + 1))));
            }
            anchor(values, percentiles, out);
            return;
        }
        long budget = streak == 0 ? (long) CROSSINGS_PER_SUBJECT * count : count;
        if (insertionSort(values, budget)) {
            streak = 0;
        } else if (++streak % RESORT_EVERY == 0) {
            sortPairs(sorted, order, 0, count - 1);
        } else {
            selectPairs(sorted, order, 0, count - 1, ranks, 0, ranks.length);
        }
        for (int k = 0; k < percentiles.length; k++) {
            out[k] = sorted[below[k]] + weight[k] * (sorted[above[k]] - sorted[below[k]]);
        }
    }

    /**
     * Sets {@link #below}, {@link #above}, {@link #weight} and {@link #ranks} for these percentiles
     * of {@link #count} values.
     */
    private void positions(double[] percentiles) {
        int w = percentiles.length;
        below = new int[w];
        above = new int[w];
        weight = new double[w];
        for (int k = 0; k < w; k++) {
            double h = (count - 1) * percentiles[k] / 100;
            int lo = (int) Math.floor(h);
            below[k] = lo;
            above[k] = Math.min(lo + 1, count - 1);
            weight[k] = h - lo;
        }
        ranks = IntStream.concat(Arrays.stream(below), Arrays.stream(above)).sorted().distinct().toArray();
    }

    /**
     * One row by selection among all its values (with their subjects), which also places the
     * windows: each spans its percentile's ranks and {@link #margin} more either side; then every
     * subject is put in its region.
     */
    private void anchor(double[] values, double[] percentiles, double[] out) {
        int w = percentiles.length;
        if (lowSubject.length != w) {
            lowSubject = new int[w];
            highSubject = new int[w];
            population = new int[2 * w + 1];
            from = new double[2 * w + 1];
            to = new double[2 * w + 1];
            members = new int[w][16];
            memberValues = new double[w][16];
            anchorRanks = new int[4 * w];
        }
        if (region.length != count) {
            region = new byte[count];
            slot = new int[count];
        }
        double[] v = sorted;
        int[] ids = order;
        for (int i = 0; i < count; i++) {
            v[i] = values[ids[i]];
        }
        int size = 0;
        for (int k = 0; k < w; k++) {
            int lo = below[k];
            int hi = above[k];
            anchorRanks[size++] = Math.max(0, lo - margin);
            anchorRanks[size++] = lo;
            anchorRanks[size++] = hi;
            anchorRanks[size++] = Math.min(count - 1, hi + margin);
        }
        Arrays.sort(anchorRanks, 0, size);
        selectPairs(v, ids, 0, count - 1, anchorRanks, 0, size);
        windows = false;
        thin = false;
        for (int k = 0; k < w; k++) {
            out[k] = v[below[k]] + weight[k] * (v[above[k]] - v[below[k]]);
        }
        double previousTo = Double.NEGATIVE_INFINITY;
        int previousHighRank = -1;
        for (int k = 0; k < w; k++) {
            int lo = below[k];
            int hi = above[k];
            int lowRank = Math.max(0, lo - margin);
            int highRank = Math.min(count - 1, hi + margin);
            double low = lo - margin >= 0 ? v[lowRank] : Double.NEGATIVE_INFINITY;
            double high = hi + margin < count ? v[highRank] : Double.POSITIVE_INFINITY;
            if (k > 0 && lowRank <= previousHighRank) {
                // windows this wide overlap: narrower ones next time, or none if even the narrowest would
                crowded = margin <= MARGIN;
                margin = Math.max(MARGIN, margin / 2);
                return;
            }
            if (!(previousTo <= low)) {
                return;
            }
            previousHighRank = highRank;
            lowSubject[k] = lo - margin >= 0 ? ids[lowRank] : -1;
            highSubject[k] = hi + margin < count ? ids[highRank] : -1;
            previousTo = bound(k, previousTo, low, high);
        }
        from[2 * w] = previousTo;
        to[2 * w] = Double.POSITIVE_INFINITY;
        Arrays.fill(population, 0);
        for (int i = 0; i < count; i++) {
            int r = locate(values[i], w);
            if ((r & 1) != 0) {
                enter(r >> 1, i);
            } else {
                population[r]++;
                region[i] = (byte) r;
            }
        }
        windows = true;
        calm = 0;
    }

    /** @return the region that holds value {@code v} */
    private int locate(double v, int w) {
        int target = 0;
        while (target < 2 * w && v >= from[target + 1]) {
            target++;
        }
        return target;
    }

    /** Puts subject {@code i} into window {@code k}'s region and members. */
    private void enter(int k, int i) {
        int size = population[2 * k + 1];
        if (size == members[k].length) {
            members[k] = Arrays.copyOf(members[k], 2 * size);
            memberValues[k] = new double[2 * size];
        }
        members[k][size] = i;
        slot[i] = size;
        population[2 * k + 1] = size + 1;
        region[i] = (byte) (2 * k + 1);
    }

    /** Takes subject {@code i} out of window {@code k}'s members (its region is set by the caller). */
    private void leave(int k, int i) {
        int last = --population[2 * k + 1];
        int at = slot[i];
        int moved = members[k][last];
        members[k][at] = moved;
        slot[moved] = at;
    }

    /**
     * Sets window {@code k}'s two regions: below it, from the previous window's end to
     * {@code low}; the window itself, from {@code low} to just above {@code high}.
     *
     * @return the window's end, where the next region starts
     */
    private double bound(int k, double previousTo, double low, double high) {
        from[2 * k] = previousTo;
        to[2 * k] = low;
        from[2 * k + 1] = low;
        double end = Math.nextUp(high);
        to[2 * k + 1] = end;
        return end;
    }

    /**
     * One row by its windows.
     *
     * @return false if a window missed its ranks, or the windows' bounds crossed (nothing written
     *         to {@code out} then)
     */
    private boolean windowed(double[] values, double[] percentiles, double[] out) {
        int w = percentiles.length;
        double previousTo = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w; k++) {
            double low = lowSubject[k] < 0 ? Double.NEGATIVE_INFINITY : values[lowSubject[k]];
            double high = highSubject[k] < 0 ? Double.POSITIVE_INFINITY : values[highSubject[k]];
            if (!(low <= high) || !(previousTo <= low)) {
                windows = false;
                return false;
            }
            previousTo = bound(k, previousTo, low, high);
        }
        from[2 * w] = previousTo;
        to[2 * w] = Double.POSITIVE_INFINITY;
        byte[] regions = region;
        double[] lower = from;
        double[] upper = to;
        for (int i = 0; i < count; i++) {
            int r = regions[i];
            double v = values[i];
            if (v < lower[r] || !(v < upper[r])) {
                move(i, v, r, w);
            }
        }
        int first = 0;
        for (int k = 0; k < w; k++) {
            first += population[2 * k];
            int lo = below[k];
            int hi = above[k];
            int size = population[2 * k + 1];
            if (first > lo || first + size <= hi) {
                windows = false;
                return false;
            }
            int[] ids = members[k];
            double[] v = memberValues[k];
            for (int j = 0; j < size; j++) {
                v[j] = values[ids[j]];
            }
            wanted[0] = Math.max(0, lo - margin - first);
            wanted[1] = lo - first;
            wanted[2] = hi - first;
            wanted[3] = Math.min(size - 1, hi + margin - first);
            selectPairs(v, ids, 0, size - 1, wanted, 0, 4);
            for (int j = 0; j < size; j++) {
                slot[ids[j]] = j;
            }
            out[k] = v[wanted[1]] + weight[k] * (v[wanted[2]] - v[wanted[1]]);
            // a side that has lost half its margin is set afresh by the next row's anchor
            thin |= lo - margin >= 0 && lo - first < margin / 2 || hi + margin < count && first + size - 1 - hi < margin / 2;
            lowSubject[k] = lo - margin < 0 ? -1 : ids[wanted[0]];
            highSubject[k] = hi + margin >= count ? -1 : ids[wanted[3]];
            first += size;
        }
        if (++calm >= CALM_ROWS && margin > MARGIN) {
            margin /= 2;
            calm = 0;
        }
        return true;
    }

    /** Moves subject {@code i}, of value {@code v}, from region {@code r} to the one that holds {@code v}. */
    private void move(int i, double v, int r, int w) {
        int target = locate(v, w);
        if ((r & 1) != 0) {
            leave(r >> 1, i);
        } else {
            population[r]--;
        }
        if ((target & 1) != 0) {
            enter(target >> 1, i);
        } else {
            population[target]++;
            region[i] = (byte) target;
        }
    }

    /**
     * Quickselect of several ranks at once (median of three, Hoare partition), values with their
     * subjects alongside: afterwards {@code a[r]} is the r-th smallest of {@code a[left..right]} for
     * every rank r of {@code ranks[from..to)} (ascending, inside the range, repeats allowed).
     */
    private static void selectPairs(double[] a, int[] id, int left, int right, int[] ranks, int from, int to) {
        while (from < to) {
            if (right - left <= SMALL) {
                insertionSortPairs(a, id, left, right);
                return;
            }
            long bounds = partitionPairs(a, id, left, right);
            int i = (int) (bounds >>> 32);
            int j = (int) bounds;
            int lowEnd = from;
            while (lowEnd < to && ranks[lowEnd] <= j) {
                lowEnd++;
            }
            int highStart = lowEnd;
            while (highStart < to && ranks[highStart] < i) {
                highStart++;
            }
            selectPairs(a, id, left, j, ranks, from, lowEnd);
            left = i;
            from = highStart;
        }
    }

    private static void swapPair(double[] a, int[] id, int i, int j) {
        double v = a[i];
        a[i] = a[j];
        a[j] = v;
        int o = id[i];
        id[i] = id[j];
        id[j] = o;
    }

    /**
     * Hoare partition of {@code a[left..right]} with {@code id} alongside, around the median of the
     * first, middle and last values.
     *
     * @return {@code i << 32 | j} (j as the unsigned low half): afterwards {@code a[left..j]} are at
     *         most the pivot, {@code a[i..right]} at least, and anything between equals it
     */
    private static long partitionPairs(double[] a, int[] id, int left, int right) {
        int mid = (left + right) >>> 1;
        if (a[mid] < a[left]) {
            swapPair(a, id, mid, left);
        }
        if (a[right] < a[left]) {
            swapPair(a, id, right, left);
        }
        if (a[right] < a[mid]) {
            swapPair(a, id, right, mid);
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
                swapPair(a, id, i, j);
                i++;
                j--;
            }
        }
        return (long) i << 32 | (j & 0xFFFFFFFFL);
    }

    /** Insertion sort of {@code a[left..right]} with {@code id} alongside. */
    private static void insertionSortPairs(double[] a, int[] id, int left, int right) {
        for (int i = left + 1; i <= right; i++) {
            double v = a[i];
            int o = id[i];
            int j = i - 1;
            while (j >= left && a[j] > v) {
                a[j + 1] = a[j];
                id[j + 1] = id[j];
                j--;
            }
            a[j + 1] = v;
            id[j + 1] = o;
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

    /** Quicksort of {@code a[left..right]} with {@code id} alongside (median of three, Hoare partition). */
    private static void sortPairs(double[] a, int[] id, int left, int right) {
        while (right - left > SMALL) {
            long bounds = partitionPairs(a, id, left, right);
            int i = (int) (bounds >>> 32);
            int j = (int) bounds;
            if (j - left < right - i) {
                sortPairs(a, id, left, j);
                left = i;
            } else {
                sortPairs(a, id, i, right);
                right = j;
            }
        }
        insertionSortPairs(a, id, left, right);
    }
}
