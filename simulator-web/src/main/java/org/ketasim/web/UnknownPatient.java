package org.ketasim.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ketasim.core.Ketasim;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Subject;
import org.ketasim.core.model.Variability;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.SimulationSpec;

/**
 * The patient of an "unknown patient" session: subject 0 of a virtual population of the model,
 * seeded with the session's seed, drawn by the core's population simulator itself, so that the
 * session's scenario with {@code population: {subjects: 1, seed: S}} gives this very patient again
 * in {@code ketasim run}. On top of the pharmacokinetics, what a clinician would see is drawn from
 * the same seed:
 *
 * <ul>
 * <li>whether the patient responds to S-ketamine at all, with probability {@link #RESPONDER_SHARE}
 *     (Dahan 2011: 67 % of patients responded); a responder's NRS falls by the relief model's
 *     expected reduction from their own pain effect site, a non-responder's does not fall;</li>
 * <li>the patient's sensitivity: a uniform threshold; the patient shows psychomimetic signs while a
 *     typical volunteer's drug-high score at their own effect-site concentration is above it (a
 *     latent-threshold reading of the score, an assumption of this app);</li>
 * <li>the residual errors of the plasma levels the resident orders (the model's published residual error).</li>
 * </ul>
 *
 * Not thread-safe (one session's).
 */
final class UnknownPatient {

    /** The share of patients who respond to S-ketamine (Dahan et al., Eur J Pain 2011, doi:10.1016/j.ejpain.2010.06.016). */
    static final double RESPONDER_SHARE = 0.67;

    private final long seed;
    private final PkModel individual;
    private final Map<String, Double> factors;
    private final boolean responder;
    private final double sensitivity;
    private final SplittableRandom random;
    private final ResidualError residual;

    private UnknownPatient(long seed, PkModel individual, Map<String, Double> factors, boolean responder,
                           double sensitivity, SplittableRandom random, ResidualError residual) {
        this.seed = seed;
        this.individual = individual;
        this.factors = factors;
        this.responder = responder;
        this.sensitivity = sensitivity;
        this.random = random;
        this.residual = residual;
    }

    /**
     * @param typical the typical patient of the model (weight, drug, model)
     * @param seed    the seed, 0 to 2^53
     * @return the patient drawn
     * @throws org.ketasim.core.problems.InputException if the model has no variability
     */
    static UnknownPatient draw(CompiledScenario typical, long seed) {
        List<Subject> subjects = Ketasim.population(typical.scenario().withSimulation(SimulationSpec.of("1 h", "1 h")),
                PopulationSettings.of(1, seed).withOutcomeReplicates(0)).subjects();
        double[] eta = subjects.get(0).eta();
        Variability v = Variability.of(typical.variability(), typical.typicalModel());
        Map<String, Double> factors = new LinkedHashMap<>();
        for (int k = 0; k < eta.length; k++) {
            factors.put(v.parameters().get(k).cardName(), Math.exp(eta[k]));
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean responder = random.nextDouble() < RESPONDER_SHARE;
        double sensitivity = random.nextDouble();
        ResidualError residual = typical.residual().stream().filter(e -> e.analyte() == ResidualError.Analyte.PARENT)
                .findFirst().orElse(null);
        return new UnknownPatient(seed, v.apply(typical.individualModel(), eta), factors, responder, sensitivity,
                random, residual);
    }

    /** @return the seed */
    long seed() {
        return seed;
    }

    /** @return the patient's model, weight scaling and variability applied */
    PkModel individual() {
        return individual;
    }

    /**
     * @param baselineNrs        the NRS before treatment
     * @param responderReduction a responder's expected NRS reduction at the patient's own pain effect site
     * @return the NRS the patient reports now: a whole number, 0 to 10
     */
    long nrs(double baselineNrs, double responderReduction) {
        double nrs = baselineNrs - (responder && !Double.isNaN(responderReduction) ? responderReduction : 0);
        return Math.max(0, Math.min(10, Math.round(nrs)));
    }

    /**
     * @param volunteerDrugHigh a typical volunteer's drug-high score at the patient's effect-site concentration
     * @return whether the patient shows psychomimetic signs
     */
    boolean signs(double volunteerDrugHigh) {
        return volunteerDrugHigh > sensitivity;
    }

    /**
     * @param ngPerMl the patient's true plasma concentration when the sample is drawn
     * @return the laboratory's value, with the model's residual error (the true value where the model has none)
     */
    double measure(double ngPerMl) {
        double z1 = random.nextGaussian();
        double z2 = random.nextGaussian();
        return residual == null ? ngPerMl : Math.max(0, residual.observe(ngPerMl, z1, z2));
    }

    /** @return what is revealed at the end: the parameter factors, the responder status, the sensitivity */
    Map<String, Object> reveal() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("factors", factors);
        m.put("responder", responder);
        m.put("sensitivity", sensitivity);
        m.put("residualError", residual != null);
        return m;
    }
}
