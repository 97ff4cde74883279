package org.ketasim.core.nonmem;

import org.ketasim.core.regimen.Breakpoints;

/**
 * Identical doses into one state, entering at {@code start + j * interval} for j = 0 to count - 1:
 * boluses of {@code amountMg}, or infusions at {@code rateMgPerH} for {@code durationH} each. A
 * single dose is a train of one. Times that are the same instant ({@link Breakpoints#same}) are
 * treated as equal: a dose entering at the same instant as t has entered by t, and an infusion
 * ending at the same instant as t has ended by t. Immutable.
 *
 * @param start      entry time of the first dose (h)
 * @param interval   time between entries (h), &gt; 0 when count &gt; 1
 * @param count      number of doses, &gt;= 1
 * @param state      the state the doses enter
 * @param amountMg   amount of each bolus (mg); 0 for infusions
 * @param rateMgPerH rate of each infusion (mg/h); 0 for boluses
 * @param durationH  duration of each infusion (h); 0 for boluses
 */
record Train(double start, double interval, int count, int state, double amountMg, double rateMgPerH,
             double durationH) {

    /** @return whether the doses are boluses */
    boolean bolus() {
        return durationH == 0;
    }

    /**
     * @param j a dose index
     * @return its entry time (h)
     */
    double start(int j) {
        return start + j * interval;
    }

    /**
     * @param t a time (h)
     * @return how many doses have entered by t
     */
    int entered(double t) {
        return upTo(start, t);
    }

    /**
     * @param t a time (h)
     * @return how many doses have entered and ended by t (boluses end as they enter)
     */
    int completed(double t) {
        if (bolus()) {
            return entered(t);
        }
        return Math.min(entered(t), upTo(start + durationH, t));
    }

    /**
     * @param n a number of doses, 1 to count
     * @return the first n doses
     */
    Train first(int n) {
        return new Train(start, interval, n, state, amountMg, rateMgPerH, durationH);
    }

    /**
     * @param n a number of doses, 0 to count - 1
     * @return the doses after the first n
     */
    Train dropFirst(int n) {
        return new Train(start(n), interval, count - n, state, amountMg, rateMgPerH, durationH);
    }

    /** @return how many of the times {@code origin + j * interval}, j &lt; count, are at or before t */
    private int upTo(double origin, double t) {
        if (!atOrBefore(origin, t)) {
            return 0;
        }
        if (count == 1) {
            return 1;
        }
        double steps = Math.floor((t - origin) / interval);
        long k = (long) Math.max(0, Math.min(count - 1, steps));
        while (k + 1 < count && atOrBefore(origin + (k + 1) * interval, t)) {
            k++;
        }
        while (k > 0 && !atOrBefore(origin + k * interval, t)) {
            k--;
        }
        return (int) k + 1;
    }

    /**
     * @param origin   a time (h)
     * @param interval a step (h), &gt; 0
     * @param t        a time (h)
     * @return how many of the times {@code origin - k * interval}, k &gt;= 1, are after t (not the same
     *         instant)
     */
    static long countAfter(double origin, double interval, double t) {
        double steps = Math.ceil((origin - t) / interval) - 1;
        long k = (long) Math.max(0, Math.min(Long.MAX_VALUE / 2, steps));
        while (!atOrBefore(origin - (k + 1) * interval, t)) {
            k++;
        }
        while (k > 0 && atOrBefore(origin - k * interval, t)) {
            k--;
        }
        return k;
    }

    /**
     * @param a a time (h)
     * @param t a time (h)
     * @return whether a is before t or the same instant
     */
    static boolean atOrBefore(double a, double t) {
        return a <= t || Breakpoints.same(a, t);
    }

    /**
     * @param from a time (h)
     * @param to   a later time, or the same instant (h)
     * @return {@code to - from}, or 0 when they are the same instant
     */
    static double elapsed(double from, double to) {
        return Breakpoints.same(from, to) ? 0 : Math.max(0, to - from);
    }
}
