package org.ketasim.core.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.regimen.Regimen;

/**
 * One validated scenario: one patient, one model, one regimen, one output grid.
 *
 * @param file      the file it was read from
 * @param id        the scenario id (a safe folder name)
 * @param title     free text, possibly empty
 * @param source    free text, possibly empty
 * @param notes     free text, possibly empty
 * @param drug      the substance given
 * @param salt      the chemical form the doses are written in
 * @param model     the model for a typical patient (scaling not yet applied)
 * @param card      the built-in model's card, empty for an inline model
 * @param inputFactor the fraction of each written dose that enters the model as its parent analyte,
 *                  as base: 0.5 for a racemic dose on an S-ketamine model, times the salt's base
 *                  fraction
 * @param parentAnalyte what the parent concentrations are, e.g. "S-ketamine (half of the racemic dose)"
 * @param weightKg  the patient's body weight (kg)
 * @param baselineNrs the patient's pain score before treatment (NRS, 0 to 10)
 * @param setting   {@code inpatient} or {@code outpatient}, if given
 * @param regimen   the doses, weight-normalised amounts already multiplied by the weight
 * @param durationH simulated time (h), &gt; 0
 * @param stepH     output step (h), &gt; 0
 * @param warnings  things that are allowed but probably not meant, each naming the key and value
 * @param titrationEvents the decisions of the scenario's rule-based titrations, in time order
 * @param population the {@code population:} key, if the file has one
 */
public record Scenario(Path file, String id, String title, String source, String notes, Drug drug, Salt salt,
                       PkModel model, Optional<ModelCard> card, double inputFactor, String parentAnalyte,
                       double weightKg, double baselineNrs, Optional<String> setting, Regimen regimen, double durationH, double stepH,
                       List<String> warnings, List<org.ketasim.core.titration.TitrationEvent> titrationEvents,
                       Optional<PopulationSpec> population) {

    /** Copies the warnings. */
    public Scenario {
        Objects.requireNonNull(id, "id");
        warnings = List.copyOf(warnings);
        titrationEvents = List.copyOf(titrationEvents);
        Objects.requireNonNull(population, "population");
    }

    /** @return the built-in model's id, or the inline model's name */
    public String modelId() {
        return card.map(ModelCard::id).orElse(model.name());
    }

    /** @return what the metabolite concentrations are, if the model has a metabolite */
    public Optional<String> metaboliteAnalyte() {
        return card.isPresent() ? card.get().metaboliteAnalyte()
                : model.metabolite().map(m -> m.name());
    }

    /**
     * @return the fraction of the parent concentration that is S-ketamine, for pharmacodynamics: 0.5
     *         for racemic ketamine (an assumption, see {@link org.ketasim.core.pd.PdAssumptions}), 1
     *         otherwise
     */
    public double sKetamineFraction() {
        boolean racemic = card.map(c -> c.drug() == org.ketasim.core.model.ModelDrug.RACEMIC_KETAMINE)
                .orElse(drug == Drug.KETAMINE);
        return racemic ? 0.5 : 1.0;
    }

    /** @return the model of this patient, with the allometric scaling applied */
    public PkModel individualModel() {
        return model.forWeight(weightKg);
    }
}
