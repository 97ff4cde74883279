package org.ketasim.core.outcomes;

import java.util.List;

/**
 * How {@link PopulationOutcomes} runs.
 *
 * @param seed          master seed
 * @param replicates    populations with drawn parameters for the uncertainty interval, &gt;= 0
 *                      (0: no interval)
 * @param threads       threads over replicates, &gt;= 1 (results do not depend on it)
 * @param baseline      the patients' baseline NRS
 * @param relief        the pain-relief model
 * @param psychomimetic the psychomimetic model
 * @param times         when relief is assessed, ascending, at least one
 */
public record OutcomeSettings(long seed, int replicates, int threads, BaselineNrs baseline, ReliefModel relief,
                              PsychomimeticModel psychomimetic, List<OutcomeTime> times) {

    /**
     * Default replicates, 200 (the brief's target size): the Monte Carlo error of a 2.5 % or 97.5 %
     * point over 200 replicates is about 0.2 of the values' SD [D: sqrt(0.025 x 0.975 / 200) /
     * phi(1.96)]; use more for publication.
     */
    public static final int DEFAULT_REPLICATES = 200;

    /** Checks the ranges above and copies the times. */
    public OutcomeSettings {
        if (replicates < 0 || replicates > 100_000) {
            throw new IllegalArgumentException("replicates must be 0 to 100,000, got " + replicates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        times = List.copyOf(times);
        if (times.isEmpty()) {
            throw new IllegalArgumentException("at least one outcome time is needed");
        }
        for (int k = 1; k < times.size(); k++) {
            if (!(times.get(k).hoursAfterEnd() > times.get(k - 1).hoursAfterEnd())) {
                throw new IllegalArgumentException("outcome times must be ascending, got '" + times.get(k - 1).label()
                        + "' then '" + times.get(k).label() + "'");
            }
        }
    }

    /**
     * @param seed the master seed
     * @return {@value #DEFAULT_REPLICATES} replicates on one thread, baseline NRS 7, Dahan 2011 and
     *         Sigtermans 2009 with ketasim's assumptions, at the end, 4 and 12 weeks
     */
    public static OutcomeSettings of(long seed) {
        return new OutcomeSettings(seed, DEFAULT_REPLICATES, 1, BaselineNrs.DEFAULT, ReliefModel.DAHAN_2011,
                PsychomimeticModel.SIGTERMANS_2009, OutcomeTime.DEFAULTS);
    }

    /** @return these settings with another number of replicates */
    public OutcomeSettings withReplicates(int value) {
        return new OutcomeSettings(seed, value, threads, baseline, relief, psychomimetic, times);
    }

    /** @return these settings with another thread count */
    public OutcomeSettings withThreads(int value) {
        return new OutcomeSettings(seed, replicates, value, baseline, relief, psychomimetic, times);
    }

    /** @return these settings with another baseline */
    public OutcomeSettings withBaseline(BaselineNrs value) {
        return new OutcomeSettings(seed, replicates, threads, value, relief, psychomimetic, times);
    }

    /** @return these settings with another relief model */
    public OutcomeSettings withRelief(ReliefModel value) {
        return new OutcomeSettings(seed, replicates, threads, baseline, value, psychomimetic, times);
    }

    /** @return these settings with another psychomimetic model */
    public OutcomeSettings withPsychomimetic(PsychomimeticModel value) {
        return new OutcomeSettings(seed, replicates, threads, baseline, relief, value, times);
    }

    /** @return these settings with other outcome times */
    public OutcomeSettings withTimes(List<OutcomeTime> value) {
        return new OutcomeSettings(seed, replicates, threads, baseline, relief, psychomimetic, value);
    }
}
