package org.ketasim.core.outcomes;

import java.util.List;

/**
 * The mean NRS reduction from baseline (points) of each arm at one time, and the drug arm's
 * advantage over placebo, each with its uncertainty interval: the quantity trials and meta-analyses
 * report as a mean difference.
 *
 * @param time            the outcome time's label
 * @param drug            mean reduction on the regimen (points)
 * @param placebo         mean reduction on placebo (points)
 * @param difference      drug minus placebo (points), its interval from the same replicates
 * @param outsideEvidence whether the drug arm's outcome lies outside the evidence
 * @param reasons         why, empty when inside
 */
public record MeanReductionRow(String time, Estimate drug, Estimate placebo, Estimate difference,
                               boolean outsideEvidence, List<EvidenceReason> reasons) {

    /** Copies the reasons. */
    public MeanReductionRow {
        reasons = List.copyOf(reasons);
    }

    /**
     * A value at the point estimates with its 95 % uncertainty interval over replicates.
     *
     * @param value at the point estimates
     * @param lo    2.5 % point over replicates (NaN without replicates)
     * @param hi    97.5 % point (NaN without replicates)
     */
    public record Estimate(double value, double lo, double hi) {
    }
}
