package org.ketasim.core.model;

/**
 * Allometric weight scaling: volumes scale with {@code (weight/ref)^volumesExponent} and clearances
 * (elimination and inter-compartmental, parent and metabolite) with
 * {@code (weight/ref)^clearancesExponent}. Typical exponents are 1 and 0.75 (Anderson and Holford,
 * Annu Rev Pharmacol Toxicol 2008, doi:10.1146/annurev.pharmtox.48.113006.094708).
 *
 * @param referenceWeightKg  weight of the typical patient the parameters are given for (kg), &gt; 0
 * @param volumesExponent    exponent applied to volumes, finite
 * @param clearancesExponent exponent applied to clearances and flows, finite
 */
public record AllometricScaling(double referenceWeightKg, double volumesExponent, double clearancesExponent) {
    /** Checks the ranges above. */
    public AllometricScaling {
        Checks.positive("scaling reference weight", referenceWeightKg);
        Checks.finite("scaling exponent for volumes", volumesExponent);
        Checks.finite("scaling exponent for clearances", clearancesExponent);
    }

    /**
     * @param weightKg the patient's weight (kg)
     * @return the factor volumes are multiplied by
     */
    public double volumeFactor(double weightKg) {
        return Math.pow(weightKg / referenceWeightKg, volumesExponent);
    }

    /**
     * @param weightKg the patient's weight (kg)
     * @return the factor clearances and flows are multiplied by
     */
    public double clearanceFactor(double weightKg) {
        return Math.pow(weightKg / referenceWeightKg, clearancesExponent);
    }
}
