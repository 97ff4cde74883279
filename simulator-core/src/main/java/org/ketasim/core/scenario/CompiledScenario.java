package org.ketasim.core.scenario;

import java.util.List;
import java.util.Optional;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.regimen.Regimen;

/**
 * A scenario checked against its model and resolved for its patient: what the engine runs (the
 * {@link #plan()} of the typical patient, and {@link #plan(PkModel)} for any other subject of the
 * same structure), with everything reports need to say what the numbers are. Immutable.
 *
 * @param scenario          the scenario compiled
 * @param modelId           the built-in model's id, or the inline model's name
 * @param card              the built-in model's card, empty for an inline model
 * @param typicalModel      the model for a typical patient, before weight scaling
 * @param variability       the inter-individual variability (card's or inline), log scale
 * @param residual          the residual error per analyte (card's or inline)
 * @param weightKg          the patient's body weight (kg)
 * @param baselineNrs       the patient's pain score before treatment (NRS)
 * @param inputFactor       the fraction of each written dose that enters the model as its parent
 *                          analyte: 0.5 for a racemic dose on an S-ketamine model, times the
 *                          salt's base fraction
 * @param parentAnalyte     what the parent concentrations are, e.g. "S-ketamine"
 * @param sKetamineFraction the fraction of the parent concentration that is S-ketamine, for
 *                          pharmacodynamics: 0.5 for a racemic model (an assumption), 1 otherwise
 * @param regimen           the doses known in advance, in mg, repeats applied (empty when a rule
 *                          titration decides them all)
 * @param courseEndH        the end of the last administration (h), rule titrations included
 * @param plan              the typical patient's plan
 * @param warnings          what is allowed but probably not meant, each with its location
 */
public record CompiledScenario(Scenario scenario, String modelId, Optional<ModelCard> card, PkModel typicalModel,
                               List<Omega> variability, List<ResidualError> residual, double weightKg,
                               double baselineNrs, double inputFactor, String parentAnalyte, double sKetamineFraction,
                               Regimen regimen, double courseEndH, Plan plan, List<Warning> warnings) {

    /** Copies the lists. */
    public CompiledScenario {
        variability = List.copyOf(variability);
        residual = List.copyOf(residual);
        warnings = List.copyOf(warnings);
    }

    /** @return the scenario id */
    public String id() {
        return scenario.id();
    }

    /** @return the model of this patient, with the weight scaling applied */
    public PkModel individualModel() {
        return typicalModel.forWeight(weightKg);
    }

    /** @return what the metabolite concentrations are, if the model has a metabolite */
    public Optional<String> metaboliteAnalyte() {
        return card.isPresent() ? card.get().metaboliteAnalyte() : typicalModel.metabolite().map(m -> m.name());
    }

    /** @return whether the model describes racemic ketamine */
    public boolean racemicModel() {
        return card.map(c -> c.drug() == ModelDrug.RACEMIC_KETAMINE).orElse(scenario.drug() == Drug.KETAMINE);
    }

    /**
     * The plan of another subject: its own model (variability applied), the same doses, grid and
     * controllers. The dose timeline is reused when the subject's routes enter the same states
     * with the same bioavailability and lag as the typical patient's.
     *
     * @param individual the subject's model, weight scaling and variability applied
     * @return its plan
     */
    public Plan plan(PkModel individual) {
        LinearSystem system = LinearSystem.of(individual);
        DoseTimeline timeline = sameInputs(system, plan.system()) ? plan.timeline()
                : DoseTimeline.of(regimen, system, inputFactor);
        return new Plan(system, timeline, plan.grid(), plan.horizonH(), inputFactor, plan.controllers());
    }

    private static boolean sameInputs(LinearSystem a, LinearSystem b) {
        if (a.dimension() != b.dimension() || !a.routes().equals(b.routes())) {
            return false;
        }
        for (var route : a.routes()) {
            if (!a.channels(route).equals(b.channels(route))) {
                return false;
            }
        }
        return true;
    }
}
