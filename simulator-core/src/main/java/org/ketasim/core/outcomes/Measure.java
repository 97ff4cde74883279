package org.ketasim.core.outcomes;

/**
 * What a population share counts: the Dutch clinics' definitions of an effective pain reduction
 * (Mangnus et al. 2021, dutch-survey.md [V]: 2 points (7 clinics), 3 or more points (6 clinics),
 * and from the literature at least 30 % (Farrar 2001) and more than 50 % (Xu 2019)), and
 * psychomimetic side effects during the course.
 */
public enum Measure {
    /** An NRS reduction of at least 2 points. */
    MEETS_2_POINTS("meets_2_points"),
    /** An NRS reduction of at least 3 points. */
    MEETS_3_POINTS("meets_3_points"),
    /** An NRS reduction of at least 30 % of the baseline. */
    MEETS_30_PERCENT("meets_30_percent"),
    /** An NRS reduction of more than 50 % of the baseline. */
    MEETS_50_PERCENT("meets_50_percent"),
    /** Psychomimetic side effects at some time during the course ({@link PsychomimeticModel}). */
    PSYCHOMIMETIC("psychomimetic");

    private final String id;

    Measure(String id) {
        this.id = id;
    }

    /** @return the name in output files, e.g. {@code meets_2_points} */
    public String id() {
        return id;
    }

    /** @return whether this is a pain-relief definition (evaluated at the {@link OutcomeTime}s) */
    public boolean isRelief() {
        return this != PSYCHOMIMETIC;
    }

    /**
     * @param reductionNrs the NRS reduction (points)
     * @param baselineNrs  the baseline NRS
     * @return whether this relief definition is met: at or above its {@link #threshold}, above it
     *         where it {@link #isStrict}
     * @throws IllegalStateException for {@link #PSYCHOMIMETIC}
     */
    public boolean isMet(double reductionNrs, double baselineNrs) {
        return meets(reductionNrs, threshold(baselineNrs), isStrict());
    }

    /**
     * {@link #isMet} with its threshold taken beforehand (once per patient in a tally).
     *
     * @param reductionNrs the NRS reduction (points)
     * @param threshold    a definition's {@link #threshold}
     * @param strict       whether it {@link #isStrict}
     * @return whether the reduction meets it
     */
    public static boolean meets(double reductionNrs, double threshold, boolean strict) {
        return strict ? reductionNrs > threshold : reductionNrs >= threshold;
    }

    /** @return whether the reduction must be above the {@link #threshold} ("more than 50 %"), not at it */
    public boolean isStrict() {
        return this == MEETS_50_PERCENT;
    }

    /**
     * @param baselineNrs the baseline NRS
     * @return the NRS reduction (points) from which this relief definition is met (above which, where
     *         it {@link #isStrict})
     * @throws IllegalStateException for {@link #PSYCHOMIMETIC}
     */
    public double threshold(double baselineNrs) {
        return switch (this) {
            case MEETS_2_POINTS -> 2;
            case MEETS_3_POINTS -> 3;
            case MEETS_30_PERCENT -> 0.3 * baselineNrs;
            case MEETS_50_PERCENT -> 0.5 * baselineNrs;
            case PSYCHOMIMETIC -> throw new IllegalStateException("psychomimetic is not a pain-relief definition");
        };
    }
}
