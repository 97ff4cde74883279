package org.ketasim.core.population;

import java.util.Arrays;
import org.ketasim.core.outcomes.WindowChoice;

/**
 * How to simulate a virtual population.
 *
 * @param subjects    how many subjects, 1 to {@link #MAX_SUBJECTS}
 * @param seed        the master seed (see {@link SubjectStreams})
 * @param percentiles the band percentiles, each in (0, 100), ascending, e.g. 5, 25, 50, 75, 95
 * @param windows     the concentration windows whose shares are reported, resolved per scenario
 * @param weightSdKg  standard deviation of body weight (kg), &gt;= 0; 0 gives every subject the
 *                    scenario's weight (the same patient, only the PK varies)
 * @param threads     worker threads, &gt;= 1; outputs do not depend on it
 * @param observationTimesH times (h) of simulated observations with the model's residual error,
 *                    ascending, each &gt;= 0; empty for none
 * @param outcomeReplicates replicates of the outcome models' parameter uncertainty (see
 *                    {@code outcomes.PopulationOutcomes}), 0 for no outcomes, at most
 *                    {@link #MAX_OUTCOME_REPLICATES}
 * @param baselineNrsSd between-patient standard deviation of the baseline NRS (points), 0 to
 *                    {@link #MAX_BASELINE_NRS_SD}: the outcome models draw each patient's baseline
 *                    from a normal distribution around the scenario's, truncated to 0-10; 0 gives
 *                    every patient the scenario's baseline
 */
