package org.ketasim.core.outcomes;

import java.util.List;

/**
 * The drug-high score: the fraction of the maximum on the 11-point drug-high scale (0-10, Bowdle)
 * that a typical healthy volunteer would report at an effect-site S-ketamine concentration. It is
 * a typical volunteer's score on a rating scale, not a probability and not a share of patients;
 * for the share of patients with psychomimetic effects see {@link PsychomimeticModel}.
 *
 * <p>{@code score = Ce^g / (C50^g + Ce^g)}, C50 {@value #C50_NG_PER_ML} ng/mL. The assumptions are
 * in {@link #ASSUMPTIONS}.
 */
public final class DrugHighScore {

    /** C50 of the drug high, 0.3 nmol/mL (Simons 2022 part 2 abstract [V]) = 71.32 ng/mL [D]. */
    public static final double C50_NG_PER_ML = PsychomimeticModel.SIMONS_DRUG_HIGH_C50_NG_PER_ML;
    /**
     * Steepness g = 1 [U]: not readable in Simons 2022; the psychedelic VAS rose about linearly with
     * racemic concentration from 50 to 200 ng/mL (Bowdle 1998 abstract [V]), closer to a hyperbola
     * than to a steep sigmoid below the C50.
     */
    public static final double GAMMA = 1;
    /** Points of the scale's maximum (0-10 scale) [V: 11-point scale]; reaching it is assumed [U]. */
    public static final double MAX_POINTS = 10;

    /** What this score rests on, for the model card. */
    public static final List<String> ASSUMPTIONS = List.of(
            "drug-high score: a typical healthy volunteer's fraction of the maximum on Simons' 11-point drug-high "
                    + "scale, Ce / (71.3 ng/mL + Ce) of the acute effect-site S-ketamine concentration; not a "
                    + "probability and not a share of patients",
            "drug-high score: C50 0.3 nmol/mL = 71.3 ng/mL (Simons et al., Front Pain Res 2022;3:946487, abstract "
                    + "[V]); the Hill exponent (1) and an Emax of the full scale are assumptions [U]: Simons' gamma, Emax "
                    + "and variability were not readable",
            "drug-high score: Simons' concentrations were arterial; ketasim's default model is venous, which is "
                    + "lower early after a bolus and equal at steady state [U]",
            "drug-high score: the effect site uses t1/2ke0 6.1 min, the mean over endpoints of another study "
                    + "(Olofsen 2012) [V], not Simons' own ke0 (not readable) [U]; patients (CRPS) may differ from "
                    + "healthy volunteers [U]");

    private DrugHighScore() {
    }

    /**
     * @param ceNgPerMl acute effect-site S-ketamine concentration (ng/mL)
     * @return the typical volunteer's fraction of the scale's maximum, 0 to 1
     */
    public static double fractionOfMaximum(double ceNgPerMl) {
        return ceNgPerMl > 0 ? 1 / (1 + Math.pow(C50_NG_PER_ML / ceNgPerMl, GAMMA)) : 0;
    }

    /**
     * @param ceNgPerMl acute effect-site S-ketamine concentration (ng/mL)
     * @return the typical volunteer's score, 0 to {@value #MAX_POINTS} points
     */
    public static double points(double ceNgPerMl) {
        return MAX_POINTS * fractionOfMaximum(ceNgPerMl);
    }
}
