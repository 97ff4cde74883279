package org.ketasim.core.scenario;

import java.util.Objects;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;

/**
 * The output grid: rows at {@code 0, step, 2 step, ...} and at {@code duration} itself.
 *
 * @param duration the simulated time (a time quantity, &gt; 0)
 * @param step     the output step (a time quantity, &gt; 0)
 */
public record SimulationSpec(Quantity duration, Quantity step) {

    /** Checks that nothing is null. */
    public SimulationSpec {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(step, "step");
    }

    /**
     * @param duration e.g. {@code "6 d"}
     * @param step     e.g. {@code "5 min"}
     * @return the grid
     */
    public static SimulationSpec of(String duration, String step) {
        return new SimulationSpec(Quantities.parse(duration, Dimension.TIME), Quantities.parse(step, Dimension.TIME));
    }

    /** @return the duration (h) */
    public double durationH() {
        return duration.internalValue();
    }

    /** @return the step (h) */
    public double stepH() {
        return step.internalValue();
    }
}
