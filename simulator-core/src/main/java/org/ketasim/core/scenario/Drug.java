package org.ketasim.core.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The substance a scenario gives. */
public enum Drug {
    /** S-ketamine (esketamine), the S-enantiomer alone. */
    ESKETAMINE,
    /** Racemic ketamine: equal parts S- and R-ketamine. */
    KETAMINE;

    /** @return the name used in scenario files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a name from a scenario file (case-insensitive)
     * @return the drug, if there is one of that name
     */
    public static Optional<Drug> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equalsIgnoreCase(id.trim())).findFirst();
    }
}
