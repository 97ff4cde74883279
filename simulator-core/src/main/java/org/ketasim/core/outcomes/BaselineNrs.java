package org.ketasim.core.outcomes;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The patients' NRS pain score before treatment: one value for all, or a normal distribution
 * truncated to 0-10 (redrawn until inside; after 1000 misses the nearer end).
 *
 * @param mean mean NRS, 0 to 10
 * @param sd   between-patient SD, &gt;= 0 (0: every patient has the mean)
 */
public record BaselineNrs(double mean, double sd) {

    /**
     * ketasim's default baseline, NRS 7 [U]: a scenario's {@code patient.baseline_nrs} when it gives
     * none; CRPS trials enrol severe pain, and Sigtermans 2009's baseline is not in its abstract
     * (outcomes.md section 2).
     */
    public static final BaselineNrs DEFAULT = fixed(7);

    /** Checks the ranges above. */
    public BaselineNrs {
        if (!(mean >= 0 && mean <= 10)) {
            throw new IllegalArgumentException("a baseline NRS must be in 0-10, got " + mean);
        }
        if (!(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("a baseline SD must be >= 0, got " + sd);
        }
    }

    /**
     * @param nrs the baseline NRS, 0 to 10
     * @return every patient at that baseline
     */
    public static BaselineNrs fixed(double nrs) {
        return new BaselineNrs(nrs, 0);
    }

    /**
     * @param normal a standard normal sampler (used only when {@code sd > 0})
     * @return one patient's baseline
     */
    double draw(NormalizedGaussianSampler normal) {
        if (sd == 0) {
            return mean;
        }
        double x = mean;
        for (int attempt = 0; attempt < 1000; attempt++) {
            x = mean + sd * normal.sample();
            if (x >= 0 && x <= 10) {
                return x;
            }
        }
        return Math.min(10, Math.max(0, x));
    }
}
