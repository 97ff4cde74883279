package org.ketasim.core.units;

/**
 * The physical dimension of a quantity, with the name used in messages and the internal unit its
 * values are converted to.
 */
public enum Dimension {
    /** A dose amount; internal unit mg. */
    MASS("a mass", "mg"),
    /** A dose amount per kg of body weight; internal unit mg/kg. */
    MASS_PER_WEIGHT("a mass per body weight", "mg/kg"),
    /** A dose rate; internal unit mg/h. */
    RATE("a rate", "mg/h"),
    /** A dose rate per kg of body weight; internal unit mg/kg/h. */
    RATE_PER_WEIGHT("a rate per body weight", "mg/kg/h"),
    /** A time or duration; internal unit h. */
    TIME("a time", "h"),
    /** A volume of distribution; internal unit L. */
    VOLUME("a volume", "L"),
    /** A clearance or inter-compartmental flow; internal unit L/h. */
    FLOW("a flow (clearance)", "L/h"),
    /** A first-order rate constant; internal unit 1/h. */
    RATE_CONSTANT("a rate constant", "1/h"),
    /** A body weight; internal unit kg. */
    BODY_WEIGHT("a body weight", "kg"),
    /** A concentration; internal unit ng/mL. */
    CONCENTRATION("a concentration", "ng/mL");

    private final String description;
    private final String internalUnit;

    Dimension(String description, String internalUnit) {
        this.description = description;
        this.internalUnit = internalUnit;
    }

    /** @return the phrase used in messages, e.g. "a rate" */
    public String description() {
        return description;
    }

    /** @return the symbol of the internal unit values of this dimension are converted to */
    public String internalUnit() {
        return internalUnit;
    }
}
