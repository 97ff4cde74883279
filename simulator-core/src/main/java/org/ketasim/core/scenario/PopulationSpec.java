package org.ketasim.core.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ketasim.core.units.Quantity;

/**
 * A scenario's {@code population:} key: simulate a virtual population of its patient. Each part
 * is optional; where absent, the command's option or default applies.
 *
 * @param subjects     how many subjects (1 to 1,000,000)
 * @param seed         the master seed (0 to 2^53)
 * @param weightSd     standard deviation of body weight (0 to 100 kg)
 * @param percentiles  the band percentiles, ascending, each in (0, 100); empty if not given
 * @param observations times of simulated observations, ascending, each &gt;= 0; empty if not given
 * @param baselineNrsSd between-patient standard deviation of the baseline NRS (points, 0 to 5)
 */
public record PopulationSpec(Optional<Integer> subjects, Optional<Long> seed, Optional<Quantity> weightSd,
                             List<Double> percentiles, List<Quantity> observations, Optional<Double> baselineNrsSd) {

    /** No part given. */
    public static final PopulationSpec NONE = new PopulationSpec(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), List.of(), Optional.empty());

    /** Copies the lists. */
    public PopulationSpec {
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(weightSd, "weightSd");
        Objects.requireNonNull(baselineNrsSd, "baselineNrsSd");
        percentiles = List.copyOf(percentiles);
        observations = List.copyOf(observations);
    }

    /**
     * @param n how many subjects
     * @return this spec with that many subjects
     */
    public PopulationSpec withSubjects(int n) {
        return new PopulationSpec(Optional.of(n), seed, weightSd, percentiles, observations, baselineNrsSd);
    }
}
