package org.ketasim.core.sweep;

import java.util.List;
import java.util.Optional;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.Subject;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.simulation.PatientMetrics;

/**
 * One simulated grid point of a sweep.
 *
 * @param index      the point's index in the grid
 * @param values     its value on each axis, in axis order
 * @param typical    the typical patient's summary and curve metrics, empty if the point could not be
 *                   simulated
 * @param population the point's virtual population, when the sweep has a {@code subjects} axis
 * @param subjects   the population's subjects, when they are kept for per-subject rows
 * @param problem    why the point could not be simulated, empty when it was
 * @param warnings   the point's scenario warnings (implausible doses, ...)
 */
public record SweepPoint(long index, List<String> values, Optional<PatientMetrics> typical,
                         Optional<PopulationResult> population, List<Subject> subjects, String problem,
                         List<Warning> warnings) {

    /** Copies the lists. */
    public SweepPoint {
        values = List.copyOf(values);
        subjects = List.copyOf(subjects);
        warnings = List.copyOf(warnings);
    }
}
