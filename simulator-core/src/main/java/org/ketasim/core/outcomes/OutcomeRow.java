package org.ketasim.core.outcomes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One population share: a row of {@code population_outcomes.csv}
 * ({@code seed,subjects,arm,measure,time,p,p_lo,p_hi,outside_evidence,reasons}).
 *
 * @param arm              drug or placebo
 * @param measure          what is counted
 * @param time             {@code end}, {@code 4_weeks}, {@code 12_weeks} (or another {@link OutcomeTime}
 *                         label) for relief; {@code course} for psychomimetic effects
 * @param p                the share at the point estimates of every uncertain parameter, 0 to 1
 * @param pLo              the 2.5 % point of the share over the replicates (NaN without replicates)
 * @param pHi              the 97.5 % point (NaN without replicates)
 * @param outsideEvidence  whether the outcome lies outside the evidence ({@link Evidence})
 * @param reasons          why, empty when inside
 */
public record OutcomeRow(Arm arm, Measure measure, String time, double p, double pLo, double pHi,
                         boolean outsideEvidence, List<EvidenceReason> reasons) {

    /** Copies the reasons. */
    public OutcomeRow {
        reasons = List.copyOf(reasons);
    }

    /** @return the reasons' codes joined by ';', for the {@code reasons} column */
    public String reasonCodes() {
        return reasons.stream().map(EvidenceReason::code).collect(Collectors.joining(";"));
    }
}
