package org.ketasim.core.units;

import java.util.List;

/**
 * The units ketasim accepts, each with its dimension and its factor to the internal unit of that
 * dimension (see the package documentation).
 *
 * <p>These are the units of the scenario format page. The first symbol of each unit is its
 * canonical spelling; the others are other names of the same unit ({@code mcg} for {@code ug},
 * {@code ug/L} for {@code ng/mL}, {@code ug/mL} for {@code mg/L}). {@link Quantities} also reads
 * each part of a symbol spelled out ({@code mg/hour}, {@code 6 hours}, {@code mcg/kg/minute}),
 * case-insensitively, with {@code µ}/{@code μ} as {@code u}.
 */
public enum Unit {
    /** Milligram. */
    MG(Dimension.MASS, 1.0, "mg"),
    /** Microgram. */
    UG(Dimension.MASS, 1e-3, "ug"),
    /** Gram. */
    G(Dimension.MASS, 1e3, "g"),

    /** Milligram per kg of body weight. */
    MG_PER_KG(Dimension.MASS_PER_WEIGHT, 1.0, "mg/kg"),
    /** Microgram per kg of body weight. */
    UG_PER_KG(Dimension.MASS_PER_WEIGHT, 1e-3, "ug/kg"),

    /** Milligram per hour. */
    MG_PER_H(Dimension.RATE, 1.0, "mg/h"),
    /** Milligram per minute. */
    MG_PER_MIN(Dimension.RATE, 60.0, "mg/min"),
    /** Milligram per day. */
    MG_PER_D(Dimension.RATE, 1.0 / 24.0, "mg/d"),
    /** Microgram per minute. */
    UG_PER_MIN(Dimension.RATE, 60e-3, "ug/min"),
    /** Microgram per hour. */
    UG_PER_H(Dimension.RATE, 1e-3, "ug/h"),

    /** Milligram per kg per hour. */
    MG_PER_KG_PER_H(Dimension.RATE_PER_WEIGHT, 1.0, "mg/kg/h"),
    /** Milligram per kg per minute. */
    MG_PER_KG_PER_MIN(Dimension.RATE_PER_WEIGHT, 60.0, "mg/kg/min"),
    /** Milligram per kg per day. */
    MG_PER_KG_PER_D(Dimension.RATE_PER_WEIGHT, 1.0 / 24.0, "mg/kg/d"),
    /** Microgram per kg per minute. */
    UG_PER_KG_PER_MIN(Dimension.RATE_PER_WEIGHT, 60e-3, "ug/kg/min"),
    /** Microgram per kg per hour. */
    UG_PER_KG_PER_H(Dimension.RATE_PER_WEIGHT, 1e-3, "ug/kg/h"),

    /** Second. */
    S(Dimension.TIME, 1.0 / 3600.0, "s"),
    /** Minute. */
    MIN(Dimension.TIME, 1.0 / 60.0, "min"),
    /** Hour. */
    H(Dimension.TIME, 1.0, "h"),
    /** Day (24 h). */
    D(Dimension.TIME, 24.0, "d"),
    /** Week (7 d). */
    WK(Dimension.TIME, 168.0, "wk"),
    /** Month, defined as 30.4375 d (a Julian year over 12), as on the format page. */
    MONTH(Dimension.TIME, 30.4375 * 24.0, "month"),

    /** Litre. */
    L(Dimension.VOLUME, 1.0, "L"),
    /** Millilitre. */
    ML(Dimension.VOLUME, 1e-3, "mL"),

    /** Litre per hour. */
    L_PER_H(Dimension.FLOW, 1.0, "L/h"),
    /** Litre per minute. */
    L_PER_MIN(Dimension.FLOW, 60.0, "L/min"),
    /** Millilitre per minute. */
    ML_PER_MIN(Dimension.FLOW, 60e-3, "mL/min"),

    /** Per hour. */
    PER_H(Dimension.RATE_CONSTANT, 1.0, "1/h"),
    /** Per minute. */
    PER_MIN(Dimension.RATE_CONSTANT, 60.0, "1/min"),

    /** Kilogram of body weight. */
    KG(Dimension.BODY_WEIGHT, 1.0, "kg"),

    /** Nanogram per millilitre (= microgram per litre). */
    NG_PER_ML(Dimension.CONCENTRATION, 1.0, "ng/mL", "ug/L"),
    /** Milligram per litre (= microgram per millilitre). */
    MG_PER_L(Dimension.CONCENTRATION, 1e3, "mg/L", "ug/mL");

    private final Dimension dimension;
    private final double toInternal;
    private final List<String> symbols;

    Unit(Dimension dimension, double toInternal, String... symbols) {
        this.dimension = dimension;
        this.toInternal = toInternal;
        this.symbols = List.of(symbols);
    }

    /** @return the dimension this unit measures */
    public Dimension dimension() {
        return dimension;
    }

    /** @return the factor that converts a value in this unit to the dimension's internal unit */
    public double toInternal() {
        return toInternal;
    }

    /** @return the canonical symbol, e.g. {@code mg/kg/h} */
    public String symbol() {
        return symbols.get(0);
    }

    /** @return every accepted spelling, canonical first */
    public List<String> symbols() {
        return symbols;
    }
}
