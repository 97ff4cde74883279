package org.ketasim.core.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource({
        "5 mg, 5, MASS", "250 ug, 0.25, MASS", "250 µg, 0.25, MASS", "250 mcg, 0.25, MASS", "1.5 g, 1500, MASS",
        "0.5 mg/kg, 0.5, MASS_PER_WEIGHT", "500 ug/kg, 0.5, MASS_PER_WEIGHT",
        "5 mg/h, 5, RATE", "1 mg/min, 60, RATE", "48 mg/d, 2, RATE", "100 ug/min, 6, RATE", "500 ug/h, 0.5, RATE",
        "0.35 mg/kg/h, 0.35, RATE_PER_WEIGHT", "0.01 mg/kg/min, 0.6, RATE_PER_WEIGHT",
        "2.4 mg/kg/d, 0.1, RATE_PER_WEIGHT", "1.2 ug/kg/min, 0.072, RATE_PER_WEIGHT",
        "100 ug/kg/h, 0.1, RATE_PER_WEIGHT",
        "90 s, 0.025, TIME", "40 min, 0.6666666666666666, TIME", "12 h, 12, TIME", "4 d, 96, TIME", "2 wk, 336, TIME",
        "1 month, 730.5, TIME",
        "133 L, 133, VOLUME", "500 mL, 0.5, VOLUME",
        "95.2 L/h, 95.2, FLOW", "1 L/min, 60, FLOW", "1000 mL/min, 60, FLOW",
        "0.97 1/h, 0.97, RATE_CONSTANT", "0.114 1/min, 6.84, RATE_CONSTANT",
        "70 kg, 70, BODY_WEIGHT",
        "100 ng/mL, 100, CONCENTRATION", "100 ug/L, 100, CONCENTRATION", "0.1 mg/L, 100, CONCENTRATION",
        "1e-3 g, 1, MASS", "-2 h, -2, TIME", "  7   mg  , 7, MASS", "5 MG/H, 5, RATE", "5 ml, 0.005, VOLUME",
        "1 ug/mL, 1000, CONCENTRATION", "1 µg/mL, 1000, CONCENTRATION",
    })
    void convertsEveryUnitOfTheFormatPageToInternalUnits(String text, double internal, Dimension dimension) {
        Quantity q = Quantities.parse(text, dimension);
        assertEquals(internal, q.internalValue(), 1e-12 * Math.abs(internal));
        assertEquals(dimension, q.dimension());
    }

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource({
        "6 hours, 6, TIME", "1 hour, 1, TIME", "2 hrs, 2, TIME", "30 mins, 0.5, TIME", "90 seconds, 0.025, TIME",
        "2 days, 48, TIME", "1 week, 168, TIME", "2 months, 1461, TIME", "6 Hours, 6, TIME",
        "5 mg/hour, 5, RATE", "5 mg/hr, 5, RATE", "1 mg/minute, 60, RATE", "48 mg/day, 2, RATE",
        "100 mcg/min, 6, RATE", "1.2 µg/kg/min, 0.072, RATE_PER_WEIGHT", "1.2 μg/kg/min, 0.072, RATE_PER_WEIGHT",
        "1.2 mcg/kg/minute, 0.072, RATE_PER_WEIGHT", "0.35 mg/kg/hour, 0.35, RATE_PER_WEIGHT",
        "250 mcg, 0.25, MASS", "500 mcg/kg, 0.5, MASS_PER_WEIGHT", "95.2 L/hour, 95.2, FLOW",
        "0.114 1/minute, 6.84, RATE_CONSTANT",
    })
    void commonSpellingsOfTheUnitsAreReadAsTheirSymbols(String text, double internal, Dimension dimension) {
        convertsEveryUnitOfTheFormatPageToInternalUnits(text, internal, dimension);
    }

    @Test
    void unknownUnitListsTheAcceptedUnitsAndTheClosestOne() {
        UnitException e = assertThrows(UnitException.class, () -> Quantities.parse("5 mg/hx", Dimension.RATE));
        assertTrue(e.getMessage().contains("unknown unit 'mg/hx'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'mg/h'"), e.getMessage());
        assertTrue(e.getMessage().contains("mg/h, mg/min, mg/d, ug/min, ug/h"), e.getMessage());
    }

    @Test
    void wrongDimensionNamesWhatWasGivenAndWhatIsExpected() {
        UnitException e = assertThrows(UnitException.class,
                () -> Quantities.parse("20 mg", Dimension.RATE, Dimension.RATE_PER_WEIGHT));
        assertTrue(e.getMessage().contains("'20 mg' is a mass"), e.getMessage());
        assertTrue(e.getMessage().contains("a rate or a rate per body weight is expected"), e.getMessage());
    }

    /**
     * A pump's volume or volume rate where a dose is expected (pumps are set in mL/h) says how to turn
     * it into one, instead of suggesting mg/h for ml/h; where a volume is expected it does not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"5 ml/h;RATE", "5 mL/hour;RATE", "2 mL/min;RATE_PER_WEIGHT", "5 mL;MASS",
        "0.5 L;MASS_PER_WEIGHT"})
    void aPumpsVolumeWhereADoseIsExpectedSaysToMultiplyByTheStrength(String text, Dimension expected) {
        UnitException e = assertThrows(UnitException.class, () -> Quantities.parse(text, expected));
        assertTrue(e.getMessage().contains("is not a dose: multiply it by the solution's strength (5 mL/h of a "
                + "10 mg/mL solution is 50 mg/h)"), e.getMessage());
        assertTrue(!e.getMessage().contains("did you mean"), e.getMessage());
        assertEquals(5, Quantities.parse("5 mL", Dimension.VOLUME).value(), 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "NaN mg/h; is not a quantity", "Infinity mg; is not a quantity", "1e999 mg; not a finite number",
        "20mg/h; needs a space between the number and the unit: '20 mg/h'", "8; has no unit", "mg; is not a quantity",
        "'' ; is not a quantity", "5 mg mg; unknown unit"})
    void rejectsWhatIsNotAFiniteNumberWithAUnit(String text, String expected) {
        UnitException e = assertThrows(UnitException.class, () -> Quantities.parse(text == null ? "" : text,
                Dimension.MASS, Dimension.RATE, Dimension.TIME));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
