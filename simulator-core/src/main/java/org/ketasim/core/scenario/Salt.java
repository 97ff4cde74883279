package org.ketasim.core.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The chemical form a scenario's doses are written in. Molar masses: ketamine base 237.73 g/mol
 * (C13H16ClNO), hydrochloride 274.19 g/mol (+ HCl 36.46), so 1 mg of the hydrochloride is 0.867 mg
 * of base, matching the labels quoted in pk-models.md (32.3 mg esketamine HCl = 28 mg esketamine,
 * Spravato; 57.7 mg S-ketamine HCl = 50 mg base, Simons 2022).
 */
public enum Salt {
    /** Doses are amounts of the free base (the default). */
    BASE(1.0),
    /** Doses are amounts of the hydrochloride salt. */
    HYDROCHLORIDE(237.73 / 274.19);

    private final double baseFraction;

    Salt(double baseFraction) {
        this.baseFraction = baseFraction;
    }

    /** @return mg of base per mg written */
    public double baseFraction() {
        return baseFraction;
    }

    /** @return the name used in scenario files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a name from a scenario file (case-insensitive)
     * @return the salt, if there is one of that name
     */
    public static Optional<Salt> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id.trim())).findFirst();
    }
}
