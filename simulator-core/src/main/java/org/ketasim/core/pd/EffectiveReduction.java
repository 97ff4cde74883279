package org.ketasim.core.pd;

/**
 * The definitions of an effective pain reduction the Dutch clinics reported (Mangnus et al. 2021,
 * dutch-survey.md): at least 2 NRS points, at least 3 points, at least 30 %, more than 50 %.
 */
public enum EffectiveReduction {
    /** A reduction of at least 2 NRS points. */
    AT_LEAST_2_POINTS("meets_2_points"),
    /** A reduction of at least 3 NRS points. */
    AT_LEAST_3_POINTS("meets_3_points"),
    /** A reduction of at least 30 % of the baseline NRS. */
    AT_LEAST_30_PERCENT("meets_30_percent"),
    /** A reduction of more than 50 % of the baseline NRS. */
    MORE_THAN_50_PERCENT("meets_50_percent");

    private final String column;

    EffectiveReduction(String column) {
        this.column = column;
    }

    /** @return the summary column that says whether the definition was met */
    public String column() {
        return column;
    }

    /**
     * @param reduction   NRS reduction (points)
     * @param baselineNrs baseline NRS
     * @return whether this definition is met
     */
    public boolean isMet(double reduction, double baselineNrs) {
        return switch (this) {
            case AT_LEAST_2_POINTS -> reduction >= 2;
            case AT_LEAST_3_POINTS -> reduction >= 3;
            case AT_LEAST_30_PERCENT -> reduction >= 0.3 * baselineNrs;
            case MORE_THAN_50_PERCENT -> reduction > 0.5 * baselineNrs;
        };
    }
}
