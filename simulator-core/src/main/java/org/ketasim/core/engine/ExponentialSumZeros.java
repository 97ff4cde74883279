package org.ketasim.core.engine;

import java.util.Arrays;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Where a sum of exponentials {@code f(x) = sum_k c_k exp(mu_k x)} may change sign inside an
 * interval {@code (0, b)}, exponents distinct and ascending: each sign change is reported as a
 * region {@code [low, high]} that contains it: either a point found by Brent's method or, where
 * two or more sign changes may lie close together, a short interval.
 *
 * <p>Two counts bound the sign changes without finding them:
 * <ol>
 *   <li>the rule of signs for such sums (Laguerre's extension of Descartes' rule): there are no
 *       more real zeros than sign changes in {@code c}, read in order of {@code mu};</li>
 *   <li>the Budan-Fourier count on a sub-interval {@code [a, b]}: with {@code f_0 = f} and
 *       {@code f_{i+1} = (f_i exp(-mu_top x))'} (a sum of one exponential fewer, {@code mu_top}
 *       the largest exponent of {@code f_i}), at most {@code V(a) - V(b)} zeros lie in
 *       {@code (a, b]}, where {@code V(x)} counts the sign changes of {@code f_0(x), f_1(x), ...}.
 *       (Exponentials form an extended complete Chebyshev system, for which the theorem holds as
 *       for polynomials.)</li>
 * </ol>
 * A sub-interval with a count of zero has no sign change; one with a count of one has a sign
 * change exactly when the ends differ in sign, and Brent's method finds it; any other is kept
 * only if the interval bound (every term at its least favourable end) cannot show one sign, and is
 * halved, down to {@value #SMALLEST_REGION} of a unit, where it is reported as a region.
 * The powers {@code exp(mu_k x)} at a midpoint are the square roots of the products at the ends,
 * so halving needs no exponential. A value too close to zero to trust its sign counts as unknown.
 * Not thread-safe (one per thread).
 */
final class ExponentialSumZeros {

    private static final int MAX_EVALUATIONS = 200;
    /** A value within this (relative to its terms) of zero has no trusted sign. */
    private static final double SIGN_NOISE = 1e-12;
    /** Halving stops at regions this narrow (units of x), which are then reported. */
    private static final double SMALLEST_REGION = 0.125;
    /** A count of sign changes that cannot be trusted. */
    private static final int UNKNOWN = Integer.MAX_VALUE;

    private final double accuracy;
    /** Made on first use: most sums never need it. */
    private BrentSolver brent;
    private double[] c;
    private double[] mu;
    private int n;
    private boolean atMostOne;
    private double[] scratch = new double[0];
    private double[] ones = new double[0];
    private double[] regions = new double[8];
    private int count;

    /** The Budan-Fourier sign-change count and the sign of {@code f} at a point. */
    private record Point(double x, double[] power, int changes, int sign) {
    }

    /**
     * @param accuracy the absolute accuracy wanted on each point found, in units of x
     */
    ExponentialSumZeros(double accuracy) {
        this.accuracy = accuracy;
    }

    /**
     * @param c        the coefficients, none zero
     * @param mu       the exponents, strictly ascending
     * @param n        how many terms of {@code c} and {@code mu} to use
     * @param b        the end of the interval (above 0)
     * @param powerAtB {@code exp(mu_k b)}, known to the caller
     * @return how many regions were found; read them with {@link #low} and {@link #high}, in
     *         ascending order
     */
    int find(double[] c, double[] mu, int n, double b, double[] powerAtB) {
        count = 0;
        int changes = 0;
        for (int k = 1; k < n; k++) {
            if ((c[k] > 0) != (c[k - 1] > 0)) {
                changes++;
            }
        }
        if (changes == 0) {
            return 0;
        }
        this.c = c;
        this.mu = mu;
        this.n = n;
        this.atMostOne = changes == 1;
        if (scratch.length < n) {
            scratch = new double[n];
        }
        if (ones.length < n) {
            ones = new double[n];
            Arrays.fill(ones, 1);
        }
        isolate(point(0, ones), point(b, powerAtB));
        return count;
    }

    /** @return the start of region i */
    double low(int i) {
        return regions[2 * i];
    }

    /** @return the end of region i */
    double high(int i) {
        return regions[2 * i + 1];
    }

    private void isolate(Point a, Point b) {
        int bound;
        if (atMostOne) {
            bound = 1;
        } else if (a.changes == UNKNOWN || b.changes == UNKNOWN || a.changes < b.changes) {
            bound = UNKNOWN;
        } else {
            bound = a.changes - b.changes;
        }
        if (bound == 0) {
            return;
        }
        if (bound == 1 && a.sign != 0 && b.sign != 0) {
            if (a.sign != b.sign) {
                if (brent == null) {
                    brent = new BrentSolver(accuracy);
                }
                double root = brent.solve(MAX_EVALUATIONS, this::scaled, a.x, b.x);
                add(root, root);
            }
            return;
        }
        if (signDefinite(a, b)) {
            return;
        }
        if (b.x - a.x <= SMALLEST_REGION) {
            add(a.x, b.x);
            return;
        }
        double mid = 0.5 * (a.x + b.x);
        double[] power = new double[n];
        for (int k = 0; k < n; k++) {
            double product = a.power[k] * b.power[k];
            power[k] = product >= Double.MIN_NORMAL ? Math.sqrt(product) : Math.exp(mu[k] * mid);
        }
        Point m = point(mid, power);
        isolate(a, m);
        isolate(m, b);
    }

    /**
     * The interval bound: each term is monotone, so it lies between its values at the ends, and
     * {@code f} keeps one sign on {@code [a, b]} if the sum of the terms at their least favourable
     * ends already has it.
     */
    private boolean signDefinite(Point a, Point b) {
        double low = 0;
        double high = 0;
        for (int k = 0; k < n; k++) {
            double atA = c[k] * a.power[k];
            double atB = c[k] * b.power[k];
            low += Math.min(atA, atB);
            high += Math.max(atA, atB);
        }
        return low > 0 || high < 0;
    }

    private void add(double low, double high) {
        if (2 * count + 2 > regions.length) {
            regions = Arrays.copyOf(regions, 2 * regions.length);
        }
        regions[2 * count] = low;
        regions[2 * count + 1] = high;
        count++;
    }

    /**
     * The Budan-Fourier sequence at x: how often its signs change, and the sign of f itself. With
     * at most one sign change in all, only the sign of f is needed.
     */
    private Point point(double x, double[] power) {
        System.arraycopy(c, 0, scratch, 0, n);
        int changes = 0;
        int previous = 0;
        int signOfF = 0;
        int last = atMostOne ? n - 1 : 0;
        for (int terms = n; terms > last; terms--) {
            int top = terms - 1;
            double value = 0;
            double size = 0;
            for (int k = 0; k < terms; k++) {
                double ratio = power[top] >= Double.MIN_NORMAL ? power[k] / power[top]
                        : Math.exp((mu[k] - mu[top]) * x);
                double term = scratch[k] * ratio;
                value += term;
                size += Math.abs(term);
            }
            if (Math.abs(value) <= SIGN_NOISE * size) {
                return new Point(x, power, UNKNOWN, 0);
            }
            int sign = value > 0 ? 1 : -1;
            if (terms == n) {
                signOfF = sign;
            } else if (sign != previous) {
                changes++;
            }
            previous = sign;
            for (int k = 0; k < top; k++) {
                scratch[k] *= mu[k] - mu[top];
            }
        }
        return new Point(x, power, changes, signOfF);
    }

    /** {@code f} divided by its largest exponential, at x: the same sign, and no overflow. */
    private double scaled(double x) {
        int last = n - 1;
        double sum = c[last];
        for (int k = 0; k < last; k++) {
            sum += c[k] * Math.exp((mu[k] - mu[last]) * x);
        }
        return sum;
    }
}
