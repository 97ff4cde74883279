package org.ketasim.core.outcomes;

/**
 * One simulated patient at the point estimates of the population parameters (replicate 0), for
 * per-subject outputs. Arrays follow the order of {@link OutcomeSettings#times()}; accessors return
 * copies.
 *
 * @param subject                  the subject's index
 * @param drugResponder            whether this patient responds to S-ketamine (Dahan's mixture)
 * @param placeboResponder         whether this patient responds to placebo (these also respond to
 *                                 S-ketamine, {@link OutcomeAssumptions})
 * @param baselineNrs              the NRS before treatment
 * @param c50NgPerMl               the patient's C50 (ng/mL)
 * @param halfLifeDays             the patient's t½ of onset and offset (days)
 * @param placeboRelief            the relief fraction of a placebo response in this patient, 0 to 1
 *                                 (applies only to a placebo responder)
 * @param cePainNgPerMl            pain effect-site S-ketamine concentration per time (ng/mL)
 * @param drugNrsReduction         NRS reduction per time on the regimen (points)
 * @param placeboNrsReduction      NRS reduction per time on placebo (points)
 * @param psychomimeticProbability the probability of psychomimetic effects during the course on
 *                                 the regimen, 0 to 1
 */
public record SubjectOutcome(int subject, boolean drugResponder, boolean placeboResponder, double baselineNrs,
                             double c50NgPerMl, double halfLifeDays, double placeboRelief, double[] cePainNgPerMl,
                             double[] drugNrsReduction, double[] placeboNrsReduction,
                             double psychomimeticProbability) {

    /** Copies the arrays. */
    public SubjectOutcome {
        cePainNgPerMl = cePainNgPerMl.clone();
        drugNrsReduction = drugNrsReduction.clone();
        placeboNrsReduction = placeboNrsReduction.clone();
    }

    @Override
    public double[] cePainNgPerMl() {
        return cePainNgPerMl.clone();
    }

    @Override
    public double[] drugNrsReduction() {
        return drugNrsReduction.clone();
    }

    @Override
    public double[] placeboNrsReduction() {
        return placeboNrsReduction.clone();
    }
}
