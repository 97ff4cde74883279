package org.ketasim.web;

import java.util.TreeSet;

/**
 * Chooses the output rows a chart needs, so that a long run reaches the browser in a few thousand
 * points: the first and last row, in each of about {@code max / 2} equal runs of rows the lowest
 * and the highest value of the curve (so no peak or trough is lost), and the rows on both sides of
 * each pump-rate change (so the steps stay steps), as long as there is room.
 */
final class Thinning {

    private Thinning() {
    }

    /**
     * @param y    the curve whose extremes must stay (e.g. the plasma concentration)
     * @param rate the pump rate per row, or null
     * @param max  the most rows to keep, at least 8
     * @return the kept row indices, ascending; every row when there are at most {@code max}
     */
    static int[] rows(double[] y, double[] rate, int max) {
        int n = y.length;
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        TreeSet<Integer> keep = new TreeSet<>();
        keep.add(0);
        keep.add(n - 1);
        int buckets = max / 2 - 1;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            keep.add(lo);
            keep.add(hi);
        }
        if (rate != null) {
            for (int i = 1; i < n && keep.size() < max - 1; i++) {
                if (rate[i] != rate[i - 1]) {
                    keep.add(i - 1);
                    keep.add(i);
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param values a column
     * @param rows   the kept rows
     * @return the column at those rows, as floats (7 significant digits are plenty for a chart)
     */
    static float[] pick(double[] values, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = (float) values[rows[i]];
        }
        return out;
    }
}
