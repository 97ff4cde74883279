package org.ketasim.core.tci;

/**
 * How the pump and the algorithm work.
 *
 * @param site              the concentration targeted
 * @param updateIntervalH   time between rate updates (h), &gt; 0; STANPUMP and tci use 10 s
 * @param maxRateMgPerH     the pump's highest rate (mg/h), &gt; 0
 * @param gridPoints        points of the effect-site peak search, &gt;= 10 (tci: 1,200)
 * @param searchH           initial horizon of the peak search (h), doubled until the unit response
 *                          peaks inside it (tci: 10 min)
 * @param searchMarginH     margin added past the unit peak for the search from a non-zero state (h)
 *                          (tci: 0.5 min)
 * @param plasmaTolerance   effect mode switches to plasma targeting when Cp is within this fraction
 *                          of the target ... (tci: 0.2)
 * @param effectTolerance   ... and Ce within this fraction (tci: 0.05)
 * @param rateResolutionMgPerH the smallest step of the pump's rate (mg/h), &gt;= 0: every rate set is
 *                          rounded to a whole multiple of it (the maximum rounded down), and the next
 *                          update starts from what the rounded rate gave; 0 sets rates exactly
 */
public record TciSettings(TciSite site, double updateIntervalH, double maxRateMgPerH, int gridPoints, double searchH,
                          double searchMarginH, double plasmaTolerance, double effectTolerance,
                          double rateResolutionMgPerH) {

    /** Checks the ranges above. */
    public TciSettings {
        if (!(updateIntervalH > 0) || !(maxRateMgPerH > 0) || gridPoints < 10 || !(searchH > 0)
                || !(searchMarginH >= 0) || !(plasmaTolerance >= 0) || !(effectTolerance >= 0)
                || !(rateResolutionMgPerH >= 0 && rateResolutionMgPerH <= maxRateMgPerH)) {
            throw new IllegalArgumentException("TCI settings out of range: interval " + updateIntervalH + " h, max rate "
                    + maxRateMgPerH + " mg/h, grid " + gridPoints + ", rate resolution " + rateResolutionMgPerH + " mg/h");
        }
    }

    /**
     * The defaults of STANPUMP and the tci package: updates every 10 s, a 1,200-point peak search over
     * 10 min (plus 0.5 min), plasma targeting within 20 % (Cp) and 5 % (Ce); rates set exactly.
     *
     * @param site          the site targeted
     * @param maxRateMgPerH the pump's highest rate (mg/h)
     * @return the settings
     */
    public static TciSettings of(TciSite site, double maxRateMgPerH) {
        return new TciSettings(site, 10.0 / 3600, maxRateMgPerH, 1200, 10.0 / 60, 0.5 / 60, 0.2, 0.05, 0);
    }

    /**
     * @param hours the update interval (h)
     * @return these settings with another update interval
     */
    public TciSettings withUpdateInterval(double hours) {
        return new TciSettings(site, hours, maxRateMgPerH, gridPoints, searchH, searchMarginH, plasmaTolerance,
                effectTolerance, rateResolutionMgPerH);
    }

    /**
     * @param mgPerH the pump's rate resolution (mg/h), 0 for exact rates
     * @return these settings with it
     */
    public TciSettings withRateResolution(double mgPerH) {
        return new TciSettings(site, updateIntervalH, maxRateMgPerH, gridPoints, searchH, searchMarginH,
                plasmaTolerance, effectTolerance, mgPerH);
    }

    /**
     * @param mgPerH a rate (mg/h), 0 to the maximum
     * @return it on the pump's resolution: the nearest whole multiple, at most the maximum; exactly
     *         the decimal multiple (27.5, not 27.500000000000004) where the resolution is a short decimal
     */
    public double pumpRate(double mgPerH) {
        if (rateResolutionMgPerH == 0) {
            return mgPerH;
        }
        java.math.BigDecimal step = java.math.BigDecimal.valueOf(rateResolutionMgPerH);
        long steps = Math.min(Math.round(mgPerH / rateResolutionMgPerH),
                (long) Math.floor(maxRateMgPerH / rateResolutionMgPerH));
        return step.multiply(java.math.BigDecimal.valueOf(steps)).doubleValue();
    }
}
