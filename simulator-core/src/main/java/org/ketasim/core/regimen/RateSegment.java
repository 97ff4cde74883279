package org.ketasim.core.regimen;

/**
 * A constant pump rate on the half-open interval {@code [startH, endH)}.
 *
 * @param startH     start (h)
 * @param endH       end (h), &gt; start
 * @param rateMgPerH rate (mg/h), &gt;= 0
 */
public record RateSegment(double startH, double endH, double rateMgPerH) {
    /** Checks the ranges above. */
    public RateSegment {
        if (!(endH > startH) || !Double.isFinite(startH) || !Double.isFinite(endH)) {
            throw new IllegalArgumentException("a rate segment needs start < end, got [" + startH + ", " + endH + ")");
        }
        if (!(rateMgPerH >= 0) || Double.isInfinite(rateMgPerH)) {
            throw new IllegalArgumentException("an infusion rate must be zero or positive, got " + rateMgPerH + " mg/h");
        }
    }

    /**
     * @param untilH a time (h)
     * @return the amount this segment delivers before {@code untilH} (mg)
     */
    public double deliveredMg(double untilH) {
        return rateMgPerH * Math.max(0.0, Math.min(untilH, endH) - startH);
    }

    /**
     * @param dtH a time shift (h)
     * @return this segment, shifted
     */
    public RateSegment shiftedBy(double dtH) {
        return new RateSegment(startH + dtH, endH + dtH, rateMgPerH);
    }
}