public record PopulationSettings(int subjects, long seed, double[] percentiles, WindowChoice windows,
                                 double weightSdKg, int threads, double[] observationTimesH, int outcomeReplicates,
                                 double baselineNrsSd) {

    /** The largest population. */
    public static final int MAX_SUBJECTS = 1_000_000;
    /** The most worker threads. */
    public static final int MAX_THREADS = 256;
    /** The largest between-patient SD of the baseline NRS (points): half the 0-10 scale. */
    public static final double MAX_BASELINE_NRS_SD = 5;
    /** The largest seed: 2^53, so that every seed is exact as a double in any output. */
    public static final long MAX_SEED = 1L << 53;

    /** The most outcome replicates. */
    public static final int MAX_OUTCOME_REPLICATES = 10_000;
    /** The default outcome replicates: 2.5 and 97.5 % points from 200 draws (see {@code OutcomeSettings}). */
    public static final int DEFAULT_OUTCOME_REPLICATES = 200;
    /**
     * The most subjects whose outcomes are simulated: the first ones of a larger population. Their
     * exposures are kept in memory (about 16 bytes per hour of course and washout each), and the
     * outcome intervals are those of a cohort of that size.
     */
    public static final int MAX_OUTCOME_SUBJECTS = 10_000;

    /** The default band percentiles. */
    public static final double[] DEFAULT_PERCENTILES = {5, 25, 50, 75, 95};

    /** Checks the ranges above and copies the arrays. */
    public PopulationSettings {
        if (subjects < 1 || subjects > MAX_SUBJECTS) {
            throw new IllegalArgumentException("the number of subjects must be 1 to " + MAX_SUBJECTS + ", got " + subjects);
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("the seed must be a whole number from 0 to 2^53, got " + seed);
        }
        percentiles = percentiles.clone();
        if (percentiles.length == 0) {
            throw new IllegalArgumentException("give at least one percentile");
        }
        for (int i = 0; i < percentiles.length; i++) {
            if (!(percentiles[i] > 0 && percentiles[i] < 100) || i > 0 && !(percentiles[i] > percentiles[i - 1])) {
                throw new IllegalArgumentException("percentiles must be ascending, each above 0 and below 100, got "
                        + Arrays.toString(percentiles));
            }
        }
        if (!(weightSdKg >= 0) || weightSdKg > 100) {
            throw new IllegalArgumentException("the weight standard deviation must be 0 to 100 kg, got " + weightSdKg);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ", got " + threads);
        }
        if (outcomeReplicates < 0 || outcomeReplicates > MAX_OUTCOME_REPLICATES) {
            throw new IllegalArgumentException("outcome replicates must be 0 to " + MAX_OUTCOME_REPLICATES + ", got "
                    + outcomeReplicates);
        }
        if (!(baselineNrsSd >= 0 && baselineNrsSd <= MAX_BASELINE_NRS_SD)) {
            throw new IllegalArgumentException("the baseline NRS standard deviation must be 0 to "
                    + MAX_BASELINE_NRS_SD + " points, got " + baselineNrsSd);
        }
        observationTimesH = observationTimesH.clone();
        for (int i = 0; i < observationTimesH.length; i++) {
            if (!(observationTimesH[i] >= 0) || Double.isInfinite(observationTimesH[i])
                    || i > 0 && !(observationTimesH[i] > observationTimesH[i - 1])) {
                throw new IllegalArgumentException("observation times must be ascending, finite and >= 0, got "
                        + Arrays.toString(observationTimesH));
            }
        }
    }

    /** @return the observation times (h) */
    @Override
    public double[] observationTimesH() {
        return observationTimesH.clone();
    }

    /**
     * @param timesH observation times (h)
     * @return these settings with simulated observations at those times
     */
    public PopulationSettings withObservations(double[] timesH) {
        return new PopulationSettings(subjects, seed, percentiles, windows, weightSdKg, threads, timesH,
                outcomeReplicates, baselineNrsSd);
    }

    /**
     * @param subjects how many subjects
     * @param seed     the master seed
     * @return settings with the default percentiles and windows, fixed weight and one thread
     */
    public static PopulationSettings of(int subjects, long seed) {
        return new PopulationSettings(subjects, seed, DEFAULT_PERCENTILES, WindowChoice.PUBLISHED, 0, 1, new double[0],
                DEFAULT_OUTCOME_REPLICATES, 0);
    }

    /**
     * @param replicates outcome replicates, 0 for no outcomes
     * @return these settings with that many
     */
    public PopulationSettings withOutcomeReplicates(int replicates) {
        return new PopulationSettings(subjects, seed, percentiles, windows, weightSdKg, threads, observationTimesH,
                replicates, baselineNrsSd);
    }

    /** @return how many subjects get outcomes: the first {@link #MAX_OUTCOME_SUBJECTS} at most, none without replicates */
    public int outcomeSubjects() {
        return outcomeReplicates == 0 ? 0 : Math.min(subjects, MAX_OUTCOME_SUBJECTS);
    }

    /**
     * @param percentile a band percentile
     * @return it as written in labels and column names: {@code 5} for 5.0, {@code 2.5} for 2.5
     */
    public static String label(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }

    /** @return the band percentiles */
    @Override
    public double[] percentiles() {
        return percentiles.clone();
    }

    /**
     * @param n worker threads
     * @return these settings with {@code n} threads
     */
    public PopulationSettings withThreads(int n) {
        return new PopulationSettings(subjects, seed, percentiles, windows, weightSdKg, n, observationTimesH,
                outcomeReplicates, baselineNrsSd);
    }

    /**
     * @return the worker threads used when none are asked for: the processors, at most
     *         {@link #MAX_THREADS}
     */
    public static int defaultThreads() {
        return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param sd between-patient SD of the baseline NRS (points)
     * @return these settings with that baseline variability
     */
    public PopulationSettings withBaselineNrsSd(double sd) {
        return new PopulationSettings(subjects, seed, percentiles, windows, weightSdKg, threads, observationTimesH,
                outcomeReplicates, sd);
    }

    /**
     * @param sdKg weight standard deviation (kg)
     * @return these settings with that weight variability
     */
    public PopulationSettings withWeightSd(double sdKg) {
        return new PopulationSettings(subjects, seed, percentiles, windows, sdKg, threads, observationTimesH,
                outcomeReplicates, baselineNrsSd);
    }

    /**
     * @param values the band percentiles
     * @return these settings with those percentiles
     */
    public PopulationSettings withPercentiles(double[] values) {
        return new PopulationSettings(subjects, seed, values, windows, weightSdKg, threads, observationTimesH,
                outcomeReplicates, baselineNrsSd);
    }

    /**
     * @param list the windows
     * @return these settings with those windows
     */
    public PopulationSettings withWindows(WindowChoice list) {
        return new PopulationSettings(subjects, seed, percentiles, list, weightSdKg, threads, observationTimesH,
                outcomeReplicates, baselineNrsSd);
    }
}
