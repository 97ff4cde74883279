package org.ketasim.core.outcomes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether an outcome lies outside the evidence, and why. A flagged outcome is still computed; it
 * must be reported with its flag and reasons.
 *
 * @param outside whether any limit is passed
 * @param reasons the reasons, in the order of {@link EvidenceReason.Limit}; empty when inside
 */
public record EvidenceFlag(boolean outside, List<EvidenceReason> reasons) {

    /** Copies the reasons and checks that they agree with the flag. */
    public EvidenceFlag {
        reasons = List.copyOf(reasons);
        if (outside == reasons.isEmpty()) {
            throw new IllegalArgumentException("an outcome is outside the evidence exactly when it has reasons");
        }
    }

    /**
     * @param reasons the reasons, possibly none
     * @return the flag: outside when there is a reason
     */
    public static EvidenceFlag of(List<EvidenceReason> reasons) {
        return new EvidenceFlag(!reasons.isEmpty(), reasons);
    }

    /** @return the reasons' codes joined by ';', empty when inside, for a CSV column */
    public String codes() {
        return reasons.stream().map(EvidenceReason::code).collect(Collectors.joining(";"));
    }
}
