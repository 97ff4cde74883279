package org.ketasim.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Patient;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;

/**
 * Turns the designer's form into a {@link Scenario} and back. A form starts from a base (a
 * catalogue scenario, an uploaded one, or the Dutch survey's median inpatient regimen for a new
 * one) and changes it with the scenario's withers; nothing is written as YAML text, so the file
 * the designer offers is the codec's writing of exactly the scenario it simulated. Problems are
 * {@link InputException}s naming the scenario key of the field ({@code regimen.doses[0].infusion.start}),
 * with the source {@code design}. Thread-safe.
 */
final class Designs {

    /** The source named in messages about the form's own fields. */
    static final String SOURCE = "design";
    private static final String DOSE = "regimen.doses[0].infusion";

    /**
     * The form as the browser shows it.
     *
     * @param base          the base, as in {@link Design#base()}
     * @param id            the scenario id
     * @param title         the title (free text)
     * @param source        the source (free text)
     * @param notes         the notes (free text)
     * @param editable      whether the regimen is one infusion that the fields can edit
     * @param regimenText   the regimen in words, for one that the fields cannot edit
     * @param regimen       the fields, when editable
     * @param drug          the drug's id
     * @param weightKg      body weight (kg)
     * @param model         the model's id (a built-in id or an inline model's name)
     * @param builtInModel  whether the model is a built-in one (else the model select is fixed)
     * @param baselineNrs   the baseline NRS
     * @param duration      the simulated time
     * @param setting       inpatient, outpatient or empty
     */
    record Form(String base, String id, String title, String source, String notes, boolean editable,
                String regimenText, Design.Fields regimen, String drug, double weightKg, String model,
                boolean builtInModel, double baselineNrs, String duration, String setting) {
    }

    private final Catalogue catalogue;
    private final Uploads uploads;

    /**
     * @param catalogue the catalogue bases come from
     * @param uploads   the uploaded bases
     */
    Designs(Catalogue catalogue, Uploads uploads) {
        this.catalogue = catalogue;
        this.uploads = uploads;
    }

    /**
     * @param d the form
     * @return the scenario it describes (not yet compiled)
     * @throws InputException naming the field, for a base that does not exist or a value that cannot be read
     */
    Scenario scenario(Design d) {
        Scenario s = base(d.base());
        if (d.regimen() != null) {
            if (!editable(s)) {
                throw problem("regimen", "this regimen has more than one infusion; its fields cannot be edited here "
                        + "(edit the file and upload it)");
            }
            s = s.withRegimen(regimen(d.regimen(), s.regimen()));
        }
        if (d.drug() != null) {
            s = s.withDrug(Drug.fromId(d.drug()).orElseThrow(() -> problem("drug", "unknown drug '" + d.drug()
                    + "'; use esketamine or ketamine")));
        }
        if (d.model() != null && !d.model().isEmpty() && !modelId(s).equals(d.model())) {
            if (ModelLibrary.find(d.model()).isEmpty()) {
                throw problem("model", "unknown model '" + d.model() + "'; built-in models: " + ModelLibrary.ids());
            }
            s = s.withModel(ModelSpec.BuiltIn.of(d.model()));
        }
        if (d.weightKg() != null && d.weightKg() != s.patient().weightKg()) {
            s = s.withWeightKg(d.weightKg());
        }
        if (d.baselineNrs() != null && d.baselineNrs() != s.patient().baselineNrsOrDefault()) {
            s = s.withPatient(new Patient(s.patient().weight(), Optional.of(d.baselineNrs())));
        }
        if (d.duration() != null) {
            Quantity duration = quantity(d.duration(), "simulation.duration", Dimension.TIME);
            if (!duration.equals(s.simulation().duration())) {
                s = s.withSimulation(new SimulationSpec(duration, s.simulation().step()));
            }
        }
        return s;
    }

    private Scenario base(String base) {
        if (base == null || base.isEmpty()) {
            return scratch();
        }
        if (base.startsWith("catalogue:")) {
            String key = base.substring("catalogue:".length());
            return catalogue.find(key).map(Catalogue.Entry::scenario).orElseThrow(() -> problem("base",
                    "the catalogue has no scenario '" + key + "'"));
        }
        if (base.startsWith("upload:")) {
            return uploads.find(base.substring("upload:".length())).orElseThrow(() -> problem("base",
                    "that upload is no longer held by the server (it keeps the last " + WebLimits.MAX_UPLOADS
                            + "); upload the file again"));
        }
        throw problem("base", "a base is 'catalogue:NAME', 'upload:TOKEN' or empty");
    }

    /** @return a new regimen: the Dutch survey's median inpatient regimen, 70 kg, the default model */
    static Scenario scratch() {
        return Scenario.builder().id("my-regimen").title("My regimen")
                .source("ketasim serve (designer)")
                .notes("Designed in ketasim serve, starting from the Dutch survey's median inpatient regimen "
                        + "(Mangnus et al., Scand J Pain 2021, doi:10.1515/sjpain-2021-0079).")
                .model(ModelSpec.BuiltIn.of(ModelLibrary.DEFAULT_ID)).patient(Patient.ofKg(70))
                .regimen(RegimenSpec.of(DoseSpec.schedule("5 mg/h", "2 mg/h", "12 h", "25 mg/h", "4 d"))
                        .withSetting("inpatient"))
                .simulation(SimulationSpec.of("6 d", "5 min")).build();
    }

