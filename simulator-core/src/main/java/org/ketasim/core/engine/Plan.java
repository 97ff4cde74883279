package org.ketasim.core.engine;

import java.util.List;
import java.util.Objects;
import org.ketasim.core.model.LinearSystem;

/**
 * A compiled simulation, what the {@link Propagator} runs: one subject's linear system, the doses
 * known in advance as a timeline, the output rows, how long to run, and the controllers that decide
 * further doses as the simulation goes (rule titration, target-controlled infusion). Immutable; a
 * plan can be run any number of times, each run getting fresh controllers.
 *
 * @param system      the subject's state-space system
 * @param timeline    the doses known in advance, compiled against {@code system}
 * @param grid        the output rows
 * @param horizonH    the end of the run (h), at or after the last row: observers that need more
 *                    than the rows (outcomes weeks after a course) see the state up to here
 * @param inputFactor the fraction of each dose that enters as the model's parent analyte, 0 to 1,
 *                    applied to controllers' doses as to the timeline's
 * @param controllers what decides doses during the run, in the order they act at equal times
 */
public record Plan(LinearSystem system, DoseTimeline timeline, OutputGrid grid, double horizonH, double inputFactor,
                   List<Controller.Factory> controllers) {

    /** Checks the values above and copies the list. */
    public Plan {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(grid, "grid");
        if (!(horizonH >= grid.endH()) || Double.isInfinite(horizonH)) {
            throw new IllegalArgumentException("the horizon " + horizonH + " h must be finite and at or after the "
                    + "last output row, " + grid.endH() + " h");
        }
        if (!(inputFactor >= 0 && inputFactor <= 1)) {
            throw new IllegalArgumentException("input factor must be between 0 and 1, got " + inputFactor);
        }
        controllers = List.copyOf(controllers);
    }

    /**
     * @param grid the output rows
     * @return this plan with those rows, and its horizon at least their end
     */
    public Plan withGrid(OutputGrid grid) {
        return new Plan(system, timeline, grid, Math.max(horizonH, grid.endH()), inputFactor, controllers);
    }

    /**
     * @param endH the end of the run (h)
     * @return this plan running until {@code max(endH, last row)}
     */
    public Plan withHorizon(double endH) {
        return new Plan(system, timeline, grid, Math.max(endH, grid.endH()), inputFactor, controllers);
    }
}
