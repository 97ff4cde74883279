package org.ketasim.core.outcomes;

import org.apache.commons.rng.UniformRandomProvider;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.library.ModelLibrary;

/**
 * The chronic pain-relief model of a population: who responds, how strongly the slow effect-site
 * concentration relieves a responder's pain, how large a placebo response is, and how patients
 * differ. The population values are {@link Uncertain}: their point values give {@code p}, their
 * draws the uncertainty interval.
 *
 * <p>A responder's relief fraction is {@code Ce^g / (C50^g + Ce^g)} (maximum: complete relief) of
 * the pain effect-site S-ketamine concentration {@code Ce}, which follows plasma with
 * {@code dCe/dt = ke0 (Cp - Ce)}, {@code ke0 = ln 2 / t½}. Dahan 2011's equations are unknown
 * (outcomes.md section 1), so the form, {@code g}, the maximum and the placebo model are
 * assumptions ({@link OutcomeAssumptions}).
 *
 * @param c50NgPerMl       C50 (ng/mL S-ketamine) at the pain effect site
 * @param halfLifeDays     t½ of onset and offset (days)
 * @param drugResponse     the probability that a patient given S-ketamine has an analgesic effect
 * @param placeboResponse  the probability that a patient given placebo has an analgesic effect
 * @param gamma            the steepness {@code g} of the concentration-relief curve, &gt;= 0.5
 * @param placeboReliefLow a placebo responder's relief is a fraction of the baseline drawn per
 *                         patient uniformly from this value to 1, 0 &lt;= value &lt; 1
 * @param omegaC50         between-patient SD of ln C50 (0 for none), &gt;= 0
 * @param omegaHalfLife    between-patient SD of ln t½ (0 for none), &gt;= 0
 */
