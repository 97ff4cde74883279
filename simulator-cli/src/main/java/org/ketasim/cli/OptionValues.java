package org.ketasim.cli;

import java.util.List;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;
import org.ketasim.core.units.UnitException;

/**
 * Reads the values of command-line options that are quantities ({@code --weight 70 kg},
 * {@code --duration 6 h}); a problem is an {@link InputException} naming the option, so it exits 2
 * with a message like a bad scenario value.
 */
final class OptionValues {

    private OptionValues() {
    }

    /**
     * @param option   the option's name, e.g. {@code --weight}
     * @param words    the value as given (picocli may split "70 kg" into two words)
     * @param bareUnit the unit a bare number is taken in ({@code kg} for a weight), or null for none
     * @param expected the dimensions accepted
     * @return the quantity
     * @throws InputException if the value is not a quantity of an expected dimension
     */
    static Quantity quantity(String option, List<String> words, String bareUnit, Dimension... expected) {
        String text = String.join(" ", words).trim();
        if (bareUnit != null && text.matches("[0-9.]+")) {
            text = text + " " + bareUnit;
        }
        try {
            return Quantities.parse(text, expected);
        } catch (UnitException e) {
            throw problem(option, e.problem());
        }
    }

    /**
     * @param option  the option's name
     * @param problem what is wrong, naming the value
     * @return the exception to throw
     */
    static InputException problem(String option, String problem) {
        return new InputException(new Location(option, 0, ""), problem);
    }
}
