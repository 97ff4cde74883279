package org.ketasim.core.scenario;

import java.util.Optional;

/**
 * A scenario's {@code population:} key: simulate a virtual population of its patient. Each part
 * is optional; where absent, the command's option or default applies.
 *
 * @param subjects    how many subjects (1 to 1,000,000)
 * @param seed        the master seed
 * @param weightSdKg  standard deviation of body weight (kg), 0 to 100
 * @param percentiles the band percentiles, ascending, each in (0, 100)
 * @param observationTimesH times (h) of simulated observations, ascending, each &gt;= 0
 */
public record PopulationSpec(Optional<Integer> subjects, Optional<Long> seed, Optional<Double> weightSdKg,
                             Optional<double[]> percentiles, Optional<double[]> observationTimesH) {

    /** Copies the arrays. */
    public PopulationSpec {
        percentiles = percentiles.map(double[]::clone);
        observationTimesH = observationTimesH.map(double[]::clone);
    }

    /** @return the observation times (h), if given */
    @Override
    public Optional<double[]> observationTimesH() {
        return observationTimesH.map(double[]::clone);
    }

    /** @return the band percentiles, if given */
    @Override
    public Optional<double[]> percentiles() {
        return percentiles.map(double[]::clone);
    }
}
