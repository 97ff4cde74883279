package org.ketasim.core.population;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.JumpableUniformRandomProvider;
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
     * @return stream i for subject i; each to be used by one thread only
     */
    public static List<UniformRandomProvider> create(long seed, int subjects) {
        if (subjects < 0) {
            throw new IllegalArgumentException("subjects must be >= 0, got " + subjects);
        }
        JumpableUniformRandomProvider master =
                (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(seed);
        List<UniformRandomProvider> streams = new ArrayList<>(subjects);
        for (int i = 0; i < subjects; i++) {
            streams.add(master.jump());
        }
        return streams;
    }
}
