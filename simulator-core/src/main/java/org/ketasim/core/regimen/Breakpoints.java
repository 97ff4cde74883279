package org.ketasim.core.regimen;

/**
 * The tolerance within which two times are the same instant. Times come from unit conversions
 * (40 min is 0.6666... h) and multiplications (k * every), so the same instant written two ways can
 * differ in the last bits; treating them as one keeps a bolus and an output row written at the same
 * time together, and never creates a sliver interval between them.
 */
public final class Breakpoints {

    /** Times closer than this relative distance (or absolute, below 1 h) are one instant: 1e-9. */
    public static final double TOLERANCE_H = 1e-9;

    private Breakpoints() {
    }

    /**
     * @param a a time (h)
     * @param b a time (h)
     * @return whether {@code a} and {@code b} are the same instant (an infinite time only equals itself)
     */
    public static boolean same(double a, double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return Math.abs(a - b) <= TOLERANCE_H * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}
