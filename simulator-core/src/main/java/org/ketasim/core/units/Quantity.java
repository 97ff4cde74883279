package org.ketasim.core.units;

/**
 * A value with its unit, as written in a scenario file.
 *
 * @param value the number as written (any finite value; the reader rejects NaN and infinities)
 * @param unit  the unit it was written in
 */
public record Quantity(double value, Unit unit) {

    /**
     * @param value  the number
     * @param symbol the unit's symbol, e.g. {@code mg/h}
     * @return the quantity
     * @throws UnitException for an unknown unit
     */
    public static Quantity of(double value, String symbol) {
        return new Quantity(value, Quantities.unit(symbol));
    }

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

    /**
     * @return the number in full precision (whole numbers without a decimal point) and the unit's
     *         symbol, e.g. {@code 5 mg/h} or {@code 0.6666666666666666 h}: reading it back gives
     *         an equal quantity
     */
    @Override
    public String toString() {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        return number + " " + unit.symbol();
    }
}
