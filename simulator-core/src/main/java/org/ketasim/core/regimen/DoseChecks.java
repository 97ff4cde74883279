package org.ketasim.core.regimen;

/** Argument checks of dose values; each message names the value. */
final class DoseChecks {
    private DoseChecks() {
    }

    static double time(String name, double valueH) {
        if (!(valueH >= 0) || Double.isInfinite(valueH)) {
            throw new IllegalArgumentException(name + " must be zero or later, got " + valueH + " h");
        }
        return valueH;
    }

    static double duration(String name, double valueH) {
        if (!(valueH > 0) || Double.isInfinite(valueH)) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + valueH + " h");
        }
        return valueH;
    }

    static double amount(String name, double value, String unit) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or positive, got " + value + " " + unit);
        }
        return value;
    }
}
