package org.ketasim.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on floating-point closeness with a stated relative and absolute tolerance. */
public final class Close {
    private Close() {
    }

    /**
     * Passes if {@code |actual - expected| <= relative * |expected| + absolute}.
     *
     * @param expected the reference value
     * @param actual   the value under test
     * @param relative relative tolerance
     * @param absolute absolute tolerance (for values near zero)
     * @param what     what is compared, for the failure message
     */
    public static void assertClose(double expected, double actual, double relative, double absolute, String what) {
        if (!(Math.abs(actual - expected) <= relative * Math.abs(expected) + absolute)) {
            fail(String.format("%s: expected %.17g, got %.17g (relative difference %.3g, tolerance %.1g + %.1g abs)",
                    what, expected, actual, Math.abs(actual - expected) / Math.abs(expected), relative, absolute));
        }
    }

    /** Element-wise {@link #assertClose(double, double, double, double, String)}. */
    public static void assertAllClose(double[] expected, double[] actual, double relative, double absolute,
                                      String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " values, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], relative, absolute, what + "[" + i + "]");
        }
    }
}
