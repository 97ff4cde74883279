package org.ketasim.core.model;

/** Argument checks shared by the parameter records; each message names the parameter and its value. */
final class Checks {
    private Checks() {
    }

    /** Requires {@code value > 0} (which also rejects NaN) and returns it. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    /** Requires {@code value >= 0} (which also rejects NaN) and returns it. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or a positive finite number, got " + value);
        }
        return value;
    }

    /** Requires {@code 0 <= value <= 1} (which also rejects NaN) and returns it. */
    static double fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
        return value;
    }

    /** Requires a finite value and returns it. */
    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }
}
