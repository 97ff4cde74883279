package org.ketasim.core.problems;

import java.util.Objects;

/**
 * Something allowed but probably not meant, or a result that goes beyond the evidence: a typed
 * value, so that reports and charts can group warnings by kind rather than by their wording.
 *
 * @param kind     what sort of warning
 * @param location where it comes from
 * @param message  what it says, naming the value
 */
public record Warning(Kind kind, Location location, String message) {

    /** The kinds of warning. */
    public enum Kind {
        /** A dose or rate possible but not plausible for analgesia (anaesthetic range). */
        IMPLAUSIBLE_DOSE,
        /** A route whose parameters the model's sources do not validate. */
        UNVALIDATED_ROUTE,
        /** A body weight outside the weights of the model's study population. */
        WEIGHT_OUTSIDE_MODEL,
        /** Part of the regimen lies after the end of the simulation and is not simulated. */
        DOSING_AFTER_END,
        /** An output step longer than the simulation. */
        COARSE_GRID,
        /** A titration whose maximum is below its start. */
        MAXIMUM_BELOW_START,
        /** Published variability that the engine cannot apply. */
        VARIABILITY_NOT_APPLIED,
        /** An outcome computed outside the population, analyte, route or dose range of its evidence. */
        OUTSIDE_EVIDENCE,
        /** A regimen with a known safety signal (e.g. repeated long infusions and liver injury). */
        SAFETY
    }

    /** Checks that nothing is null. */
    public Warning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code source:line: key: message} */
    @Override
    public String toString() {
        String where = location.toString();
        return where.isEmpty() ? message : where + ": " + message;
    }
}
