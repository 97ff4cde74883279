package org.ketasim.core.model;

/**
 * Allometric weight scaling, {@code parameter * (weight/ref)^exponent}, with one exponent per
 * group of parameters: central volumes (the parent's V1 and the metabolite's V1), elimination
 * clearances (the parent's and the metabolite's CL), peripheral volumes, and inter-compartmental
 * flows (Q). Scenario format v1 writes one exponent for all volumes and one for all clearances
 * ({@link #uniform}); some published models scale only the central parameters (Otto 2021 scales V1
 * and CL of both analytes and leaves the peripheral ones unscaled). Typical exponents are 1 and 0.75
 * (Anderson and Holford, Annu Rev Pharmacol Toxicol 2008, doi:10.1146/annurev.pharmtox.48.113006.094708).
 *
 * @param referenceWeightKg         weight of the typical patient the parameters are given for (kg), &gt; 0
 * @param centralVolumesExponent    exponent on central volumes, finite
 * @param clearancesExponent        exponent on elimination clearances, finite
 * @param peripheralVolumesExponent exponent on peripheral volumes, finite
 * @param flowsExponent             exponent on inter-compartmental flows, finite
 */
public record AllometricScaling(double referenceWeightKg, double centralVolumesExponent, double clearancesExponent,
                                double peripheralVolumesExponent, double flowsExponent) {
    /** Checks the ranges above. */
    public AllometricScaling {
        Checks.positive("scaling reference weight", referenceWeightKg);
        Checks.finite("scaling exponent for central volumes", centralVolumesExponent);
        Checks.finite("scaling exponent for clearances", clearancesExponent);
        Checks.finite("scaling exponent for peripheral volumes", peripheralVolumesExponent);
        Checks.finite("scaling exponent for flows", flowsExponent);
    }

    /**
     * The scaling of format v1: every volume with one exponent, every clearance and flow with another.
     *
     * @param referenceWeightKg  reference weight (kg)
     * @param volumesExponent    exponent on all volumes
     * @param clearancesExponent exponent on all clearances and flows
     * @return the scaling
     */
    public static AllometricScaling uniform(double referenceWeightKg, double volumesExponent, double clearancesExponent) {
        return new AllometricScaling(referenceWeightKg, volumesExponent, clearancesExponent, volumesExponent,
                clearancesExponent);
    }

    /**
     * @param weightKg the patient's weight (kg)
     * @param exponent one of this scaling's exponents
     * @return {@code (weight/ref)^exponent}
     */
    public double factor(double weightKg, double exponent) {
        return Math.pow(weightKg / referenceWeightKg, exponent);
    }
}
