package org.ketasim.core.outcomes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a concentration is a concentration of. */
public enum Analyte {
    /** S-ketamine (esketamine) alone. */
    S_KETAMINE("s-ketamine", "S-ketamine"),
    /** Racemic ketamine measured as the total of R- and S-ketamine. */
    RACEMIC_KETAMINE("racemic", "racemic ketamine (R + S total)");

    /**
     * The basis of every conversion between the two: S-ketamine is half of the racemic total [U],
     * the same assumption ketasim makes when a racemic dose is given on an S-ketamine model (equal
     * parts in the dose; R-ketamine is cleared about 15-20 % more slowly, pk-models.md section 8 [V],
     * which this ignores).
     */
    public static final double S_FRACTION_OF_RACEMIC = 0.5;

    private final String id;
    private final String label;

    Analyte(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the name in window specifications, {@code s-ketamine} or {@code racemic} */
    public String id() {
        return id;
    }

    /** @return the name in messages and reports */
    public String label() {
        return label;
    }

    /**
     * @param target another analyte
     * @return the factor that turns a concentration of this analyte into the same amount of drug
     *         as {@code target} on the basis {@link #S_FRACTION_OF_RACEMIC}
     */
    public double factorTo(Analyte target) {
        if (this == target) {
            return 1;
        }
        return this == RACEMIC_KETAMINE ? S_FRACTION_OF_RACEMIC : 1 / S_FRACTION_OF_RACEMIC;
    }

    /**
     * @param id a name as in {@link #id()} (case-insensitive)
     * @return the analyte, if there is one of that name
     */
    public static Optional<Analyte> fromId(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(s)).findFirst();
    }
}
