package org.ketasim.core.pd;

/**
 * Chronic pain relief after Dahan 2011: the fraction of pain relieved,
 * {@code Ce,pain / (C50 + Ce,pain)} with C50 10.5 ng/mL S-ketamine, where Ce,pain lags plasma with a
 * half-life of 10.9 days; the expected reduction of the NRS pain score is that fraction of the
 * baseline score (see {@link PdAssumptions}).
 */
public final class PainRelief {

    /** C50 (ng/mL S-ketamine), Dahan 2011. */
    public static final double C50_NG_PER_ML = 10.5;
    /** The survey guideline's NRS threshold for treatment, used when a scenario gives no baseline. */
    public static final double DEFAULT_BASELINE_NRS = 7;

    private PainRelief() {
    }

    /**
     * @param cePainNgPerMl pain-relief effect-site S-ketamine concentration (ng/mL), &gt;= 0
     * @return the fraction of pain relieved, 0 to 1
     */
    public static double fraction(double cePainNgPerMl) {
        double c = Math.max(0, cePainNgPerMl);
        return c / (C50_NG_PER_ML + c);
    }

    /**
     * @param cePainNgPerMl pain-relief effect-site S-ketamine concentration (ng/mL)
     * @param baselineNrs   NRS before treatment, 0 to 10
     * @return the expected NRS reduction (points)
     */
    public static double nrsReduction(double cePainNgPerMl, double baselineNrs) {
        return baselineNrs * fraction(cePainNgPerMl);
    }
}
