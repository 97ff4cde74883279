package org.ketasim.core.units;

/**
 * A value with its unit, as written in a scenario file.
 *
 * @param value the number as written (any finite value; the reader rejects NaN and infinities)
 * @param unit  the unit it was written in
 */
public record Quantity(double value, Unit unit) {

    /** @return the dimension of this quantity */
    public Dimension dimension() {
        return unit.dimension();
    }

    /** @return the value converted to the internal unit of its dimension (see {@link Dimension}) */
    public double internalValue() {
        return value * unit.toInternal();
    }

    /** @return true for a dose or rate normalised by body weight (mg/kg, mg/kg/h, ...) */
    public boolean isPerWeight() {
        Dimension d = unit.dimension();
        return d == Dimension.MASS_PER_WEIGHT || d == Dimension.RATE_PER_WEIGHT;
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
