package org.ketasim.core.outcomes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The share of patients with psychomimetic side effects during a course, from each patient's peak
 * acute effect-site S-ketamine concentration, calibrated to Sigtermans 2009.
 *
 * <p>A patient given S-ketamine has a drug-induced psychomimetic effect with probability
 * {@code q(C) = 1 / (1 + (C_thr / C)^g)} of his peak acute effect-site concentration {@code C}: the
 * patients' thresholds are log-logistic with median {@code C_thr} and spread {@code 1/g}. Any
 * patient, on drug or placebo, reports such effects for other reasons with probability {@code b}
 * (the placebo arm's share), independently, so a patient on drug has
 * {@code 1 - (1 - b)(1 - q(C))}.
 *
 * <p>Calibration, per replicate:
 * <ol>
 *   <li>{@code C_thr}, the concentration scale, comes from the acute C50s: drug high, 0.3 nmol/mL
 *       (Simons 2022), and external perception, 0.51 nmol/mL (95 % CI 0.38-0.66; Olofsen 2022);
 *       drawn log-uniformly from the lower (71.3 ng/mL) to the upper end (156.9 ng/mL), point value
 *       121.2 ng/mL (Olofsen's estimate, the psychedelic endpoint).</li>
 *   <li>Sigtermans 2009's shares, 76 % on S-ketamine and 18 % on placebo of about 30 patients each,
 *       are drawn from their binomial uncertainty ({@link Uncertain.BetaShare}); {@code b} is the
 *       placebo share, and the drug-induced share is {@code (76 % - 18 %) / (1 - 18 %)}.</li>
 *   <li>{@code g} is solved (Brent) so that the Sigtermans ketamine arm, represented by peaks
 *       log-normal around {@value #SIGTERMANS_MEDIAN_PEAK_NG_PER_ML} ng/mL with log-SD
 *       {@link #SIGTERMANS_PEAK_LOG_SD}, has that drug-induced share (expectation by 32-point
 *       Gauss-Hermite quadrature). Where no {@code g} in [{@value #GAMMA_MIN}, {@value #GAMMA_MAX}]
 *       reaches it, the nearer bound is used.</li>
 * </ol>
 *
 * @param threshold              {@code C_thr} (ng/mL S-ketamine, acute effect site)
 * @param drugShare              the observed share on S-ketamine in the calibration trial
 * @param placeboShare           the observed share on placebo in the calibration trial
 * @param referenceMedianNgPerMl the median peak acute effect-site S-ketamine concentration of the
 *                               calibration trial's drug arm (ng/mL), &gt; 0
 * @param referenceLogSd         the between-patient SD of the log of those peaks
 */
public record PsychomimeticModel(Uncertain threshold, Uncertain drugShare, Uncertain placeboShare,
                                 double referenceMedianNgPerMl, Uncertain referenceLogSd) {

    /** S-ketamine molar mass (g/mol), C13H16ClNO; 1 nmol/mL = 237.73 ng/mL (outcomes.md uses 237.7) [D]. */
    public static final double MOLAR_MASS = 237.73;
    /**
     * Drug-high C50 0.3 nmol/mL = 71.32 ng/mL S-ketamine, healthy volunteers, arterial (Simons et
     * al., Front Pain Res 2022;3:946487, abstract [V]; ng/mL [D]). No CI was readable.
     */
    public static final double SIMONS_DRUG_HIGH_C50_NG_PER_ML = 0.3 * MOLAR_MASS;
    /**
     * External perception (psychedelic) C50 0.51 nmol/mL, 95 % CI 0.38-0.66, common with
     * antinociception, t½ke0 8.3 min (Olofsen et al., Anesthesiology 2022;136:792, abstract [V]):
     * 121.2 (90.3-156.9) ng/mL [D].
     */
    public static final double OLOFSEN_EXTERNAL_PERCEPTION_C50_NG_PER_ML = 0.51 * MOLAR_MASS;
    /** The upper 95 % limit of Olofsen's C50, 0.66 nmol/mL = 156.9 ng/mL [V, D]. */
    public static final double OLOFSEN_UPPER_NG_PER_ML = 0.66 * MOLAR_MASS;
    /** {@code C_thr}: log-uniform from Simons' drug-high C50 to Olofsen's upper limit, point Olofsen [U]. */
    public static final Uncertain ACUTE_THRESHOLD = new Uncertain.LogUniform(OLOFSEN_EXTERNAL_PERCEPTION_C50_NG_PER_ML,
            SIMONS_DRUG_HIGH_C50_NG_PER_ML, OLOFSEN_UPPER_NG_PER_ML);
    /**
     * Psychomimetic side effects during the 4.2-day infusion, S-ketamine arm: 76 % (Sigtermans et
     * al., Pain 2009;145:304, abstract [V]); 30 patients per arm [V]; Jeffreys Beta [U].
     */
    public static final Uncertain SIGTERMANS_DRUG = new Uncertain.BetaShare(0.76, 30);
    /** The same, placebo arm: 18 % (Sigtermans 2009 abstract [V]). */
    public static final Uncertain SIGTERMANS_PLACEBO = new Uncertain.BetaShare(0.18, 30);
    /**
     * Median peak of the Sigtermans ketamine arm (ng/mL) [D]: the steady state at the reported end
     * rate 22.2 mg/h per 70 kg (Sigtermans 2009 abstract [V]) with fanta-otto's clearance 95.2 L/h
     * at 70 kg, 22.2 / 95.2 L/h = 233.2 ng/mL; the catalogue regimen's simulated peak is within 1 %
     * ({@code PsychomimeticModelTest}). Peak taken as the end rate's steady state [U]: rates were
     * also lowered for side effects, which this ignores.
     */
    public static final double SIGTERMANS_MEDIAN_PEAK_NG_PER_ML = 22.2 / 95.2 * 1000;
    /**
     * Between-patient log-SD of those peaks [D, U]: the end rate's "± 2.0 mg/h" read as an SEM
     * (as the abstract's NRS values must be), SD 2.0 × √30 = 11 mg/h, CV 0.49, combined with
     * fanta-otto's CL variance 0.026: 0.49 (point value); read as an SD (CV 0.09): 0.18. Drawn
     * uniformly between the two readings.
     */
    public static final Uncertain SIGTERMANS_PEAK_LOG_SD = new Uncertain.Uniform(0.49, 0.18, 0.49);
    /**
     * The flattest curve allowed [U]: g = 0.5, thresholds spread over a factor of about 50 between
     * the 10th and 90th percentile patient.
     */
    public static final double GAMMA_MIN = 0.5;
    /** The steepest curve allowed [U]. */
    public static final double GAMMA_MAX = 10;

    /** Sigtermans-calibrated, with the acute C50s as the concentration scale. */
    public static final PsychomimeticModel SIGTERMANS_2009 = new PsychomimeticModel(ACUTE_THRESHOLD, SIGTERMANS_DRUG,
            SIGTERMANS_PLACEBO, SIGTERMANS_MEDIAN_PEAK_NG_PER_ML, SIGTERMANS_PEAK_LOG_SD);

    /**
     * Calibrations made, by what they were made from. A calibration is a function of these numbers
     * alone, and replicate r of every population with one seed draws the same ones (every regimen of
     * {@code compare}, a page's repeated populations in {@code serve}), so each is solved
     * once: about 2 % of {@code compare scenarios/}. Emptied when it holds {@value #CALIBRATIONS_KEPT}.
     */
    private static final Map<Calibration, Parameters> CALIBRATED = new ConcurrentHashMap<>();
    private static final int CALIBRATIONS_KEPT = 10_000;

    /** What a calibration is made from. */
    private record Calibration(double referenceMedianNgPerMl, double thresholdNgPerMl, double drug, double placebo,
                               double logSd) {
    }

    /** Checks the reference median. */
    public PsychomimeticModel {
        if (!(referenceMedianNgPerMl > 0) || Double.isInfinite(referenceMedianNgPerMl)) {
            throw new IllegalArgumentException("the reference median peak must be positive, got "
                    + referenceMedianNgPerMl + " ng/mL");
        }
    }

    /** @return the model at its point values, calibrated */
    public Parameters point() {
        return calibrated(threshold.point(), drugShare.point(), placeboShare.point(), referenceLogSd.point());
    }

    /**
     * Draws, in this order, {@code C_thr}, the two observed shares and the reference log-SD, and
     * calibrates {@code g}.
     *
     * @param rng the replicate's generator
     * @return the calibrated parameters
     */
    public Parameters draw(UniformRandomProvider rng) {
        double thr = threshold.draw(rng);
        double drug = drugShare.draw(rng);
        double placebo = placeboShare.draw(rng);
        return calibrated(thr, drug, placebo, referenceLogSd.draw(rng));
    }

    private Parameters calibrated(double thresholdNgPerMl, double drug, double placebo, double logSd) {
        Calibration key = new Calibration(referenceMedianNgPerMl, thresholdNgPerMl, drug, placebo, logSd);
        Parameters known = CALIBRATED.get(key);
        if (known != null) {
            return known;
        }
        Parameters solved = solve(thresholdNgPerMl, drug, placebo, logSd);
        if (CALIBRATED.size() >= CALIBRATIONS_KEPT) {
            CALIBRATED.clear();
        }
        CALIBRATED.put(key, solved);
        return solved;
    }

    /** Solves the calibration: {@code g} from the shares, or {@code C_thr} where no {@code g} in range reaches them. */
    private Parameters solve(double thresholdNgPerMl, double drug, double placebo, double logSd) {
        double target = Math.min(1 - 1e-9, Math.max(1e-9, (drug - placebo) / (1 - placebo)));
        double mu = Math.log(referenceMedianNgPerMl / thresholdNgPerMl);
        double atMin = referenceShare(GAMMA_MIN, mu, logSd);
        double atMax = referenceShare(GAMMA_MAX, mu, logSd);
        BrentSolver brent = new BrentSolver(1e-12);
        if (target > Math.min(atMin, atMax) && target < Math.max(atMin, atMax)) {
            double gamma = brent.solve(200, g -> referenceShare(g, mu, logSd) - target, GAMMA_MIN, GAMMA_MAX);
            return new Parameters(thresholdNgPerMl, gamma, placebo);
        }
        double gamma = (target <= Math.min(atMin, atMax)) == (atMin <= atMax) ? GAMMA_MIN : GAMMA_MAX;
        double moved = brent.solve(200, m -> referenceShare(gamma, m, logSd) - target, -40, 40);
        return new Parameters(referenceMedianNgPerMl * Math.exp(-moved), gamma, placebo);
    }

    /**
     * {@code E[q]} over log-normal peaks, {@code ln C = ln C_ref + s Z}: by Gauss-Hermite,
     * {@code E f(Z) = π^{-1/2} Σ w_k f(√2 x_k)}.
     *
     * @param gamma the steepness
     * @param mu    {@code ln(C_ref / C_thr)}
     * @param logSd {@code s}
     * @return the drug-induced share of the reference cohort
     */
    static double referenceShare(double gamma, double mu, double logSd) {
        double sum = 0;
        for (int k = 0; k < GaussHermite.POINTS; k++) {
            double y = mu + logSd * Math.sqrt(2) * GaussHermite.node(k);
            sum += GaussHermite.weight(k) / (1 + Math.exp(-gamma * y));
        }
        return sum / Math.sqrt(Math.PI);
    }

    /**
     * One replicate's calibrated psychomimetic model.
     *
     * @param thresholdNgPerMl {@code C_thr} (ng/mL)
     * @param gamma            {@code g}
     * @param background       {@code b}, the share with such effects for other reasons (placebo arm)
     */
    public record Parameters(double thresholdNgPerMl, double gamma, double background) {

        /**
         * @param peakAcuteCeNgPerMl the patient's peak acute effect-site S-ketamine concentration (ng/mL)
         * @return the probability that a patient given S-ketamine has psychomimetic effects, 0 to 1
         */
        public double onDrug(double peakAcuteCeNgPerMl) {
            double q = peakAcuteCeNgPerMl > 0 ? 1 / (1 + Math.pow(thresholdNgPerMl / peakAcuteCeNgPerMl, gamma)) : 0;
            return 1 - (1 - background) * (1 - q);
        }
    }
}
