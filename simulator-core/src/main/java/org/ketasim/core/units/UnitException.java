package org.ketasim.core.units;

import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;

/**
 * Thrown when a quantity cannot be read: not a number, an unknown unit, or a unit of the wrong
 * dimension. The message names the text that was read and the units that would be accepted.
 */
public class UnitException extends InputException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the text read and the accepted units */
    public UnitException(String message) {
        super(Location.NOWHERE, message);
    }
}
