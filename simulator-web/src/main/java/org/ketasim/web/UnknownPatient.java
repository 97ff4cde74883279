package org.ketasim.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ketasim.core.Ketasim;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Variability;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.outcomes.PsychomimeticModel;
import org.ketasim.core.outcomes.ReliefModel;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Subject;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.SimulationSpec;

/**
 * The patient of an "unknown patient" session: subject 0 of a virtual population of the model,
 * seeded with the session's seed, drawn by the core's population simulator itself, so that the
 * session's scenario with {@code population: {subjects: 1, seed: S}} gives this very patient's
 * concentrations again in {@code ketasim run}. What a clinician would see is drawn from the same
 * seed, by the outcome models' own rules for one patient at their point values
 * ({@code outcomes.ReliefModel#DAHAN_2011}, {@code outcomes.PsychomimeticModel#SIGTERMANS_2009}):
 *
 * <ul>
 * <li>a uniform {@code u}: the patient responds to S-ketamine if {@code u} is below the chance of
 *     response (0.67, Dahan 2011), and has a placebo response if below its chance (0.23; placebo
 *     responders also respond to the drug, as in the population model); the patient's own C50 is
 *     the typical one times {@code exp(omega z)}, and a placebo response relieves a fraction of the
 *     baseline drawn from 30 % to 100 %, once treatment has begun; the pain score falls by the
 *     larger of the two (the pain effect site keeps Dahan's typical half-life, so that the
 *     downloaded scenario reproduces it);</li>
 * <li>a uniform {@code v}: the patient shows psychomimetic signs while {@code v} is below the
 *     drug-induced chance of such effects at the current acute effect-site concentration (the
 *     population model's chance at the peak, read at every moment: the signs come and go with the
 *     concentration, and a patient shows them at some time exactly as often as the model's share
 *     says);</li>
 * <li>the residual errors of the plasma levels the resident orders (the model's published residual error).</li>
 * </ul>
 *
 * Not thread-safe (one session's).
 */
final class UnknownPatient {

    private static final ReliefModel.Parameters RELIEF = ReliefModel.DAHAN_2011.point();
    private static final PsychomimeticModel.Parameters PSYCHOMIMETIC = PsychomimeticModel.SIGTERMANS_2009.point();

    private final long seed;
    private final PkModel individual;
    private final Map<String, Double> factors;
    private final boolean responder;
    private final boolean placeboResponder;
    private final double c50NgPerMl;
    private final double placeboRelief;
    private final double sensitivity;
    private final double sKetamineFraction;
    private final SplittableRandom random;
    private final ResidualError residual;

    private UnknownPatient(long seed, PkModel individual, Map<String, Double> factors, SplittableRandom random,
                           double sKetamineFraction, ResidualError residual) {
        this.seed = seed;
        this.individual = individual;
        this.factors = factors;
        this.random = random;
        this.sKetamineFraction = sKetamineFraction;
        this.residual = residual;
        double u = random.nextDouble();
        this.responder = u < RELIEF.drugResponse();
        this.placeboResponder = u < RELIEF.placeboResponse();
        double low = ReliefModel.DAHAN_2011.placeboReliefLow();
        this.placeboRelief = low + (1 - low) * random.nextDouble();
        this.c50NgPerMl = RELIEF.c50NgPerMl() * Math.exp(ReliefModel.DAHAN_2011.omegaC50() * random.nextGaussian());
        this.sensitivity = random.nextDouble();
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
        ResidualError residual = typical.residual().stream().filter(e -> e.analyte() == ResidualError.Analyte.PARENT)
                .findFirst().orElse(null);
        return new UnknownPatient(seed, v.apply(typical.individualModel(), eta), factors, new SplittableRandom(seed),
                typical.sKetamineFraction(), residual);
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
     * @param baselineNrs the NRS before treatment
     * @param cePain      the patient's pain effect-site concentration of the model's parent (ng/mL), NaN without one
     * @param treated     whether any drug was given yet
     * @return the NRS the patient reports now: a whole number, 0 to 10
     */
    long nrs(double baselineNrs, double cePain, boolean treated) {
        double fromDrug = responder && !Double.isNaN(cePain)
                ? RELIEF.fraction(Math.max(0, sKetamineFraction * cePain), c50NgPerMl) : 0;
        double fromPlacebo = placeboResponder && treated ? placeboRelief : 0;
        return Math.max(0, Math.min(10, Math.round(baselineNrs * (1 - Math.max(fromDrug, fromPlacebo)))));
    }

    /**
     * @param ce the patient's acute effect-site concentration of the model's parent (ng/mL)
     * @return whether the patient shows psychomimetic signs now
     */
    boolean signs(double ce) {
        double b = PSYCHOMIMETIC.background();
        double drugInduced = (PSYCHOMIMETIC.onDrug(Math.max(0, sKetamineFraction * ce)) - b) / (1 - b);
        return sensitivity < drugInduced;
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

    /** @return what is revealed at the end: the parameter factors, the response, the own C50, the sensitivity */
    Map<String, Object> reveal() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("factors", factors);
        m.put("responder", responder);
        m.put("placeboResponder", placeboResponder);
        m.put("c50NgPerMl", c50NgPerMl);
        m.put("sensitivity", sensitivity);
        m.put("residualError", residual != null);
        return m;
    }
}