    private static RegimenSpec regimen(Design.Fields f, RegimenSpec base) {
        Quantity start = quantity(f.start(), DOSE + ".start", Dimension.RATE, Dimension.RATE_PER_WEIGHT);
        Quantity increment = quantity(f.increment(), DOSE + ".increment", Dimension.RATE, Dimension.RATE_PER_WEIGHT);
        Quantity duration = quantity(f.duration(), DOSE + ".duration", Dimension.TIME);
        Route route = Route.fromId(f.route() == null ? "" : f.route()).orElseThrow(() -> problem("regimen.route",
                "unknown route '" + f.route() + "'; routes: " + Route.allIds()));
        DoseSpec dose;
        if (increment.value() == 0) {
            dose = new DoseSpec.Infusion(Optional.empty(), Optional.empty(), start, duration);
        } else {
            Quantity every = quantity(f.every(), DOSE + ".every", Dimension.TIME);
            Optional<Quantity> max = f.max() == null || f.max().isBlank() ? Optional.empty()
                    : Optional.of(quantity(f.max(), DOSE + ".max", Dimension.RATE, Dimension.RATE_PER_WEIGHT));
            dose = new DoseSpec.Schedule(Optional.empty(), Optional.empty(), start, increment, every, max, duration);
        }
        return new RegimenSpec(base.setting(), Optional.of(route), List.of(dose), Optional.empty());
    }

    private static Quantity quantity(String text, String key, Dimension... dims) {
        if (text == null || text.isBlank()) {
            throw problem(key, "a value is needed");
        }
        try {
            return Quantities.parse(text.trim(), dims);
        } catch (InputException e) {
            throw problem(key, e.problem());
        }
    }

    private static InputException problem(String key, String problem) {
        return new InputException(new Location(SOURCE, 0, key), problem);
    }

    /**
     * @param s a scenario
     * @return whether its regimen is one infusion from time 0, unrepeated, that the fields can edit
     */
    static boolean editable(Scenario s) {
        RegimenSpec r = s.regimen();
        return r.doses().size() == 1 && r.repeat().isEmpty() && r.doses().get(0).atH() == 0
                && (r.doses().get(0) instanceof DoseSpec.Infusion || r.doses().get(0) instanceof DoseSpec.Schedule);
    }

    /**
     * @param base the base it came from
     * @param s    a scenario
     * @return its form
     */
    static Form form(String base, Scenario s) {
        RegimenSpec r = s.regimen();
        boolean editable = editable(s);
        Design.Fields fields = null;
        if (editable) {
            String route = r.routeOf(r.doses().get(0)).id();
            if (r.doses().get(0) instanceof DoseSpec.Infusion inf) {
                fields = new Design.Fields(inf.rate().toString(), "0 " + inf.rate().unit().symbol(), "12 h",
                        "", inf.duration().toString(), route);
            } else {
                DoseSpec.Schedule sch = (DoseSpec.Schedule) r.doses().get(0);
                fields = new Design.Fields(sch.start().toString(), sch.increment().toString(), sch.every().toString(),
                        sch.max().map(Quantity::toString).orElse(""), sch.duration().toString(), route);
            }
        }
        boolean builtIn = s.model() instanceof ModelSpec.BuiltIn;
        return new Form(base == null ? "" : base, s.id(), s.title(), s.source(), s.notes(), editable,
                editable ? "" : describe(r), fields, s.drug().id(), s.patient().weightKg(), modelId(s), builtIn,
                s.patient().baselineNrsOrDefault(), s.simulation().duration().toString(), r.setting().orElse(""));
    }

    /**
     * @param s a scenario
     * @return its model's id: a built-in id, or an inline model's name
     */
    static String modelId(Scenario s) {
        return s.model() instanceof ModelSpec.BuiltIn b ? b.id() : ((ModelSpec.Inline) s.model()).model().name();
    }

    /**
     * @param r a regimen
     * @return it in words, one dose after the other
     */
    static String describe(RegimenSpec r) {
        List<String> parts = new ArrayList<>();
        for (DoseSpec d : r.doses()) {
            String text;
            if (d instanceof DoseSpec.Bolus b) {
                text = "bolus " + b.amount() + b.over().map(o -> " over " + o).orElse("");
            } else if (d instanceof DoseSpec.Infusion inf) {
                text = inf.rate() + " for " + inf.duration();
            } else if (d instanceof DoseSpec.Schedule sch) {
                text = sch.start() + " +" + sch.increment() + " every " + sch.every()
                        + sch.max().map(m -> " up to " + m).orElse("") + " for " + sch.duration();
            } else if (d instanceof DoseSpec.Steps st) {
                text = st.steps().size() + " steps from " + st.steps().get(0).rate();
            } else {
                DoseSpec.Rule rule = (DoseSpec.Rule) d;
                text = "rule titration from " + rule.start() + " by " + rule.step() + " every " + rule.every();
            }
            String at = d.at().filter(q -> q.value() != 0).map(q -> " at " + q).orElse("");
            parts.add(text + at + " (" + r.routeOf(d).id() + ")");
        }
        return String.join("; ", parts) + r.repeat().map(rep -> "; the course repeated " + rep.count()
                + " times every " + rep.every()).orElse("");
    }
}
