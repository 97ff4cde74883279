package org.ketasim.core.population;

import java.util.Arrays;

/**
 * Exact sample quantiles by the R type-7 definition (R's {@code quantile} default, numpy's
 * default): for probability {@code p} of {@code n} values sorted {@code x_0 <= ... <= x_{n-1}},
 * with {@code h = (n - 1) p}, the quantile is {@code x_floor(h) + (h - floor(h)) (x_{floor(h)+1} -
 * x_floor(h))}. The order statistics are found by selection (expected linear time), not by
 * sorting. Not thread-safe: one instance per thread.
 */
public final class Quantiles {

    /** Below this many values a range is sorted rather than partitioned. */
    private static final int SMALL = 24;

    private double[] scratch = new double[0];

    /**
     * @param values      the sample, not modified; no NaN
     * @param count       how many of {@code values} to use, at least 1
     * @param percentiles ascending, each in [0, 100]
     * @param out         where the quantiles go, one per percentile
     */
    public void compute(double[] values, int count, double[] percentiles, double[] out) {
        if (scratch.length < count) {
            scratch = new double[count];
        }
        double[] x = scratch;
        System.arraycopy(values, 0, x, 0, count);
        int from = 0;
        for (int k = 0; k < percentiles.length; k++) {
            double h = (count - 1) * percentiles[k] / 100;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, count - 1);
            select(x, from, count - 1, lo);
            double low = x[lo];
            double high = low;
            if (hi > lo) {
                select(x, lo + 1, count - 1, hi);
                high = x[hi];
            }
            out[k] = low + (h - lo) * (high - low);
            from = lo;
        }
    }

    /** Rearranges {@code x[left..right]} so that {@code x[k]} is the value of rank k there, smaller ones before. */
    private static void select(double[] x, int left, int right, int k) {
        while (right - left > SMALL) {
            int mid = (left + right) >>> 1;
            if (x[mid] < x[left]) {
                swap(x, mid, left);
            }
            if (x[right] < x[left]) {
                swap(x, right, left);
            }
            if (x[right] < x[mid]) {
                swap(x, right, mid);
            }
            double pivot = x[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (x[i] < pivot) {
                    i++;
                }
                while (x[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(x, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
        Arrays.sort(x, left, right + 1);
    }

    private static void swap(double[] x, int i, int j) {
        double t = x[i];
        x[i] = x[j];
        x[j] = t;
    }
}
