package org.ketasim.core.scenario;

import java.util.Objects;
import java.util.Optional;
import org.ketasim.core.problems.Location;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;
import org.ketasim.core.units.UnitException;

/**
 * One scenario, an immutable and editable value: one patient, one model, one regimen, one output
 * grid, and optionally a population. Build one with {@link #builder()} or read one with the YAML
 * codec ({@code org.ketasim.core.io.yaml.ScenarioYaml}); vary it with the {@code with...} methods;
 * {@link #compile()} checks it against its model and gives what the engine runs.
 *
 * <p>Amounts, rates and times keep the units they were written in, per kg or not, until the
 * scenario is compiled for its patient's weight. Two scenarios are equal when every value is; where
 * they were read from ({@link #origin()}) does not count.
 *
 * @param origin     the file and lines it was read from, if it was read
 * @param id         the scenario id (a safe folder name, see {@link ScenarioIds})
 * @param title      free text, possibly empty
 * @param source     free text, possibly empty
 * @param notes      free text, possibly empty
 * @param drug       the substance given
 * @param salt       the chemical form the doses are written in
 * @param model      the model
 * @param patient    the patient
 * @param regimen    the doses
 * @param simulation the output grid
 * @param population the {@code population:} key, if any
 */
public record Scenario(Optional<Origin> origin, String id, String title, String source, String notes, Drug drug,
                       Salt salt, ModelSpec model, Patient patient, RegimenSpec regimen, SimulationSpec simulation,
                       Optional<PopulationSpec> population) {

    /** Checks that nothing is null. */
    public Scenario {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(regimen, "regimen");
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(population, "population");
    }

    /** @return a builder with the format's defaults (esketamine, base, no population) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param key a dotted key path
     * @return where it is in the file this scenario was read from, or just the key
     */
    public Location at(String key) {
        return origin.map(o -> o.at(key)).orElse(new Location("", 0, key));
    }

    /**
     * @param key   a dotted key path
     * @param value the value the scenario holds there
     * @return the value as written in the file, while it is the one held, or the value itself
     */
    public String written(String key, Quantity value) {
        return origin.map(o -> o.texts().get(key)).filter(text -> {
            try {
                return Quantities.parse(text, value.dimension()).equals(value);
            } catch (UnitException e) {
                return false;
            }
        }).orElse(value.toString());
    }

    /** @return the file this scenario was read from, or its id for a scenario built in code */
    public String sourceName() {
        return origin.map(o -> String.valueOf(o.file())).orElse(id);
    }

    /** @return the scenario checked against its model, ready to run (see {@link ScenarioCompiler}) */
    public CompiledScenario compile() {
        return new ScenarioCompiler().compile(this);
    }

    /**
     * @param value the id
     * @return this scenario with that id
     */
    public Scenario withId(String value) {
        return new Scenario(origin, value, title, source, notes, drug, salt, model, patient, regimen, simulation,
                population);
    }

    /**
     * @param value the drug
     * @return this scenario giving that drug
     */
    public Scenario withDrug(Drug value) {
        return new Scenario(origin, id, title, source, notes, value, salt, model, patient, regimen, simulation,
                population);
    }

    /**
     * @param value the model
     * @return this scenario with that model
     */
    public Scenario withModel(ModelSpec value) {
        return new Scenario(origin, id, title, source, notes, drug, salt, value, patient, regimen, simulation,
                population);
    }

    /**
     * @param value the patient
     * @return this scenario for that patient
     */
    public Scenario withPatient(Patient value) {
        return new Scenario(origin, id, title, source, notes, drug, salt, model, value, regimen, simulation,
                population);
    }

    /**
     * @param kg body weight (kg)
     * @return this scenario for a patient of that weight (per-kg doses follow)
     */
    public Scenario withWeightKg(double kg) {
        return withPatient(patient.withWeightKg(kg));
    }

    /**
     * @param value the regimen
     * @return this scenario with that regimen
     */
    public Scenario withRegimen(RegimenSpec value) {
        return new Scenario(origin, id, title, source, notes, drug, salt, model, patient, value, simulation,
                population);
    }

    /**
     * @param value the output grid
     * @return this scenario with that grid
     */
    public Scenario withSimulation(SimulationSpec value) {
        return new Scenario(origin, id, title, source, notes, drug, salt, model, patient, regimen, value,
                population);
    }

    /**
     * @param value the population key, or empty for none
     * @return this scenario with it
     */
    public Scenario withPopulation(Optional<PopulationSpec> value) {
        return new Scenario(origin, id, title, source, notes, drug, salt, model, patient, regimen, simulation,
                value);
    }

    /**
     * @param value the origin
     * @return this scenario, as read from there
     */
    public Scenario withOrigin(Optional<Origin> value) {
        return new Scenario(value, id, title, source, notes, drug, salt, model, patient, regimen, simulation,
                population);
    }

    /** Equal when every value but the origin is. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Scenario s && id.equals(s.id) && title.equals(s.title)
                && source.equals(s.source) && notes.equals(s.notes) && drug == s.drug && salt == s.salt
                && model.equals(s.model) && patient.equals(s.patient) && regimen.equals(s.regimen)
                && simulation.equals(s.simulation) && population.equals(s.population);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, source, notes, drug, salt, model, patient, regimen, simulation, population);
    }

    /** Builds a {@link Scenario}; every setter returns the builder. */
    public static final class Builder {
        private Optional<Origin> origin = Optional.empty();
        private String id;
        private String title = "";
        private String source = "";
        private String notes = "";
        private Drug drug = Drug.ESKETAMINE;
        private Salt salt = Salt.BASE;
        private ModelSpec model;
        private Patient patient;
        private RegimenSpec regimen;
        private SimulationSpec simulation;
        private Optional<PopulationSpec> population = Optional.empty();

        private Builder() {
        }

        /** @param value the origin @return this builder */
        public Builder origin(Optional<Origin> value) {
            origin = value;
            return this;
        }

        /** @param value the id @return this builder */
        public Builder id(String value) {
            id = value;
            return this;
        }

        /** @param value the title @return this builder */
        public Builder title(String value) {
            title = value;
            return this;
        }

        /** @param value the source @return this builder */
        public Builder source(String value) {
            source = value;
            return this;
        }

        /** @param value the notes @return this builder */
        public Builder notes(String value) {
            notes = value;
            return this;
        }

        /** @param value the drug @return this builder */
        public Builder drug(Drug value) {
            drug = value;
            return this;
        }

        /** @param value the salt @return this builder */
        public Builder salt(Salt value) {
            salt = value;
            return this;
        }

        /** @param value the model @return this builder */
        public Builder model(ModelSpec value) {
            model = value;
            return this;
        }

        /** @param value the patient @return this builder */
        public Builder patient(Patient value) {
            patient = value;
            return this;
        }

        /** @param value the regimen @return this builder */
        public Builder regimen(RegimenSpec value) {
            regimen = value;
            return this;
        }

        /** @param value the output grid @return this builder */
        public Builder simulation(SimulationSpec value) {
            simulation = value;
            return this;
        }

        /** @param value the population key @return this builder */
        public Builder population(Optional<PopulationSpec> value) {
            population = value;
            return this;
        }

        /**
         * @return the scenario
         * @throws NullPointerException if the id, model, patient, regimen or simulation is missing
         */
        public Scenario build() {
            return new Scenario(origin, id, title, source, notes, drug, salt, model, patient, regimen, simulation,
                    population);
        }
    }
}
