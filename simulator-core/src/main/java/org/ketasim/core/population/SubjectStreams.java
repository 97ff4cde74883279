package org.ketasim.core.population;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams, one per subject: a jumpable generator (xoshiro256++, Commons RNG)
 * seeded with the master seed; subject i's stream is the generator's state after i jumps of
 * 2^128 outputs, so no two subjects' draws overlap. The streams are created in subject order
 * before any work is spread over threads, so a subject's draws never depend on the thread count.
 */
public final class SubjectStreams {

    private SubjectStreams() {
    }

    /**
     * @param seed     the master seed
     * @param subjects how many streams, &gt;= 0
     * @return the start of every subject's stream, to draw a subject again from its start
     */
    public static Starts starts(long seed, int subjects) {
        if (subjects < 0) {
            throw new IllegalArgumentException("subjects must be >= 0, got " + subjects);
        }
        JumpableUniformRandomProvider master =
                (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(seed);
        List<RandomProviderState> states = new ArrayList<>(subjects);
        for (int i = 0; i < subjects; i++) {
            states.add(((RestorableUniformRandomProvider) master.jump()).saveState());
        }
        return new Starts(states);
    }

    /** The saved start of every subject's stream. Thread-safe: never changed once made. */
    public static final class Starts {
        private final List<RandomProviderState> states;

        /** @param states the saved starts, in subject order; kept, not copied (only {@link #starts} makes one) */
        private Starts(List<RandomProviderState> states) {
            this.states = states;
        }

        /**
         * @param subject the subject's index
         * @return a new generator at the start of that subject's stream; each call gives the same
         *         draws
         */
        public UniformRandomProvider stream(int subject) {
            // the seed is overwritten by the saved state; a fixed one spares the seed factory
            RestorableUniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(0L);
            rng.restoreState(states.get(subject));
            return rng;
        }
    }
}