public record ReliefModel(Uncertain c50NgPerMl, Uncertain halfLifeDays, Uncertain drugResponse,
                          Uncertain placeboResponse, Uncertain gamma, double placeboReliefLow, double omegaC50,
                          double omegaHalfLife) {

    /**
     * C50 10.5 ng/mL S-ketamine, 95 % CI 4.37-21.2 (Dahan et al., Eur J Pain 2011;15:258,
     * doi:10.1016/j.ejpain.2010.06.016, abstract [V]); drawn as a {@link Uncertain.SplitLogNormal}
     * through the CI [U: the shape].
     */
    public static final Uncertain DAHAN_C50 = new Uncertain.SplitLogNormal(10.5, 4.37, 21.2);
    /** t½ of onset and offset 10.9 days, 95 % CI 5.3-20.5 (Dahan 2011 abstract [V]); split log-normal [U]. */
    public static final Uncertain DAHAN_HALF_LIFE = new Uncertain.SplitLogNormal(ModelLibrary.PAIN_HALF_LIFE_DAYS, 5.3,
            20.5);
    /** Chance of an analgesic effect on S-ketamine 67 %, SE 10 % (Dahan 2011 abstract [V]); logit-normal [U]. */
    public static final Uncertain DAHAN_DRUG_RESPONSE = new Uncertain.LogitNormal(0.67, 0.10);
    /** Chance of an analgesic effect on placebo 23 %, SE 9 % (Dahan 2011 abstract [V]); logit-normal [U]. */
    public static final Uncertain DAHAN_PLACEBO_RESPONSE = new Uncertain.LogitNormal(0.23, 0.09);
    /**
     * Steepness g: not readable (outcomes.md section 1); assumed [U] uniform between 1 (the plain
     * hyperbola) and 2 (a common sigmoid), with the midpoint 1.5 as point value.
     */
    public static final Uncertain ASSUMED_GAMMA = new Uncertain.Uniform(1.5, 1, 2);
    /**
     * A placebo responder's relief [U]: at least 30 % of the baseline, the smallest clinically
     * important reduction (Farrar 2001, quoted by the Dutch survey, dutch-survey.md [S]), up to
     * complete relief, uniform per patient.
     */
    public static final double ASSUMED_PLACEBO_RELIEF_LOW = 0.3;
    /** Between-patient SD of ln C50: not published; assumed 0.5 (CV about 53 %) [U]. */
    public static final double ASSUMED_OMEGA_C50 = 0.5;
    /**
     * Between-patient SD of ln t½: not published; assumed 0.5 [U], so that the duration of relief
     * differs between patients as Xu 2019's survey reports (relief lasting "1-10 days to 1-6
     * months", outcomes.md [V]).
     */
    public static final double ASSUMED_OMEGA_HALF_LIFE = 0.5;

    /** Dahan 2011 with ketasim's assumptions, as listed in {@link OutcomeAssumptions}. */
    public static final ReliefModel DAHAN_2011 = new ReliefModel(DAHAN_C50, DAHAN_HALF_LIFE, DAHAN_DRUG_RESPONSE,
            DAHAN_PLACEBO_RESPONSE, ASSUMED_GAMMA, ASSUMED_PLACEBO_RELIEF_LOW, ASSUMED_OMEGA_C50,
            ASSUMED_OMEGA_HALF_LIFE);

    /** Checks the ranges above. */
    public ReliefModel {
        if (!(placeboReliefLow >= 0 && placeboReliefLow < 1)) {
            throw new IllegalArgumentException("the lowest placebo relief must be in [0, 1), got " + placeboReliefLow);
        }
        if (!(omegaC50 >= 0) || !(omegaHalfLife >= 0) || Double.isInfinite(omegaC50)
                || Double.isInfinite(omegaHalfLife)) {
            throw new IllegalArgumentException("between-patient SDs must be >= 0, got omega C50 " + omegaC50
                    + " and omega t1/2 " + omegaHalfLife);
        }
        if (!(gamma.point() >= 0.5)) {
            throw new IllegalArgumentException("gamma must be >= 0.5, got " + gamma.point());
        }
    }

    /**
     * @param omegaC50      between-patient SD of ln C50
     * @param omegaHalfLife between-patient SD of ln t½
     * @return this model with other between-patient variability (0 and 0 for none)
     */
    public ReliefModel withVariability(double omegaC50, double omegaHalfLife) {
        return new ReliefModel(c50NgPerMl, halfLifeDays, drugResponse, placeboResponse, gamma, placeboReliefLow,
                omegaC50, omegaHalfLife);
    }

    /** @return the population values at their point values */
    public Parameters point() {
        return new Parameters(c50NgPerMl.point(), halfLifeDays.point(), drugResponse.point(), placeboResponse.point(),
                gamma.point());
    }

    /**
     * Draws one replicate's population values, in the order C50, t½, drug response, placebo
     * response, g.
     *
     * @param rng the replicate's generator
     * @return the drawn values
     */
    public Parameters draw(UniformRandomProvider rng) {
        return new Parameters(c50NgPerMl.draw(rng), halfLifeDays.draw(rng), drugResponse.draw(rng),
                placeboResponse.draw(rng), Math.max(0.5, gamma.draw(rng)));
    }

    /**
     * One replicate's population values.
     *
     * @param c50NgPerMl      typical C50 (ng/mL S-ketamine)
     * @param halfLifeDays    typical t½ of onset and offset (days)
     * @param drugResponse    probability of an analgesic effect on S-ketamine
     * @param placeboResponse probability of an analgesic effect on placebo
     * @param gamma           steepness of the concentration-relief curve
     */
    public record Parameters(double c50NgPerMl, double halfLifeDays, double drugResponse, double placeboResponse,
                             double gamma) {

        /**
         * @param cePainNgPerMl pain effect-site S-ketamine concentration (ng/mL), &gt;= 0
         * @param c50NgPerMl    this patient's C50 (ng/mL)
         * @return a responder's relief, the fraction of the baseline pain removed, 0 to 1
         */
        public double fraction(double cePainNgPerMl, double c50NgPerMl) {
            if (!(cePainNgPerMl > 0)) {
                return 0;
            }
            double x = Math.pow(c50NgPerMl / cePainNgPerMl, gamma);
            return 1 / (1 + x);
        }

        /** @return the typical ke0 (1/h) of the pain effect site, ln 2 / t½ */
        public double ke0PerH() {
            return EffectSite.rateForHalfLifeH(halfLifeDays * 24);
        }
    }
}
