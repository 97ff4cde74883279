package org.ketasim.core.outcomes;

/**
 * Why an outcome lies outside the evidence its model rests on.
 *
 * @param limit which limit is passed
 * @param text  what is outside and why it matters, with the regimen's own numbers
 */
public record EvidenceReason(Limit limit, String text) {

    /** The limits of the evidence, each with the code written in output files. */
    public enum Limit {
        /** A route without pharmacodynamic evidence: the PD comes from IV infusions. */
        ROUTE("route_without_pd_evidence"),
        /** Racemic ketamine on a PD model of S-ketamine. */
        RACEMIC("racemic_dose"),
        /** A peak plasma concentration far above the calibration trial's. */
        PEAK("peak_above_calibration"),
        /** A pump rate far above the calibration trial's. */
        RATE("rate_above_calibration"),
        /** A course much shorter than the calibration trial's 4.2 days. */
        SHORT_COURSE("course_shorter_than_trial"),
        /** A course much longer than the calibration trial's 4.2 days. */
        LONG_COURSE("course_longer_than_trial"),
        /** Several sessions instead of one continuous infusion. */
        SESSIONS("several_sessions"),
        /** Psychomimetic peaks at an acute effect site the model does not have, assumed by the outcome models. */
        ACUTE_EFFECT_SITE("acute_effect_site_assumed");

        private final String code;

        Limit(String code) {
            this.code = code;
        }

        /** @return the code in output files, e.g. {@code route_without_pd_evidence} */
        public String code() {
            return code;
        }
    }

    /** @return the limit's code */
    public String code() {
        return limit.code();
    }
}
