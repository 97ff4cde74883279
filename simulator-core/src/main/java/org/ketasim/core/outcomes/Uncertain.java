package org.ketasim.core.outcomes;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A population parameter known only within its published (or assumed) uncertainty: a point value,
 * used for the {@code p} of an outcome, and a distribution drawn once per replicate for the
 * uncertainty interval. Implementations are immutable; {@link #draw} uses only the generator it is
 * given.
 */
public sealed interface Uncertain permits Uncertain.SplitLogNormal, Uncertain.LogitNormal, Uncertain.LogUniform,
        Uncertain.Uniform, Uncertain.BetaShare {

    /** @return the point value */
    double point();

    /**
     * @param rng the replicate's generator
     * @return one draw
     */
    double draw(UniformRandomProvider rng);

    /** @return the distribution in words, for the model card */
    String describe();

    /**
     * A log-normal whose two halves have their own spread, so that the median is the point estimate
     * and the 2.5 % and 97.5 % points are the published 95 % confidence limits, also when the
     * interval is not symmetric on the log scale (Dahan 2011's C50 and t&frac12; are not).
     *
     * @param point the published estimate, also the median, &gt; 0
     * @param lo95  the lower 95 % limit, 0 &lt; lo &lt; point
     * @param hi95  the upper 95 % limit, &gt; point
     */
    record SplitLogNormal(double point, double lo95, double hi95) implements Uncertain {
        /** The 97.5 % point of the standard normal. */
        static final double Z975 = 1.959963984540054;

        /** Checks the ranges above. */
        public SplitLogNormal {
            if (!(lo95 > 0) || !(point > lo95) || !(hi95 > point) || Double.isInfinite(hi95)) {
                throw new IllegalArgumentException("a split log-normal needs 0 < lo < point < hi, got " + lo95 + " < "
                        + point + " < " + hi95);
            }
        }

        @Override
        public double draw(UniformRandomProvider rng) {
            double z = ZigguratSampler.NormalizedGaussian.of(rng).sample();
            double sigma = z < 0 ? Math.log(point / lo95) / Z975 : Math.log(hi95 / point) / Z975;
            return point * Math.exp(sigma * z);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "split log-normal, median %s, 95 %% limits %s and %s", point, lo95, hi95);
        }
    }

    /**
     * A probability drawn on the logit scale: {@code logit(p) ~ N(logit(point), se / (point (1 - point)))},
     * the delta-method standard error of a published probability and its SE; stays inside (0, 1).
     *
     * @param point the published probability, 0 &lt; point &lt; 1
     * @param se    its published standard error, &gt; 0
     */
    record LogitNormal(double point, double se) implements Uncertain {
        /** Checks the ranges above. */
        public LogitNormal {
            if (!(point > 0 && point < 1) || !(se > 0) || Double.isInfinite(se)) {
                throw new IllegalArgumentException("a logit-normal needs 0 < point < 1 and se > 0, got " + point
                        + " and " + se);
            }
        }

        @Override
        public double draw(UniformRandomProvider rng) {
            double sdLogit = se / (point * (1 - point));
            double logit = Math.log(point / (1 - point)) + sdLogit * ZigguratSampler.NormalizedGaussian.of(rng).sample();
            return 1 / (1 + Math.exp(-logit));
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "logit-normal, %s with SE %s (delta method on the logit scale)", point, se);
        }
    }

    /**
     * Uniform on the log scale between two values, with a point value inside.
     *
     * @param point the point value, lo &lt;= point &lt;= hi
     * @param lo    the lowest value, &gt; 0
     * @param hi    the highest value, &gt; lo
     */
    record LogUniform(double point, double lo, double hi) implements Uncertain {
        /** Checks the ranges above. */
        public LogUniform {
            if (!(lo > 0) || !(hi > lo) || Double.isInfinite(hi) || !(point >= lo && point <= hi)) {
                throw new IllegalArgumentException("a log-uniform needs 0 < lo <= point <= hi, lo < hi, got " + lo
                        + " <= " + point + " <= " + hi);
            }
        }

        @Override
        public double draw(UniformRandomProvider rng) {
            return lo * Math.exp(rng.nextDouble() * Math.log(hi / lo));
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "log-uniform from %s to %s, point value %s", lo, hi, point);
        }
    }

    /**
     * Uniform between two values, with a point value inside.
     *
     * @param point the point value, lo &lt;= point &lt;= hi
     * @param lo    the lowest value
     * @param hi    the highest value, &gt; lo
     */
    record Uniform(double point, double lo, double hi) implements Uncertain {
        /** Checks the ranges above. */
        public Uniform {
            if (!(hi > lo) || Double.isInfinite(hi) || Double.isInfinite(lo) || !(point >= lo && point <= hi)) {
                throw new IllegalArgumentException("a uniform needs lo <= point <= hi, lo < hi, got " + lo + " <= "
                        + point + " <= " + hi);
            }
        }

        @Override
        public double draw(UniformRandomProvider rng) {
            return lo + rng.nextDouble() * (hi - lo);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "uniform from %s to %s, point value %s", lo, hi, point);
        }
    }

    /**
     * The uncertainty of a share observed in a trial: the Jeffreys posterior
     * {@code Beta(x + 1/2, n - x + 1/2)} of {@code x = share * n} events in {@code n} patients.
     *
     * @param point the observed share, 0 &lt; point &lt; 1
     * @param n     the number of patients, &gt; 0
     */
    record BetaShare(double point, int n) implements Uncertain {
        /** Checks the ranges above. */
        public BetaShare {
            if (!(point > 0 && point < 1) || n < 1) {
                throw new IllegalArgumentException("an observed share needs 0 < share < 1 and n >= 1, got " + point
                        + " of " + n);
            }
        }

        @Override
        public double draw(UniformRandomProvider rng) {
            double x = point * n;
            return ChengBetaSampler.of(rng, x + 0.5, n - x + 0.5).sample();
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "Beta(%.1f, %.1f), the Jeffreys posterior of %s of %d patients",
                    point * n + 0.5, n - point * n + 0.5, point, n);
        }
    }
}
