package org.ketasim.core.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AbsorptionTarget;
import org.ketasim.core.model.DeviceDosing;
import org.ketasim.core.model.HepaticCompartment;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.TransitChain;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.io.InputFiles;
import org.ketasim.core.io.InputFileException;
import org.ketasim.core.model.library.RouteNote;
import org.ketasim.core.pd.PainRelief;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;
import org.ketasim.core.regimen.TitrationSchedule;
import org.ketasim.core.titration.Condition;
import org.ketasim.core.titration.RuleTitrationController;
import org.ketasim.core.titration.TitrationEvent;
import org.ketasim.core.titration.TitrationRule;
import org.ketasim.core.scenario.YamlTree.Mapping;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantity;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads scenario files of format v1 into {@link Scenario}s. Stateless and thread-safe.
 *
 * <p>Every problem is a {@link ScenarioException} naming the file, line, key and value; the first
 * problem found stops the reading of that file.
 */
public final class ScenarioLoader {

    /** The default largest number of output rows of one scenario (about 200 MB of results). */
    public static final long DEFAULT_MAX_ROWS = 2_000_000;
    /** The largest number of steps a titration schedule may have. */
    public static final long MAX_TITRATION_STEPS = 1_000_000;

    private final Optional<Double> weightOverrideKg;
    private final Optional<String> modelOverride;
    private final long maxRows;

    /** A loader that reads files as written. */
    public ScenarioLoader() {
        this(Optional.empty(), Optional.empty());
    }

    private ScenarioLoader(Optional<Double> weightOverrideKg, Optional<String> modelOverride, long maxRows) {
        this.weightOverrideKg = weightOverrideKg;
        this.modelOverride = modelOverride;
        this.maxRows = maxRows;
    }

    /**
     * @param rows the largest number of output rows a scenario may have, &gt; 0
     * @return a loader that refuses larger simulations (with the estimate) before any work
     */
    public ScenarioLoader withMaxRows(long rows) {
        if (rows < 2) {
            throw new IllegalArgumentException("the row limit must be at least 2, got " + rows);
        }
        return new ScenarioLoader(weightOverrideKg, modelOverride, rows);
    }

