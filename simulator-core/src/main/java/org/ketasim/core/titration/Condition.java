package org.ketasim.core.titration;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A condition on the simulated patient; it holds when any of its given limits is reached.
 *
 * @param nrsReduction           a responder's NRS reduction (points, {@code pd.PdCurves}) at or above
 *                               which it holds
 * @param drugHigh               a typical volunteer's drug-high score (0 to 1, {@code pd.PdCurves}) at
 *                               or above which it holds
 * @param concentration          parent plasma concentration (ng/mL) at or above which it holds
 * @param effectConcentration    effect-site concentration (ng/mL) at or above which it holds
 */
public record Condition(OptionalDouble nrsReduction, OptionalDouble drugHigh, OptionalDouble concentration,
                        OptionalDouble effectConcentration) {

    /** The patient as the rules see it at a decision time. */
    public record Patient(double nrsReduction, double drugHigh, double concentration, double effectConcentration) {
    }

    /**
     * @param p the patient now
     * @return which limits are reached, e.g. "concentration 152 >= 150 ng/mL"; empty if none
     */
    public List<String> reached(Patient p) {
        List<String> out = new ArrayList<>();
        check(out, nrsReduction, p.nrsReduction(), "a responder's NRS reduction", "points");
        check(out, drugHigh, p.drugHigh(), "drug-high score", "");
        check(out, concentration, p.concentration(), "plasma concentration", "ng/mL");
        check(out, effectConcentration, p.effectConcentration(), "effect-site concentration", "ng/mL");
        return out;
    }

    private static void check(List<String> out, OptionalDouble limit, double value, String what, String unit) {
        if (limit.isPresent() && value >= limit.getAsDouble()) {
            out.add(String.format(java.util.Locale.ROOT, "%s %.4g >= %s %s", what, value, limit.getAsDouble(), unit)
                    .trim());
        }
    }
}