    /**
     * A loader for comparisons: every scenario gets the given patient weight (per-kg doses are read
     * at it) and/or the given built-in model instead of its own.
     *
     * @param weightOverrideKg the reference patient's weight (kg), or empty for each file's own
     * @param modelOverride    a built-in model id, or empty for each file's own model
     * @throws IllegalArgumentException for an unknown model id or a weight outside 0.3-350 kg
     */
    public ScenarioLoader(Optional<Double> weightOverrideKg, Optional<String> modelOverride) {
        weightOverrideKg.ifPresent(w -> {
            if (!(w >= 0.3 && w <= 350)) {
                throw new IllegalArgumentException("reference weight " + w + " kg is not a human body weight (0.3 to 350 kg)");
            }
        });
        modelOverride.ifPresent(id -> ModelLibrary.find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown model '" + id + "'; built-in models: " + ModelLibrary.ids())));
        this.weightOverrideKg = weightOverrideKg;
        this.modelOverride = modelOverride;
        this.maxRows = DEFAULT_MAX_ROWS;
    }

    /** The longest scenario id, in characters. */
    public static final int MAX_ID_LENGTH = 100;

    /** Letters, digits, spaces and {@code . _ - + ( ) ,}, not starting with a dot or space: safe as a folder name. */
    private static final Pattern SAFE_ID = Pattern.compile("[\\p{L}\\p{N}_(+-][\\p{L}\\p{N} ._()+,-]*");
    private static final List<String> TOP_KEYS =
            List.of("id", "title", "source", "notes", "drug", "salt", "model", "patient", "regimen", "simulation",
                    "population");
    private static final List<String> BASED_MODEL_KEYS = List.of("base", "routes");
    private static final List<String> MODEL_KEYS =
            List.of("name", "compartments", "scaling", "routes", "metabolite", "second_metabolite", "liver", "effect");
    private static final List<String> LIVER_KEYS = List.of("V", "Q", "k_elimination", "k_metabolite");
    private static final List<String> PATH_KEYS =
            List.of("F", "ka", "lag", "zero_order", "target", "transit", "devices");
    private static final List<String> TRANSIT_KEYS = List.of("compartments", "mean_transit_time");
    private static final List<String> DEVICE_KEYS = List.of("amount", "every", "later_F");
    private static final List<String> COMPARTMENT_KEYS = List.of("V1", "CL", "V2", "Q2", "V3", "Q3");
    private static final List<String> SCALING_KEYS =
            List.of("reference_weight", "volumes", "clearances", "peripheral_volumes", "flows");
    private static final List<String> ROUTE_KEYS = List.of("F", "ka", "lag");
    private static final List<String> METABOLITE_KEYS =
            List.of("name", "fraction", "molar_mass_ratio", "V1", "CL", "V2", "Q2", "formation_delay");
    private static final List<String> EFFECT_KEYS = List.of("ke0");
    private static final List<String> PATIENT_KEYS = List.of("weight", "baseline_nrs");
    private static final List<String> REGIMEN_KEYS = List.of("setting", "route", "doses", "repeat");
    private static final List<String> REPEAT_KEYS = List.of("every", "count");
    private static final List<String> DOSE_KEYS =
            List.of("bolus", "infusion", "steps", "titration", "at", "route", "over");
    private static final List<String> DOSE_KINDS = List.of("bolus", "infusion", "steps", "titration");
    private static final List<String> RULE_KEYS = List.of("start", "step", "every", "max", "duration",
            "stop_raising_when", "reduce_when", "reduce_by", "stop_when");
    private static final List<String> CONDITION_KEYS =
            List.of("nrs_reduction", "drug_high", "concentration", "effect_concentration");
    private static final List<String> CONSTANT_KEYS = List.of("rate", "duration");
    private static final List<String> TITRATION_KEYS = List.of("start", "increment", "every", "max", "duration");
    private static final List<String> STEP_KEYS = List.of("rate", "for");
    private static final List<String> SIMULATION_KEYS = List.of("duration", "step");
    private static final List<String> POPULATION_KEYS = List.of("subjects", "seed", "weight_sd", "percentiles",
            "observations");
    private static final List<String> SETTINGS = List.of("inpatient", "outpatient");

    /**
     * Reads one scenario file.
     *
     * @param file a YAML file
     * @return the scenario
     * @throws ScenarioException if the file cannot be read or is not a valid scenario
     */
    public Scenario load(Path file) {
        return parse(file, readText(file));
    }

    /**
     * @param file a YAML file
     * @return its text
     * @throws ScenarioException if it is too large, not UTF-8 or cannot be read
     */
    public static String readText(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(InputFiles.read(file, 4L * YamlTree.MAX_CODE_POINTS)))
                    .toString();
        } catch (InputFileException e) {
            throw new ScenarioException(file, 0, "", e.reason());
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file, 0, "", "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(file, 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * @param id a scenario or sweep id
     * @return whether it can be a folder name (see the format page's section on ids)
     */
    static boolean isSafeId(String id) {
        return id.length() <= MAX_ID_LENGTH && SAFE_ID.matcher(id).matches() && !id.endsWith(" ");
    }

    /**
     * Reads a scenario from text.
     *
     * @param file the file name used in messages and for the default id
     * @param text the YAML document
     * @return the scenario
     * @throws ScenarioException if the text is not a valid scenario
     */
    public Scenario parse(Path file, String text) {
        try {
            return new Reading(YamlTree.parse(file, text), file).scenario();
        } catch (IllegalArgumentException e) {
            // a range check of the domain objects that the reader did not make itself first
            throw new ScenarioException(file, 0, "", e.getMessage());
        }
    }

    /**
     * A model read on its own, for tools that take a model rather than a scenario (NONMEM import).
     *
     * @param model    the model for a typical patient
     * @param weightKg the patient's weight, when the file is a whole scenario
     */
    public record ModelFile(PkModel model, Optional<Double> weightKg) {
    }

    /**
     * Reads a model from a YAML file holding a {@code model:} key (a built-in id or an inline map),
     * alone or as part of a whole scenario; in the latter case the scenario is validated whole and
     * its patient's weight is returned with the model.
     *
     * @param file the YAML file
     * @return the model, and the weight where the file has a patient
     * @throws ScenarioException if the file cannot be read or is not valid
     */
    public ModelFile loadModel(Path file) {
        Scenario full;
        try {
            String text = readText(file);
            Mapping root = YamlTree.parse(file, text);
            if (root.keys().equals(java.util.Set.of("model"))) {
                Reading reading = new Reading(root, file);
                return new ModelFile(reading.model(root.required("model")).model(), Optional.empty());
            }
            full = parse(file, text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file, 0, "", e.getMessage());
        }
        return new ModelFile(full.model(), Optional.of(full.weightKg()));
    }

    /** The state of reading one file: its tree and the warnings found so far. */
    private final class Reading {
        private final Mapping root;
        private final YamlTree tree;
        private final Path file;
        private final List<String> warnings = new ArrayList<>();

        Reading(Mapping root, Path file) {
            this.root = root;
            this.tree = root.tree();
            this.file = file;
        }

        Scenario scenario() {
            root.allowOnly(TOP_KEYS);
            String id = id();
            Drug drug = root.optional("drug").map(n -> {
                String text = tree.text(n, "drug");
                return Drug.fromId(text).orElseThrow(() -> tree.error(n, "drug",
                        "unknown drug '" + text + "'; use esketamine or ketamine"));
            }).orElse(Drug.ESKETAMINE);
            Salt salt = root.optional("salt").map(n -> {
                String text = tree.text(n, "salt");
                return Salt.fromId(text).orElseThrow(() -> tree.error(n, "salt",
                        "unknown salt '" + text + "'; use base or hydrochloride"));
            }).orElse(Salt.BASE);
            Node modelNode = root.required("model");
            ModelChoice choice = model(modelNode);
            if (modelOverride.isPresent()) {
                BuiltInModel override = ModelLibrary.find(modelOverride.get()).orElseThrow();
                choice = new ModelChoice(override.model(), Optional.of(override.card()));
            }
            PkModel model = choice.model();
            double weight = weight();
            double baselineNrs = baselineNrs();
            DrugForm form = drugForm(drug, choice.card(), modelNode);
            choice.card().ifPresent(card -> checkPopulation(card, weight));
            Mapping simulation = tree.mapping(root.required("simulation"), "simulation");
            simulation.allowOnly(SIMULATION_KEYS);
            double duration = positiveTime(simulation, "duration");
            double step = positiveTime(simulation, "step");
            double rows = Math.floor(duration / step) + 2;
            if (rows > maxRows) {
                int states = LinearSystem.of(model.forWeight(weight)).dimension();
                double megabytes = rows * (states * 8.0 + 40) / 1e6;
                throw tree.error(simulation.required("step"), "simulation.step", String.format(Locale.ROOT,
                        "a duration of %s at a step of %s gives %.4g output rows (about %.3g MB of results), more "
                                + "than the limit of %d rows; use a longer step or a shorter duration, or raise the "
                                + "limit with --max-rows", tree.text(simulation.required("duration"), ""),
                        tree.text(simulation.required("step"), ""), rows, megabytes, maxRows));
            }
            if (step > duration) {
                warn(simulation, "step", "the output step is longer than the simulation, so only its start and "
                        + "end are written");
            }
            Mapping regimenMap = tree.mapping(root.required("regimen"), "regimen");
            double sFraction = choice.card().map(c -> c.drug() == ModelDrug.RACEMIC_KETAMINE)
                    .orElse(drug == Drug.KETAMINE) ? 0.5 : 1.0;
            RegimenResult regimen = regimen(regimenMap, model, weight, new RuleTitrationController(
                    model.forWeight(weight), form.fraction() * salt.baseFraction(), sFraction, baselineNrs));
            double lastStart = regimen.regimen().doses().stream().mapToDouble(Dose::startH).max().orElse(0);
            if (lastStart > duration) {
                warnings.add(String.format("regimen: a dose starts at %s h, after the end of the simulation (%s h); "
                        + "it is not simulated", lastStart, duration));
            }
            choice.card().ifPresent(card -> warnUnvalidatedRoutes(card, regimen.regimen()));
            return new Scenario(file, id, text("title"), text("source"), text("notes"), drug, salt, model,
                    choice.card(), form.fraction() * salt.baseFraction(), form.analyte(), weight, baselineNrs,
                    regimen.setting(), regimen.regimen(), duration, step, warnings, regimen.events(), population());
        }

        private Optional<PopulationSpec> population() {
            if (!root.has("population")) {
                return Optional.empty();
            }
            Mapping p = tree.mapping(root.required("population"), "population");
            p.allowOnly(POPULATION_KEYS);
            Optional<Integer> subjects = p.optional("subjects").map(n -> (int) wholeNumber(n, p.pathOf("subjects"),
                    1, 1_000_000));
            Optional<Long> seed = p.optional("seed").map(n -> wholeNumber(n, p.pathOf("seed"), 0, 1L << 53));
            Optional<Double> weightSd = p.optional("weight_sd").map(n -> {
                double kg = tree.quantity(n, p.pathOf("weight_sd"), Dimension.BODY_WEIGHT).internalValue();
                if (!(kg >= 0 && kg <= 100)) {
                    throw tree.error(n, p.pathOf("weight_sd"), "must be 0 to 100 kg, got '" + tree.text(n, "") + "'");
                }
                return kg;
            });
            Optional<double[]> percentiles = p.optional("percentiles").map(n -> {
                List<Node> items = tree.sequence(n, p.pathOf("percentiles"));
                double[] values = new double[items.size()];
                for (int i = 0; i < values.length; i++) {
                    String path = p.pathOf("percentiles") + "[" + i + "]";
                    values[i] = tree.number(items.get(i), path);
                    if (!(values[i] > 0 && values[i] < 100) || i > 0 && !(values[i] > values[i - 1])) {
                        throw tree.error(items.get(i), path, "percentiles must be ascending, each above 0 and below "
                                + "100, got " + tree.text(items.get(i), ""));
                    }
                }
                if (values.length == 0) {
                    throw tree.error(n, p.pathOf("percentiles"), "give at least one percentile");
                }
                return values;
            });
            Optional<double[]> observations = p.optional("observations").map(n -> {
                List<Node> items = tree.sequence(n, p.pathOf("observations"));
                double[] times = new double[items.size()];
                for (int i = 0; i < times.length; i++) {
                    String path = p.pathOf("observations") + "[" + i + "]";
                    times[i] = tree.quantity(items.get(i), path, Dimension.TIME).internalValue();
                    if (!(times[i] >= 0) || i > 0 && !(times[i] > times[i - 1])) {
                        throw tree.error(items.get(i), path, "observation times must be ascending and >= 0, got '"
                                + tree.text(items.get(i), "") + "'");
                    }
                }
                return times;
            });
            return Optional.of(new PopulationSpec(subjects, seed, weightSd, percentiles, observations));
        }

        private long wholeNumber(Node node, String path, long lowest, long highest) {
            double v = tree.number(node, path);
            if (v != Math.rint(v) || v < lowest || v > highest) {
                throw tree.error(node, path, "must be a whole number from " + lowest + " to " + highest + ", got '"
                        + tree.text(node, "") + "'");
            }
            return (long) v;
        }

        /** What the parent concentrations are, and the fraction of each dose that is that analyte. */
        private record DrugForm(double fraction, String analyte) {
        }

        private DrugForm drugForm(Drug drug, Optional<ModelCard> card, Node modelNode) {
            if (card.isEmpty()) {
                return new DrugForm(1.0, drug == Drug.ESKETAMINE ? ModelDrug.S_KETAMINE.analyte()
                        : ModelDrug.RACEMIC_KETAMINE.analyte());
            }
            ModelDrug modelDrug = card.get().drug();
            if (modelDrug == ModelDrug.RACEMIC_KETAMINE && drug == Drug.ESKETAMINE) {
                Node at = root.optional("drug").orElse(modelNode);
                throw tree.error(at, root.has("drug") ? "drug" : "model", "drug esketamine cannot be simulated with '"
                        + card.get().id() + "', a model of racemic ketamine; use drug: ketamine, or an S-ketamine "
                        + "model (" + sKetamineIds() + ")");
            }
            if (modelDrug == ModelDrug.S_KETAMINE && drug == Drug.KETAMINE) {
                return new DrugForm(0.5, "S-ketamine (the S-enantiomer: half of the racemic dose)");
            }
            return new DrugForm(1.0, modelDrug.analyte());
        }

        private static String sKetamineIds() {
            return ModelLibrary.all().stream().filter(m -> m.card().drug() == ModelDrug.S_KETAMINE)
                    .map(BuiltInModel::id).collect(Collectors.joining(", "));
        }

        private void checkPopulation(ModelCard card, double weight) {
            double[] range = card.weightRangeKg();
            if (weight < range[0] || weight > range[1]) {
                warnings.add(String.format(Locale.ROOT, "%s: patient.weight: %s kg is outside the weights of the "
                        + "population '%s' was fitted to (%s to %s kg: %s); the allometric scaling is extrapolated",
                        file, weight, card.id(), range[0], range[1], card.population()));
            }
        }

        private void warnUnvalidatedRoutes(ModelCard card, Regimen regimen) {
            regimen.doses().stream().map(Dose::route).distinct().sorted().forEach(route -> {
                RouteNote note = card.routes().get(route);
                if (note != null && !note.validated()) {
                    warnings.add(file + ": route '" + route.id() + "' of model '" + card.id() + "' is unvalidated: "
                            + note.source());
                }
            });
        }

        private String text(String key) {
            return root.optional(key).map(n -> tree.text(n, key)).orElse("");
        }

        private String id() {
            Optional<Node> node = root.optional("id");
            String fileName = String.valueOf(file.getFileName());
            String id = node.map(n -> tree.text(n, "id"))
                    .orElse(fileName.replaceFirst("\\.ya?ml$", ""));
            if (!isSafeId(id)) {
                String problem = "'" + id.replaceAll("\\p{Cntrl}", "?") + "' cannot be a folder name: an id has 1 to "
                        + MAX_ID_LENGTH + " letters, digits, spaces or '._-+(),' (no '/', '\\', '..' or control "
                        + "characters), and does not start with a dot or a space";
                throw node.map(n -> tree.error(n, "id", problem))
                        .orElseGet(() -> new ScenarioException(file, 0, "id", problem + " (it comes from the file name;"
                                + " set 'id:' in the file)"));
            }
            return id;
        }

        private double baselineNrs() {
            Mapping patient = tree.mapping(root.required("patient"), "patient");
            return patient.optional("baseline_nrs").map(n -> {
                double v = tree.number(n, "patient.baseline_nrs");
                if (v < 0 || v > 10) {
                    throw tree.error(n, "patient.baseline_nrs", "an NRS pain score is from 0 to 10, got " + v);
                }
                return v;
            }).orElse(PainRelief.DEFAULT_BASELINE_NRS);
        }

        private double weight() {
            Mapping patient = tree.mapping(root.required("patient"), "patient");
            patient.allowOnly(PATIENT_KEYS);
            Node node = patient.required("weight");
            double kg = weightOverrideKg.orElse(tree.quantity(node, "patient.weight", Dimension.BODY_WEIGHT).internalValue());
            if (!(kg > 0)) {
                throw tree.error(node, "patient.weight", "must be positive, got '" + tree.text(node, "") + "'");
            }
            if (kg < 0.3 || kg > 350) {
                throw tree.error(node, "patient.weight", "'" + tree.text(node, "") + "' is not a human body weight "
                        + "(0.3 to 350 kg)");
            }
            return kg;
        }

        // ---- model ----

        /** The model a scenario names: a built-in one (with its card), or an inline one. */
        private record ModelChoice(PkModel model, Optional<ModelCard> card) {
        }

        private ModelChoice model(Node node) {
            if (!(node instanceof MappingNode)) {
                BuiltInModel builtIn = builtIn(node, "model");
                return new ModelChoice(builtIn.model(), Optional.of(builtIn.card()));
            }
            Mapping m = tree.mapping(node, "model");
            if (m.has("base")) {
                m.allowOnly(BASED_MODEL_KEYS);
                BuiltInModel builtIn = builtIn(m.required("base"), "model.base");
                PkModel model = builtIn.model();
                if (m.has("routes")) {
                    model = routes(tree.mapping(m.required("routes"), "model.routes"), model);
                }
                return new ModelChoice(model,
                        Optional.of(builtIn.card()));
            }
            m.allowOnly(MODEL_KEYS);
            String name = m.optional("name").map(n -> tree.text(n, "model.name")).orElse("inline");
            Mapping c = tree.mapping(m.required("compartments"), "model.compartments");
            c.allowOnly(COMPARTMENT_KEYS);
            PkModel model = PkModel.of(name, positive(c, "V1", Dimension.VOLUME),
                    nonNegative(c, "CL", Dimension.FLOW));
            Optional<Peripheral> second = peripheral(c, "V2", "Q2");
            Optional<Peripheral> third = peripheral(c, "V3", "Q3");
            if (third.isPresent() && second.isEmpty()) {
                throw tree.error(c.node(), c.path(), "V3 and Q3 need V2 and Q2 (compartments are filled in order)");
            }
            if (second.isPresent()) {
                model = model.withPeripheral(second.get());
            }
            if (third.isPresent()) {
                model = model.withPeripheral(third.get());
            }
            if (m.has("scaling")) {
                model = model.withScaling(scaling(tree.mapping(m.required("scaling"), "model.scaling")));
            }
            if (m.has("liver")) {
                model = model.withLiver(liver(tree.mapping(m.required("liver"), "model.liver")));
            }
            if (m.has("metabolite")) {
                model = model.withMetabolite(metabolite(tree.mapping(m.required("metabolite"), "model.metabolite")));
            }
            if (m.has("second_metabolite")) {
                if (!m.has("metabolite")) {
                    throw tree.error(m.required("second_metabolite"), "model.second_metabolite",
                            "a second metabolite is formed from the first: add model.metabolite");
                }
                model = model.withSecondMetabolite(metabolite(tree.mapping(m.required("second_metabolite"),
                        "model.second_metabolite")));
            }
            if (m.has("routes")) {
                model = routes(tree.mapping(m.required("routes"), "model.routes"), model);
            }
            if (m.has("effect")) {
                Mapping e = tree.mapping(m.required("effect"), "model.effect");
                e.allowOnly(EFFECT_KEYS);
                model = model.withEffectSite(new EffectSite(positive(e, "ke0", Dimension.RATE_CONSTANT)));
            }
            return new ModelChoice(model, Optional.empty());
        }

        private BuiltInModel builtIn(Node node, String path) {
            String id = tree.text(node, path);
            return ModelLibrary.find(id).orElseThrow(() -> tree.error(node, path, "unknown model '" + id + "'"
                    + YamlTree.suggestion(id, ModelLibrary.all().stream().map(BuiltInModel::id).toList())
                    + "; built-in models: " + ModelLibrary.ids() + " (or write the model inline as a map, see "
                    + "docs/scenario-format.md)"));
        }

        /**
         * Adds or overrides routes. Over a route the model already has, each of F, ka and lag may be
         * given alone; a new route needs F and ka.
         */
        private PkModel routes(Mapping routes, PkModel model) {
            PkModel result = model;
            for (String key : routes.keys()) {
                Node routeNode = routes.required(key);
                Route route = Route.fromId(key).orElseThrow(() -> tree.error(routeNode, routes.pathOf(key),
                        "unknown route '" + key + "'; routes: " + Route.allIds()));
                if (route == Route.IV) {
                    throw tree.error(routeNode, routes.pathOf(key), "the iv route has no absorption parameters");
                }
                if (routeNode instanceof SequenceNode) {
                    List<Node> items = tree.sequence(routeNode, routes.pathOf(key));
                    if (items.isEmpty()) {
                        throw tree.error(routeNode, routes.pathOf(key), "the list of absorption paths is empty");
                    }
                    List<Absorption> paths = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Absorption a = path(tree.mapping(items.get(i), routes.pathOf(key) + "[" + i + "]"));
                        if (a.target() == AbsorptionTarget.LIVER && model.liver().isEmpty()
                                || a.target() == AbsorptionTarget.METABOLISM && model.metabolite().isEmpty()) {
                            throw tree.error(items.get(i), routes.pathOf(key) + "[" + i + "].target", "the path goes "
                                    + "into the " + a.target().name().toLowerCase(Locale.ROOT) + ", which the model "
                                    + "does not have");
                        }
                        paths.add(a);
                    }
                    result = result.withRoute(route, paths);
                    continue;
                }
                Mapping entry = tree.mapping(routeNode, routes.pathOf(key));
                List<Absorption> paths = model.routes().getOrDefault(route, List.of());
                if (paths.size() > 1 && !(entry.has("F") && entry.has("ka"))) {
                    throw tree.error(routeNode, routes.pathOf(key), "route '" + key + "' of this model has "
                            + paths.size() + " absorption paths; give both F and ka to replace them with one "
                            + "first-order path");
                }
                result = result.withRoute(route, absorption(entry,
                        paths.size() == 1 ? Optional.of(paths.get(0)) : Optional.empty()));
            }
            return result;
        }

        private Optional<Peripheral> peripheral(Mapping c, String volumeKey, String flowKey) {
            if (!c.has(volumeKey) && !c.has(flowKey)) {
                return Optional.empty();
            }
            String missing = c.has(volumeKey) ? flowKey : volumeKey;
            if (!c.has(missing)) {
                throw tree.error(c.node(), c.path(), volumeKey + " and " + flowKey + " go together; " + missing
                        + " is missing");
            }
            return Optional.of(new Peripheral(positive(c, volumeKey, Dimension.VOLUME),
                    nonNegative(c, flowKey, Dimension.FLOW)));
        }

        private AllometricScaling scaling(Mapping s) {
            s.allowOnly(SCALING_KEYS);
            double ref = positive(s, "reference_weight", Dimension.BODY_WEIGHT);
            double volumes = tree.number(s.required("volumes"), s.pathOf("volumes"));
            double clearances = tree.number(s.required("clearances"), s.pathOf("clearances"));
            double peripheralVolumes = s.optional("peripheral_volumes")
                    .map(n -> tree.number(n, s.pathOf("peripheral_volumes"))).orElse(volumes);
            double flows = s.optional("flows").map(n -> tree.number(n, s.pathOf("flows"))).orElse(clearances);
            return new AllometricScaling(ref, volumes, clearances, peripheralVolumes, flows);
        }

        /** An absorption path: a new first-order one, or {@code base} with the values given replaced. */
        private Absorption absorption(Mapping r, Optional<Absorption> base) {
            r.allowOnly(ROUTE_KEYS);
            double f = r.has("F") || base.isEmpty() ? fraction(r, "F") : base.get().bioavailability();
            double ka = r.has("ka") || base.isEmpty() ? positive(r, "ka", Dimension.RATE_CONSTANT) : base.get().kaPerH();
            double lag = r.has("lag") ? nonNegative(r, "lag", Dimension.TIME) : base.map(Absorption::lagH).orElse(0.0);
            return base.map(b -> new Absorption(f, ka, lag, b.zeroOrderH(), b.target(), b.transit()))
                    .orElseGet(() -> new Absorption(f, ka, lag));
        }

        /** One absorption path of the list form: F (up to 1.5), ka, lag, zero_order, target, transit, devices. */
        private Absorption path(Mapping p) {
            p.allowOnly(PATH_KEYS);
            Node fNode = p.required("F");
            double f = tree.number(fNode, p.pathOf("F"));
            if (!(f >= 0 && f <= Absorption.MAX_BIOAVAILABILITY)) {
                throw tree.error(fNode, p.pathOf("F"), "must be between 0 and " + Absorption.MAX_BIOAVAILABILITY
                        + ", got " + tree.text(fNode, ""));
            }
            double ka = positive(p, "ka", Dimension.RATE_CONSTANT);
            double lag = p.has("lag") ? nonNegative(p, "lag", Dimension.TIME) : 0.0;
            double zeroOrder = p.has("zero_order") ? nonNegative(p, "zero_order", Dimension.TIME) : 0.0;
            AbsorptionTarget target = p.optional("target").map(n -> {
                String t = tree.text(n, p.pathOf("target"));
                return Arrays.stream(AbsorptionTarget.values()).filter(v -> v.name().equalsIgnoreCase(t)).findFirst()
                        .orElseThrow(() -> tree.error(n, p.pathOf("target"), "unknown target '" + t
                                + "'; use central, liver or metabolism"));
            }).orElse(AbsorptionTarget.CENTRAL);
            Optional<TransitChain> transit = p.optional("transit")
                    .map(n -> transitChain(tree.mapping(n, p.pathOf("transit"))));
            Optional<DeviceDosing> devices = p.optional("devices").map(n -> {
                Mapping d = tree.mapping(n, p.pathOf("devices"));
                d.allowOnly(DEVICE_KEYS);
                double amount = weightNormalised(d, "amount", 1, Dimension.MASS, Dimension.MASS);
                if (!(amount > 0)) {
                    throw tree.error(d.required("amount"), d.pathOf("amount"), "must be positive");
                }
                Node later = d.required("later_F");
                double laterF = tree.number(later, d.pathOf("later_F"));
                if (!(laterF >= 0 && laterF <= Absorption.MAX_BIOAVAILABILITY)) {
                    throw tree.error(later, d.pathOf("later_F"), "must be between 0 and "
                            + Absorption.MAX_BIOAVAILABILITY + ", got " + tree.text(later, ""));
                }
                return new DeviceDosing(amount, nonNegative(d, "every", Dimension.TIME), laterF);
            });
            return new Absorption(f, ka, lag, zeroOrder, target, transit, devices);
        }

        private TransitChain transitChain(Mapping t) {
            t.allowOnly(TRANSIT_KEYS);
            Node n = t.required("compartments");
            double count = tree.number(n, t.pathOf("compartments"));
            if (count != Math.rint(count) || count < 1 || count > 20) {
                throw tree.error(n, t.pathOf("compartments"), "must be a whole number from 1 to 20, got "
                        + tree.text(n, ""));
            }
            return new TransitChain((int) count, positive(t, "mean_transit_time", Dimension.TIME));
        }

        private HepaticCompartment liver(Mapping h) {
            h.allowOnly(LIVER_KEYS);
            return new HepaticCompartment(positive(h, "V", Dimension.VOLUME), positive(h, "Q", Dimension.FLOW),
                    nonNegative(h, "k_elimination", Dimension.RATE_CONSTANT),
                    nonNegative(h, "k_metabolite", Dimension.RATE_CONSTANT));
        }

        private Metabolite metabolite(Mapping m) {
            m.allowOnly(METABOLITE_KEYS);
            String name = m.optional("name").map(n -> tree.text(n, m.pathOf("name"))).orElse("metabolite");
            double fraction = fraction(m, "fraction");
            double ratio = 1.0;
            if (m.has("molar_mass_ratio")) {
                Node n = m.required("molar_mass_ratio");
                ratio = tree.number(n, m.pathOf("molar_mass_ratio"));
                if (!(ratio > 0)) {
                    throw tree.error(n, m.pathOf("molar_mass_ratio"), "must be positive, got " + ratio);
                }
            }
            Optional<TransitChain> delay = m.optional("formation_delay")
                    .map(n -> transitChain(tree.mapping(n, m.pathOf("formation_delay"))));
            return new Metabolite(name, fraction, ratio, positive(m, "V1", Dimension.VOLUME),
                    nonNegative(m, "CL", Dimension.FLOW), peripheral(m, "V2", "Q2"), delay);
        }

        // ---- regimen ----

        private record RegimenResult(Regimen regimen, Optional<String> setting, List<TitrationEvent> events) {
        }

        private RegimenResult regimen(Mapping r, PkModel model, double weight, RuleTitrationController controller) {
            r.allowOnly(REGIMEN_KEYS);
            Optional<String> setting = r.optional("setting").map(n -> {
                String s = tree.text(n, r.pathOf("setting"));
                if (!SETTINGS.contains(s)) {
                    throw tree.error(n, r.pathOf("setting"), "unknown setting '" + s + "'; use inpatient or outpatient");
                }
                return s;
            });
            Route defaultRoute = r.optional("route").map(n -> route(n, r.pathOf("route"), model)).orElse(Route.IV);
            Node dosesNode = r.required("doses");
            List<Node> items = tree.sequence(dosesNode, r.pathOf("doses"));
            if (items.isEmpty()) {
                throw tree.error(dosesNode, r.pathOf("doses"), "the list of doses is empty");
            }
            List<Dose> doses = new ArrayList<>();
            List<TitrationRule> rules = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Mapping d = tree.mapping(items.get(i), r.pathOf("doses") + "[" + i + "]");
                if (d.has("titration")) {
                    rules.add(rule(d, defaultRoute, model, weight));
                } else {
                    doses.add(dose(d, defaultRoute, model, weight));
                }
            }
            if (!rules.isEmpty() && r.has("repeat")) {
                throw tree.error(r.required("repeat"), r.pathOf("repeat"), "a course with a rule-based titration "
                        + "cannot be repeated (the rules decide on the patient as the course goes)");
            }
            List<TitrationEvent> events = new ArrayList<>();
            for (TitrationRule rule : rules) {
                RuleTitrationController.Resolution resolved = controller.resolve(rule, doses);
                doses.add(resolved.steps());
                events.addAll(resolved.events());
            }
            Regimen regimen = new Regimen(doses);
            if (r.has("repeat")) {
                Mapping rep = tree.mapping(r.required("repeat"), r.pathOf("repeat"));
                rep.allowOnly(REPEAT_KEYS);
                double every = positiveTime(rep, "every");
                long count = wholeNumber(rep.required("count"), rep.pathOf("count"), 1, 10_000);
                regimen = regimen.repeated(every, (int) count);
            }
            return new RegimenResult(regimen, setting, events);
        }

        private Route route(Node node, String path, PkModel model) {
            String id = tree.text(node, path);
            Route route = Route.fromId(id).orElseThrow(() -> tree.error(node, path,
                    "unknown route '" + id + "'; routes: " + Route.allIds()));
            if (route.isExtravascular() && !model.routes().containsKey(route)) {
                String supported = model.routes().keySet().stream().map(Route::id).reduce("iv", (a, b) -> a + ", " + b);
                throw tree.error(node, path, "the model has no '" + id + "' route (add it under model.routes; "
                        + "the model supports: " + supported + ")");
            }
            return route;
        }

        private Dose dose(Mapping d, Route defaultRoute, PkModel model, double weight) {
            d.allowOnly(DOSE_KEYS);
            List<String> kinds = DOSE_KINDS.stream().filter(d::has).toList();
            if (kinds.size() != 1) {
                throw tree.error(d.node(), d.path(), kinds.isEmpty()
                        ? "a dose needs one of bolus, infusion or steps"
                        : "a dose has exactly one of bolus, infusion or steps, got " + String.join(" and ", kinds));
            }
            String kind = kinds.get(0);
            if (d.has("over") && !kind.equals("bolus")) {
                throw tree.error(d.required("over"), d.pathOf("over"), "'over' belongs to a bolus, not to " + kind);
            }
            double at = d.has("at") ? nonNegative(d, "at", Dimension.TIME) : 0.0;
            Route route = d.optional("route").map(n -> route(n, d.pathOf("route"), model)).orElse(defaultRoute);
            switch (kind) {
                case "bolus": {
                    double amount = dose(d, "bolus", weight);
                    Quantity written = tree.quantity(d.required("bolus"), d.pathOf("bolus"), Dimension.MASS,
                            Dimension.MASS_PER_WEIGHT);
                    if (d.has("over")) {
                        double over = positiveTime(d, "over");
                        Plausibility.rate(tree.text(d.required("bolus"), ""), written, amount / over, weight)
                                .ifPresent(p -> warn(d, "bolus",
                                "given over " + tree.text(d.required("over"), "") + ", " + p));
                        return ConstantInfusion.ofAmount(at, amount, over, route);
                    }
                    Plausibility.bolus(tree.text(d.required("bolus"), ""), written, amount, weight, route)
                            .ifPresent(p -> warn(d, "bolus", p));
                    return Bolus.of(at, amount, route);
                }
                case "infusion":
                    return infusion(tree.mapping(d.required("infusion"), d.pathOf("infusion")), at, route, weight);
                default:
                    return steps(d, at, route, weight);
            }
        }

        /** A rule-based titration: {@code titration: {start, step, every, duration, [max], [conditions]}}. */
        private TitrationRule rule(Mapping d, Route defaultRoute, PkModel model, double weight) {
            d.allowOnly(List.of("titration", "at", "route"));
            double at = d.has("at") ? nonNegative(d, "at", Dimension.TIME) : 0.0;
            Route route = d.optional("route").map(n -> route(n, d.pathOf("route"), model)).orElse(defaultRoute);
            Mapping t = tree.mapping(d.required("titration"), d.pathOf("titration"));
            t.allowOnly(RULE_KEYS);
            double start = rate(t, "start", weight);
            double step = rate(t, "step", weight);
            double every = positiveTime(t, "every");
            double duration = positiveTime(t, "duration");
            if (duration / every > MAX_TITRATION_STEPS) {
                throw tree.error(t.required("every"), t.pathOf("every"), "more than " + MAX_TITRATION_STEPS
                        + " decisions");
            }
            double max = t.has("max") ? rate(t, "max", weight) : Double.POSITIVE_INFINITY;
            double reduceBy = step;
            double reduceFraction = Double.NaN;
            if (t.has("reduce_by")) {
                Node n = t.required("reduce_by");
                String text = tree.text(n, t.pathOf("reduce_by")).trim();
                if (text.endsWith("%")) {
                    double pct = tree.percent(n, t.pathOf("reduce_by"));
                    if (!(pct > 0 && pct <= 100)) {
                        throw tree.error(n, t.pathOf("reduce_by"), "a percentage from 0 to 100 is expected, got " + text);
                    }
                    reduceFraction = pct / 100;
                    reduceBy = Double.NaN;
                } else {
                    reduceBy = rate(t, "reduce_by", weight);
                }
            }
            Optional<Condition> hold = condition(t, "stop_raising_when", model);
            Optional<Condition> reduce = condition(t, "reduce_when", model);
            Optional<Condition> stop = condition(t, "stop_when", model);
            return new TitrationRule(at, start, step, every, max, duration, route, hold, reduce, reduceBy,
                    reduceFraction, stop);
        }

        private Optional<Condition> condition(Mapping t, String key, PkModel model) {
            if (!t.has(key)) {
                return Optional.empty();
            }
            Mapping c = tree.mapping(t.required(key), t.pathOf(key));
            c.allowOnly(CONDITION_KEYS);
            if (c.keys().isEmpty()) {
                throw tree.error(c.node(), c.path(), "a condition needs at least one of " + String.join(", ", CONDITION_KEYS));
            }
            if ((c.has("drug_high") || c.has("effect_concentration")) && model.effectSite().isEmpty()) {
                throw tree.error(c.node(), c.path(), "drug_high and effect_concentration need a model with an effect site");
            }
            if (c.has("nrs_reduction") && model.painEffectSite().isEmpty()) {
                throw tree.error(c.required("nrs_reduction"), c.pathOf("nrs_reduction"), "nrs_reduction needs the pain "
                        + "effect site of the built-in models");
            }
            OptionalDouble nrs = c.optional("nrs_reduction").map(n -> OptionalDouble.of(tree.number(n,
                    c.pathOf("nrs_reduction")))).orElse(OptionalDouble.empty());
            OptionalDouble high = c.optional("drug_high").map(n -> {
                double v = tree.number(n, c.pathOf("drug_high"));
                if (v < 0 || v > 1) {
                    throw tree.error(n, c.pathOf("drug_high"), "a probability from 0 to 1 is expected, got " + v);
                }
                return OptionalDouble.of(v);
            }).orElse(OptionalDouble.empty());
            OptionalDouble cp = c.has("concentration")
                    ? OptionalDouble.of(nonNegative(c, "concentration", Dimension.CONCENTRATION)) : OptionalDouble.empty();
            OptionalDouble ce = c.has("effect_concentration")
                    ? OptionalDouble.of(nonNegative(c, "effect_concentration", Dimension.CONCENTRATION))
                    : OptionalDouble.empty();
            return Optional.of(new Condition(nrs, high, cp, ce));
        }

        private Dose infusion(Mapping inf, double at, Route route, double weight) {
            boolean titration = inf.has("start") || inf.has("increment") || inf.has("every") || inf.has("max");
            if (!titration) {
                inf.allowOnly(CONSTANT_KEYS);
                double hours = positiveTime(inf, "duration");
                return new ConstantInfusion(at, hours, shortOrLongRate(inf, "rate", weight, hours, route), route);
            }
            if (inf.has("rate")) {
                throw tree.error(inf.required("rate"), inf.pathOf("rate"), "an infusion has either 'rate' (constant) or "
                        + "'start', 'increment', 'every' (titration schedule), not both");
            }
            inf.allowOnly(TITRATION_KEYS);
            double max = inf.has("max") ? rate(inf, "max", weight) : Double.POSITIVE_INFINITY;
            double start = rate(inf, "start", weight);
            double increment = rate(inf, "increment", weight);
            double every = positiveTime(inf, "every");
            double duration = positiveTime(inf, "duration");
            double steps = increment > 0 && Double.isFinite(max)
                    ? Math.min(Math.ceil((max - start) / increment) + 1, Math.ceil(duration / every))
                    : increment > 0 ? Math.ceil(duration / every) : 1;
            if (steps > MAX_TITRATION_STEPS) {
                throw tree.error(inf.required("every"), inf.pathOf("every"), String.format(Locale.ROOT,
                        "a step every %s over %s gives %.4g rate changes, more than the limit of %d",
                        tree.text(inf.required("every"), ""), tree.text(inf.required("duration"), ""), steps,
                        MAX_TITRATION_STEPS));
            }
            if (max < start) {
                warn(inf, "max", "the maximum is below the start rate, so the rate never rises");
            }
            return new TitrationSchedule(at, start, increment, every, max, duration, route);
        }

        private Dose steps(Mapping d, double at, Route route, double weight) {
            Node stepsNode = d.required("steps");
            List<Node> items = tree.sequence(stepsNode, d.pathOf("steps"));
            if (items.isEmpty()) {
                throw tree.error(stepsNode, d.pathOf("steps"), "the list of steps is empty");
            }
            List<StepSchedule.Step> steps = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Mapping s = tree.mapping(items.get(i), d.pathOf("steps") + "[" + i + "]");
                s.allowOnly(STEP_KEYS);
                double hours = positiveTime(s, "for");
                steps.add(new StepSchedule.Step(shortOrLongRate(s, "rate", weight, hours, route), hours));
            }
            return new StepSchedule(at, steps, route);
        }

        // ---- values ----

        private double dose(Mapping m, String key, double weight) {
            return weightNormalised(m, key, weight, Dimension.MASS, Dimension.MASS_PER_WEIGHT);
        }

        private double rate(Mapping m, String key, double weight) {
            double mgPerH = weightNormalised(m, key, weight, Dimension.RATE, Dimension.RATE_PER_WEIGHT);
            Quantity written = tree.quantity(m.required(key), m.pathOf(key), Dimension.RATE, Dimension.RATE_PER_WEIGHT);
            Plausibility.rate(tree.text(m.required(key), ""), written, mgPerH, weight)
                    .ifPresent(problem -> warn(m, key, problem));
            return mgPerH;
        }

        private double weightNormalised(Mapping m, String key, double weight, Dimension plain, Dimension perWeight) {
            Node node = m.required(key);
            Quantity q = tree.quantity(node, m.pathOf(key), plain, perWeight);
            if (q.value() < 0) {
                throw tree.error(node, m.pathOf(key), "must not be negative, got '" + tree.text(node, "") + "'");
            }
            return q.isPerWeight() ? q.internalValue() * weight : q.internalValue();
        }

        /**
         * A rate held for {@code hours}: judged as a rate when held for an hour or more, and by the
         * amount it gives (against the bolus limit) when shorter, as a TCI loading pulse is.
         */
        private double shortOrLongRate(Mapping m, String key, double weight, double hours, Route route) {
            if (hours >= 1) {
                return rate(m, key, weight);
            }
            double mgPerH = weightNormalised(m, key, weight, Dimension.RATE, Dimension.RATE_PER_WEIGHT);
            Quantity written = tree.quantity(m.required(key), m.pathOf(key), Dimension.RATE, Dimension.RATE_PER_WEIGHT);
            Plausibility.bolus(tree.text(m.required(key), "") + " for " + hours + " h", written, mgPerH * hours, weight,
                    route).ifPresent(problem -> warn(m, key, problem));
            return mgPerH;
        }

        private double positiveTime(Mapping m, String key) {
            return positive(m, key, Dimension.TIME);
        }

        private double positive(Mapping m, String key, Dimension dimension) {
            Node node = m.required(key);
            double v = tree.quantity(node, m.pathOf(key), dimension).internalValue();
            if (!(v > 0)) {
                throw tree.error(node, m.pathOf(key), "must be positive, got '" + tree.text(node, "") + "'");
            }
            return v;
        }

        private double nonNegative(Mapping m, String key, Dimension dimension) {
            Node node = m.required(key);
            double v = tree.quantity(node, m.pathOf(key), dimension).internalValue();
            if (v < 0) {
                throw tree.error(node, m.pathOf(key), "must not be negative, got '" + tree.text(node, "") + "'");
            }
            return v;
        }

        private double fraction(Mapping m, String key) {
            Node node = m.required(key);
            double v = tree.number(node, m.pathOf(key));
            if (v < 0 || v > 1) {
                throw tree.error(node, m.pathOf(key), "must be between 0 and 1, got " + tree.text(node, ""));
            }
            return v;
        }

        private void warn(Mapping m, String key, String problem) {
            warnings.add(file + ":" + m.keyLine(key) + ": " + m.pathOf(key) + ": " + problem);
        }
    }
}
