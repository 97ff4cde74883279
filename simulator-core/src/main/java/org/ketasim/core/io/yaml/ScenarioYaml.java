package org.ketasim.core.io.yaml;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ketasim.core.io.InputFileException;
import org.ketasim.core.io.InputFiles;
import org.ketasim.core.io.yaml.YamlTree.Mapping;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AbsorptionTarget;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.DeviceDosing;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.HepaticCompartment;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.TransitChain;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Origin;
import org.ketasim.core.scenario.Patient;
import org.ketasim.core.scenario.PopulationSpec;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Salt;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.ScenarioIds;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantity;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads scenario files of format v1 (and ketasim's extensions, see docs/scenario-format.md) into
 * {@link Scenario} values. Reading parses and checks: every key, type, unit and range is checked
 * with its file, line and key path, and the scenario is then compiled once to check it against its
 * model ({@link ScenarioCompiler}), without simulating. Writing is {@link ScenarioYamlWriter}.
 * Stateless and thread-safe.
 */
public final class ScenarioYaml {

    private static final List<String> TOP_KEYS = List.of("id", "title", "source", "notes", "drug", "salt", "model",
            "patient", "regimen", "simulation", "population");
    private static final List<String> BASED_MODEL_KEYS = List.of("base", "routes");
    private static final List<String> MODEL_KEYS = List.of("name", "compartments", "scaling", "routes", "metabolite",
            "second_metabolite", "liver", "effect", "variability", "residual_error");
    private static final List<String> LIVER_KEYS = List.of("V", "Q", "k_elimination", "k_metabolite");
    private static final List<String> PATH_KEYS = List.of("F", "ka", "lag", "zero_order", "target", "transit", "devices");
    private static final List<String> TRANSIT_KEYS = List.of("compartments", "mean_transit_time");
    private static final List<String> DEVICE_KEYS = List.of("amount", "every", "later_F");
    private static final List<String> COMPARTMENT_KEYS = List.of("V1", "CL", "V2", "Q2", "V3", "Q3");
    private static final List<String> SCALING_KEYS =
            List.of("reference_weight", "volumes", "clearances", "peripheral_volumes", "flows");
    private static final List<String> ROUTE_KEYS = List.of("F", "ka", "lag");
    private static final List<String> METABOLITE_KEYS =
            List.of("name", "fraction", "molar_mass_ratio", "V1", "CL", "V2", "Q2", "formation_delay");
    private static final List<String> EFFECT_KEYS = List.of("ke0");
    private static final List<String> VARIABILITY_KEYS = List.of("omega", "correlation");
    private static final List<String> RESIDUAL_KEYS = List.of("proportional", "exponential", "additive");
    private static final List<String> PATIENT_KEYS = List.of("weight", "baseline_nrs");
    private static final List<String> REGIMEN_KEYS = List.of("setting", "route", "doses", "repeat");
    private static final List<String> REPEAT_KEYS = List.of("every", "count");
    private static final List<String> DOSE_KEYS = List.of("bolus", "infusion", "steps", "titration", "at", "route",
            "over");
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
            "observations", "baseline_nrs_sd");

    /**
     * The largest scenario file read (bytes): four bytes per code point of the YAML parser's limit
     * of 1,000,000 code points, so that any text the parser would take fits.
     */
    public static final long MAX_FILE_BYTES = 4L * YamlTree.MAX_CODE_POINTS;

    private final ScenarioCompiler compiler;

    /** A reader that checks scenarios with the default row limit. */
    public ScenarioYaml() {
        this(new ScenarioCompiler());
    }

    /** @param compiler the compiler each scenario read is checked with (its limits) */
    public ScenarioYaml(ScenarioCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Reads and checks one scenario file.
     *
     * @param file a YAML file
     * @return the scenario
     * @throws ScenarioException if the file cannot be read or is not a valid scenario
     */
    public Scenario read(Path file) {
        return parse(file, readText(file));
    }

    /**
     * Reads and checks one scenario file, and gives it compiled.
     *
     * @param file a YAML file
     * @return the scenario, compiled
     * @throws ScenarioException if the file cannot be read or is not a valid scenario
     */
    public CompiledScenario load(Path file) {
        return compiler.compile(parseOnly(file, readText(file)));
    }

    /**
     * @param file a YAML file
     * @return its text
     * @throws ScenarioException if it is not a regular file, too large, not UTF-8 or cannot be read
     */
    public static String readText(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(InputFiles.read(file, MAX_FILE_BYTES)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file, 0, "", "the file is not UTF-8 text");
        } catch (InputFileException e) {
            throw new ScenarioException(file, 0, "", e.reason());
        } catch (java.io.IOException e) {
            throw new ScenarioException(file, 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * Reads and checks a scenario from text.
     *
     * @param file the file name used in messages and for the default id
     * @param text the YAML document
     * @return the scenario
     * @throws ScenarioException if the text is not a valid scenario
     */
    public Scenario parse(Path file, String text) {
        Scenario s = parseOnly(file, text);
        compiler.compile(s);
        return s;
    }

    private static Scenario parseOnly(Path file, String text) {
        try {
            Mapping root = YamlTree.parse(file, text);
            return root.tree().finish(() -> new Reading(root, file).scenario());
        } catch (ScenarioException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file, 0, "", e.getMessage());
        }
    }

    /**
     * A model read on its own, for tools that take a model rather than a scenario (NONMEM import).
     *
     * @param model    the model
     * @param weightKg the patient's weight, when the file is a whole scenario
     */
    public record ModelFile(ModelSpec model, Optional<Double> weightKg) {
    }

    /**
     * Reads a model from a YAML file holding a {@code model:} key (a built-in id or an inline map),
     * alone or as part of a whole scenario; in the latter case the scenario is checked whole and
     * its patient's weight is returned with the model.
     *
     * @param file the YAML file
     * @return the model, and the weight where the file has a patient
     * @throws ScenarioException if the file cannot be read or is not valid
     */
    public ModelFile readModel(Path file) {
        String text = readText(file);
        Mapping root = YamlTree.parse(file, text);
        if (root.keys().equals(java.util.Set.of("model"))) {
            return root.tree().finish(() -> new ModelFile(new Reading(root, file).model(root.required("model")),
                    Optional.empty()));
        }
        Scenario s = parse(file, text);
        return new ModelFile(s.model(), Optional.of(s.patient().weightKg()));
    }

    /** The absorption paths of one route of an inline model, with where they were written. */
    private record RoutePaths(Node node, String path, Route route, List<Absorption> paths) {
    }

    /** Reading one document. */
    private static final class Reading {
        private final Mapping root;
        private final YamlTree tree;
        private final Path file;

        Reading(Mapping root, Path file) {
            this.root = root;
            this.tree = root.tree();
            this.file = file;
        }

        /** Reads every part, recording the problems of each (see {@link YamlTree#attempt}). */
        Scenario scenario() {
            root.allowOnly(TOP_KEYS);
            Optional<String> id = tree.attempt(this::id);
            Optional<String> title = tree.attempt(() -> text("title"));
            Optional<String> source = tree.attempt(() -> text("source"));
            Optional<String> notes = tree.attempt(() -> text("notes"));
            Optional<Drug> drug = tree.attempt(() -> root.optional("drug").map(n -> {
                String text = tree.text(n, "drug");
                return Drug.fromId(text).orElseThrow(() -> tree.error(n, "drug",
                        "unknown drug '" + text + "'; use esketamine or ketamine"));
            }).orElse(Drug.ESKETAMINE));
            Optional<Salt> salt = tree.attempt(() -> root.optional("salt").map(n -> {
                String text = tree.text(n, "salt");
                return Salt.fromId(text).orElseThrow(() -> tree.error(n, "salt",
                        "unknown salt '" + text + "'; use base or hydrochloride"));
            }).orElse(Salt.BASE));
            Optional<ModelSpec> model = tree.attempt(() -> model(root.required("model")));
            Optional<Patient> patient = tree.attempt(this::patient);
            Optional<RegimenSpec> regimen = tree.attempt(() -> regimen(tree.mapping(root.required("regimen"),
                    "regimen")));
            Optional<SimulationSpec> simulation = tree.attempt(this::simulation);
            Optional<Optional<PopulationSpec>> population = tree.attempt(this::population);
            Map<String, Integer> lines = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            YamlTree.positions(root, lines, texts);
            return Scenario.builder()
                    .origin(Optional.of(new Origin(file, lines, texts)))
                    .id(tree.valueOf(id)).title(tree.valueOf(title)).source(tree.valueOf(source))
                    .notes(tree.valueOf(notes))
                    .drug(tree.valueOf(drug)).salt(tree.valueOf(salt))
                    .model(tree.valueOf(model))
                    .patient(tree.valueOf(patient))
                    .regimen(tree.valueOf(regimen))
                    .simulation(tree.valueOf(simulation))
                    .population(tree.valueOf(population))
                    .build();
        }

        private String text(String key) {
            return root.optional(key).map(n -> tree.text(n, key)).orElse("");
        }

        private String id() {
            Optional<Node> node = root.optional("id");
            String fileName = String.valueOf(file.getFileName());
            String id = node.map(n -> tree.text(n, "id")).orElse(fileName.replaceFirst("\\.ya?ml$", ""));
            if (!ScenarioIds.isSafe(id)) {
                String problem = ScenarioIds.problem(id);
                throw node.map(n -> tree.error(n, "id", problem)).orElseGet(() -> new ScenarioException(file, 0,
                        "id", problem + " (it comes from the file name; set 'id:' in the file)"));
            }
            return id;
        }

        private Patient patient() {
            Mapping p = tree.mapping(root.required("patient"), "patient");
            p.allowOnly(PATIENT_KEYS);
            Optional<Quantity> weight = tree.attempt(() -> tree.quantity(p.required("weight"), "patient.weight",
                    Dimension.BODY_WEIGHT));
            Optional<Optional<Double>> baseline = tree.attempt(() -> p.optional("baseline_nrs").map(n -> {
                double v = tree.number(n, "patient.baseline_nrs");
                if (v < 0 || v > 10) {
                    throw tree.error(n, "patient.baseline_nrs", "an NRS pain score is from 0 to 10, got " + v);
                }
                return v;
            }));
            return new Patient(tree.valueOf(weight), tree.valueOf(baseline));
        }

        private SimulationSpec simulation() {
            Mapping m = tree.mapping(root.required("simulation"), "simulation");
            m.allowOnly(SIMULATION_KEYS);
            Optional<Quantity> duration = tree.attempt(() -> positive(m, "duration", Dimension.TIME));
            Optional<Quantity> step = tree.attempt(() -> positive(m, "step", Dimension.TIME));
            return new SimulationSpec(tree.valueOf(duration), tree.valueOf(step));
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
            Optional<Quantity> weightSd = p.optional("weight_sd").map(n -> {
                Quantity q = tree.quantity(n, p.pathOf("weight_sd"), Dimension.BODY_WEIGHT);
                if (!(q.internalValue() >= 0 && q.internalValue() <= 100)) {
                    throw tree.error(n, p.pathOf("weight_sd"), "must be 0 to 100 kg, got '" + tree.text(n, "") + "'");
                }
                return q;
            });
            Optional<Double> baselineNrsSd = p.optional("baseline_nrs_sd").map(n -> {
                double v = tree.number(n, p.pathOf("baseline_nrs_sd"));
                if (!(v >= 0 && v <= PopulationSettings.MAX_BASELINE_NRS_SD)) {
                    throw tree.error(n, p.pathOf("baseline_nrs_sd"), "must be 0 to "
                            + PopulationSettings.MAX_BASELINE_NRS_SD + " NRS points, got " + tree.text(n, ""));
                }
                return v;
            });
            List<Double> percentiles = new ArrayList<>();
            p.optional("percentiles").ifPresent(n -> {
                List<Node> items = tree.sequence(n, p.pathOf("percentiles"));
                if (items.isEmpty()) {
                    throw tree.error(n, p.pathOf("percentiles"), "give at least one percentile");
                }
                for (int i = 0; i < items.size(); i++) {
                    String path = p.pathOf("percentiles") + "[" + i + "]";
                    double v = tree.number(items.get(i), path);
                    if (!(v > 0 && v < 100) || i > 0 && !(v > percentiles.get(i - 1))) {
                        throw tree.error(items.get(i), path, "percentiles must be ascending, each above 0 and below "
                                + "100, got " + tree.text(items.get(i), ""));
                    }
                    percentiles.add(v);
                }
            });
            List<Quantity> observations = new ArrayList<>();
            p.optional("observations").ifPresent(n -> {
                List<Node> items = tree.sequence(n, p.pathOf("observations"));
                for (int i = 0; i < items.size(); i++) {
                    String path = p.pathOf("observations") + "[" + i + "]";
                    Quantity q = tree.quantity(items.get(i), path, Dimension.TIME);
                    double t = q.internalValue();
                    if (!(t >= 0) || i > 0 && !(t > observations.get(i - 1).internalValue())) {
                        throw tree.error(items.get(i), path, "observation times must be ascending and >= 0, got '"
                                + tree.text(items.get(i), "") + "'");
                    }
                    observations.add(q);
                }
            });
            return Optional.of(new PopulationSpec(subjects, seed, weightSd, percentiles, observations, baselineNrsSd));
        }

        private long wholeNumber(Node node, String path, long lowest, long highest) {
            double v = tree.number(node, path);
            if (v != Math.rint(v) || v < lowest || v > highest) {
                throw tree.error(node, path, "must be a whole number from " + lowest + " to " + highest + ", got '"
                        + tree.text(node, "") + "'");
            }
            return (long) v;
        }

        // ---- model ----

        ModelSpec model(Node node) {
            if (!(node instanceof MappingNode)) {
                return ModelSpec.BuiltIn.of(tree.text(node, "model"));
            }
            Mapping m = tree.mapping(node, "model");
            if (m.has("base")) {
                m.allowOnly(BASED_MODEL_KEYS);
                String id = tree.text(m.required("base"), "model.base");
                Map<Route, ModelSpec.RouteOverride> routes = new EnumMap<>(Route.class);
                if (m.has("routes")) {
                    Mapping r = tree.mapping(m.required("routes"), "model.routes");
                    for (String key : r.keys()) {
                        Route route = route(r.required(key), key, r.pathOf(key));
                        routes.put(route, override(r, key));
                    }
                }
                return new ModelSpec.BuiltIn(id, routes);
            }
            m.allowOnly(MODEL_KEYS);
            try {
                return inline(m);
            } catch (ScenarioException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw tree.error(m.node(), "model", e.getMessage());
            }
        }

        /** An inline model: each of its parts read on its own, then put together. */
        private ModelSpec.Inline inline(Mapping m) {
            String name = tree.valueOf(tree.attempt(() -> m.optional("name").map(n -> tree.text(n, "model.name"))
                    .orElse("inline")));
            Optional<PkModel> compartments = tree.attempt(() -> compartments(m, name));
            Optional<Optional<AllometricScaling>> scaling = tree.attempt(() -> m.optional("scaling")
                    .map(n -> scaling(tree.mapping(n, "model.scaling"))));
            Optional<Optional<HepaticCompartment>> liver = tree.attempt(() -> m.optional("liver")
                    .map(n -> liver(tree.mapping(n, "model.liver"))));
            Optional<Optional<Metabolite>> metabolite = tree.attempt(() -> m.optional("metabolite")
                    .map(n -> metabolite(tree.mapping(n, "model.metabolite"))));
            Optional<Optional<Metabolite>> second = tree.attempt(() -> m.optional("second_metabolite").map(n -> {
                if (!m.has("metabolite")) {
                    throw tree.error(n, "model.second_metabolite",
                            "a second metabolite is formed from the first: add model.metabolite");
                }
                return metabolite(tree.mapping(n, "model.second_metabolite"));
            }));
            Optional<List<RoutePaths>> routes = tree.attempt(() -> m.optional("routes")
                    .map(n -> inlineRoutes(tree.mapping(n, "model.routes"))).orElse(List.of()));
            Optional<Optional<EffectSite>> effect = tree.attempt(() -> m.optional("effect").map(n -> {
                Mapping e = tree.mapping(n, "model.effect");
                e.allowOnly(EFFECT_KEYS);
                return new EffectSite(positiveValue(e, "ke0", Dimension.RATE_CONSTANT));
            }));
            Optional<Optional<ModelSpec.InlineVariability>> variability = tree.attempt(() -> m.optional("variability")
                    .map(n -> variability(tree.mapping(n, "model.variability"))));
            Optional<Optional<ResidualError>> residual = tree.attempt(() -> m.optional("residual_error")
                    .map(n -> residual(tree.mapping(n, "model.residual_error"))));
            PkModel model = tree.valueOf(compartments);
            model = tree.valueOf(scaling).map(model::withScaling).orElse(model);
            model = tree.valueOf(liver).map(model::withLiver).orElse(model);
            model = tree.valueOf(metabolite).map(model::withMetabolite).orElse(model);
            model = tree.valueOf(second).map(model::withSecondMetabolite).orElse(model);
            for (RoutePaths r : tree.valueOf(routes)) {
                for (int i = 0; i < r.paths().size(); i++) {
                    Absorption a = r.paths().get(i);
                    if (a.target() == AbsorptionTarget.LIVER && model.liver().isEmpty()
                            || a.target() == AbsorptionTarget.METABOLISM && model.metabolite().isEmpty()) {
                        throw tree.error(r.node(), r.path() + "[" + i + "].target", "the path goes into the "
                                + a.target().name().toLowerCase(Locale.ROOT) + ", which the model does not have");
                    }
                }
                model = model.withRoute(r.route(), r.paths());
            }
            model = tree.valueOf(effect).map(model::withEffectSite).orElse(model);
            return new ModelSpec.Inline(model, tree.valueOf(variability), tree.valueOf(residual));
        }

        /** {@code model.compartments}: V1 and CL, then Q2/V2 and Q3/V3 in order. */
        private PkModel compartments(Mapping m, String name) {
            Mapping c = tree.mapping(m.required("compartments"), "model.compartments");
            c.allowOnly(COMPARTMENT_KEYS);
            Optional<Double> v1 = tree.attempt(() -> positiveValue(c, "V1", Dimension.VOLUME));
            Optional<Double> cl = tree.attempt(() -> nonNegativeValue(c, "CL", Dimension.FLOW));
            Optional<Optional<Peripheral>> second = tree.attempt(() -> peripheral(c, "V2", "Q2"));
            Optional<Optional<Peripheral>> third = tree.attempt(() -> peripheral(c, "V3", "Q3"));
            PkModel model = PkModel.of(name, tree.valueOf(v1), tree.valueOf(cl));
            if (tree.valueOf(third).isPresent() && tree.valueOf(second).isEmpty()) {
                throw tree.error(c.node(), c.path(), "V3 and Q3 need V2 and Q2 (compartments are filled in order)");
            }
            for (Optional<Peripheral> p : List.of(tree.valueOf(second), tree.valueOf(third))) {
                if (p.isPresent()) {
                    model = model.withPeripheral(p.get());
                }
            }
            return model;
        }

        /** {@code model.routes} of an inline model: each route's absorption paths, each route read on its own. */
        private List<RoutePaths> inlineRoutes(Mapping r) {
            List<Optional<RoutePaths>> read = new ArrayList<>();
            for (String key : r.keys()) {
                Optional<Route> route = tree.attempt(() -> route(r.required(key), key, r.pathOf(key)));
                Optional<List<Absorption>> paths = tree.attempt(() -> {
                    ModelSpec.RouteOverride o = override(r, key);
                    return o.paths().isEmpty()
                            ? List.of(new Absorption(o.bioavailability().orElseThrow(() -> tree.error(r.required(key),
                                    r.pathOf(key) + ".F", "the required key is missing")),
                                    o.kaPerH().orElseThrow(() -> tree.error(r.required(key), r.pathOf(key) + ".ka",
                                            "the required key is missing")), o.lagH().orElse(0.0)))
                            : o.paths();
                });
                read.add(tree.attempt(() -> new RoutePaths(r.required(key), r.pathOf(key), tree.valueOf(route),
                        tree.valueOf(paths))));
            }
            return read.stream().map(tree::valueOf).toList();
        }

        private ModelSpec.InlineVariability variability(Mapping v) {
            v.allowOnly(VARIABILITY_KEYS);
            Map<String, Double> omega = new LinkedHashMap<>();
            Mapping o = tree.mapping(v.required("omega"), v.pathOf("omega"));
            if (o.keys().isEmpty()) {
                throw tree.error(o.node(), o.path(), "give the variance of at least one parameter, e.g. {CL: 0.09}");
            }
            for (String key : o.keys()) {
                double value = tree.number(o.required(key), o.pathOf(key));
                if (!(value >= 0)) {
                    throw tree.error(o.required(key), o.pathOf(key), "a variance must be >= 0, got " + value);
                }
                omega.put(key, value);
            }
            Map<String, Double> correlation = new LinkedHashMap<>();
            v.optional("correlation").ifPresent(n -> {
                Mapping c = tree.mapping(n, v.pathOf("correlation"));
                for (String key : c.keys()) {
                    correlation.put(key, tree.number(c.required(key), c.pathOf(key)));
                }
            });
            return new ModelSpec.InlineVariability(omega, correlation);
        }

        private ResidualError residual(Mapping r) {
            r.allowOnly(RESIDUAL_KEYS);
            if (r.has("proportional") && r.has("exponential")) {
                throw tree.error(r.node(), r.path(), "give a proportional or an exponential error, not both");
            }
            ResidualError.Kind kind = r.has("exponential") ? ResidualError.Kind.EXPONENTIAL
                    : ResidualError.Kind.PROPORTIONAL;
            String key = kind == ResidualError.Kind.EXPONENTIAL ? "exponential" : "proportional";
            double sd = r.optional(key).map(n -> {
                double v = tree.number(n, r.pathOf(key));
                if (!(v >= 0 && v <= ResidualError.MAX_SD)) {
                    throw tree.error(n, r.pathOf(key), "a standard deviation must be from 0 to "
                            + (int) ResidualError.MAX_SD + " (a " + (int) (100 * ResidualError.MAX_SD)
                            + " % coefficient of variation), got " + v);
                }
                return v;
            }).orElse(0.0);
            double additive = r.has("additive") ? nonNegativeValue(r, "additive", Dimension.CONCENTRATION) : 0.0;
            if (r.keys().isEmpty()) {
                throw tree.error(r.node(), r.path(), "give at least one of " + String.join(", ", RESIDUAL_KEYS));
            }
            return new ResidualError(ResidualError.Analyte.PARENT, kind, sd, additive);
        }

        private Route route(Node node, String id, String path) {
            return Route.fromId(id).orElseThrow(() -> tree.error(node, path, "unknown route '" + id + "'; routes: "
                    + Route.allIds()));
        }

        /** A route entry: the list form (absorption paths) or a map of F, ka and lag, each optional here. */
        private ModelSpec.RouteOverride override(Mapping routes, String key) {
            Node node = routes.required(key);
            String path = routes.pathOf(key);
            if (key.equalsIgnoreCase("iv")) {
                throw tree.error(node, path, "the iv route has no absorption parameters");
            }
            if (node instanceof SequenceNode) {
                List<Node> items = tree.sequence(node, path);
                if (items.isEmpty()) {
                    throw tree.error(node, path, "the list of absorption paths is empty");
                }
                List<Absorption> paths = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    paths.add(absorptionPath(tree.mapping(items.get(i), path + "[" + i + "]")));
                }
                return new ModelSpec.RouteOverride(Optional.empty(), Optional.empty(), Optional.empty(), paths);
            }
            Mapping entry = tree.mapping(node, path);
            entry.allowOnly(ROUTE_KEYS);
            Optional<Double> f = entry.has("F") ? Optional.of(fraction(entry, "F", 1)) : Optional.empty();
            Optional<Double> ka = entry.has("ka") ? Optional.of(positiveValue(entry, "ka", Dimension.RATE_CONSTANT))
                    : Optional.empty();
            Optional<Double> lag = entry.has("lag") ? Optional.of(nonNegativeValue(entry, "lag", Dimension.TIME))
                    : Optional.empty();
            return new ModelSpec.RouteOverride(f, ka, lag, List.of());
        }

        /** One absorption path of the list form: F (up to 1.5), ka, lag, zero_order, target, transit, devices. */
        private Absorption absorptionPath(Mapping p) {
            p.allowOnly(PATH_KEYS);
            double f = fraction(p, "F", Absorption.MAX_BIOAVAILABILITY);
            double ka = positiveValue(p, "ka", Dimension.RATE_CONSTANT);
            double lag = p.has("lag") ? nonNegativeValue(p, "lag", Dimension.TIME) : 0.0;
            double zeroOrder = p.has("zero_order") ? nonNegativeValue(p, "zero_order", Dimension.TIME) : 0.0;
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
                double amount = positiveValue(d, "amount", Dimension.MASS);
                if (amount < 1e-6) {
                    throw tree.error(d.required("amount"), d.pathOf("amount"), "a device gives at least 1 ug (1e-6 mg), "
                            + "got '" + tree.text(d.required("amount"), "") + "'");
                }
                return new DeviceDosing(amount, nonNegativeValue(d, "every", Dimension.TIME),
                        fraction(d, "later_F", Absorption.MAX_BIOAVAILABILITY));
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
            return new TransitChain((int) count, positiveValue(t, "mean_transit_time", Dimension.TIME));
        }

        private HepaticCompartment liver(Mapping h) {
            h.allowOnly(LIVER_KEYS);
            return new HepaticCompartment(positiveValue(h, "V", Dimension.VOLUME), positiveValue(h, "Q", Dimension.FLOW),
                    nonNegativeValue(h, "k_elimination", Dimension.RATE_CONSTANT),
                    nonNegativeValue(h, "k_metabolite", Dimension.RATE_CONSTANT));
        }

        private Metabolite metabolite(Mapping m) {
            m.allowOnly(METABOLITE_KEYS);
            String name = m.optional("name").map(n -> tree.text(n, m.pathOf("name"))).orElse("metabolite");
            double fraction = fraction(m, "fraction", 1);
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
            return new Metabolite(name, fraction, ratio, positiveValue(m, "V1", Dimension.VOLUME),
                    nonNegativeValue(m, "CL", Dimension.FLOW), peripheral(m, "V2", "Q2"), delay);
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
            return Optional.of(new Peripheral(positiveValue(c, volumeKey, Dimension.VOLUME),
                    nonNegativeValue(c, flowKey, Dimension.FLOW)));
        }

        private AllometricScaling scaling(Mapping s) {
            s.allowOnly(SCALING_KEYS);
            double ref = positiveValue(s, "reference_weight", Dimension.BODY_WEIGHT);
            double volumes = tree.number(s.required("volumes"), s.pathOf("volumes"));
            double clearances = tree.number(s.required("clearances"), s.pathOf("clearances"));
            double peripheralVolumes = s.optional("peripheral_volumes")
                    .map(n -> tree.number(n, s.pathOf("peripheral_volumes"))).orElse(volumes);
            double flows = s.optional("flows").map(n -> tree.number(n, s.pathOf("flows"))).orElse(clearances);
            return new AllometricScaling(ref, volumes, clearances, peripheralVolumes, flows);
        }

        // ---- regimen ----

        private RegimenSpec regimen(Mapping r) {
            r.allowOnly(REGIMEN_KEYS);
            Optional<Optional<String>> setting = tree.attempt(() -> r.optional("setting")
                    .map(n -> tree.text(n, r.pathOf("setting"))));
            Optional<Optional<Route>> route = tree.attempt(() -> r.optional("route").map(n -> {
                String id = tree.text(n, r.pathOf("route"));
                return route(n, id, r.pathOf("route"));
            }));
            Optional<List<DoseSpec>> doses = tree.attempt(() -> doses(r));
            Optional<Optional<RegimenSpec.Repeat>> repeat = tree.attempt(() -> r.optional("repeat").map(n -> {
                Mapping rep = tree.mapping(n, r.pathOf("repeat"));
                rep.allowOnly(REPEAT_KEYS);
                Optional<Quantity> every = tree.attempt(() -> positive(rep, "every", Dimension.TIME));
                Optional<Long> count = tree.attempt(() -> wholeNumber(rep.required("count"), rep.pathOf("count"), 1,
                        10_000));
                return new RegimenSpec.Repeat(tree.valueOf(every), (int) (long) tree.valueOf(count));
            }));
            return new RegimenSpec(tree.valueOf(setting), tree.valueOf(route), tree.valueOf(doses),
                    tree.valueOf(repeat));
        }

        /** Every dose of the list, each read on its own. */
        private List<DoseSpec> doses(Mapping r) {
            Node dosesNode = r.required("doses");
            List<Node> items = tree.sequence(dosesNode, r.pathOf("doses"));
            if (items.isEmpty()) {
                throw tree.error(dosesNode, r.pathOf("doses"), "the list of doses is empty");
            }
            List<Optional<DoseSpec>> doses = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String path = r.pathOf("doses") + "[" + i + "]";
                Node item = items.get(i);
                doses.add(tree.attempt(() -> dose(tree.mapping(item, path))));
            }
            return doses.stream().map(tree::valueOf).toList();
        }

        private DoseSpec dose(Mapping d) {
            if (d.has("titration")) {
                return rule(d);
            }
            d.allowOnly(DOSE_KEYS);
            List<String> kinds = DOSE_KINDS.stream().filter(d::has).toList();
            if (kinds.size() != 1) {
                throw tree.error(d.node(), d.path(), kinds.isEmpty()
                        ? "a dose needs one of bolus, infusion, steps or titration"
                        : "a dose has exactly one of bolus, infusion or steps, got " + String.join(" and ", kinds));
            }
            String kind = kinds.get(0);
            if (d.has("over") && !kind.equals("bolus")) {
                throw tree.error(d.required("over"), d.pathOf("over"), "'over' belongs to a bolus, not to " + kind);
            }
            Optional<Optional<Quantity>> at = tree.attempt(() -> at(d));
            Optional<Optional<Route>> route = tree.attempt(() -> doseRoute(d));
            Optional<DoseSpec> dose;
            switch (kind) {
                case "bolus":
                    Optional<Quantity> amount = tree.attempt(() -> nonNegative(d, "bolus", Dimension.MASS,
                            Dimension.MASS_PER_WEIGHT));
                    Optional<Optional<Quantity>> over = tree.attempt(() -> d.has("over")
                            ? Optional.of(positive(d, "over", Dimension.TIME)) : Optional.empty());
                    return new DoseSpec.Bolus(tree.valueOf(at), tree.valueOf(route), tree.valueOf(amount),
                            tree.valueOf(over));
                case "infusion":
                    dose = tree.attempt(() -> infusion(tree.mapping(d.required("infusion"), d.pathOf("infusion")),
                            tree.valueOf(at), tree.valueOf(route)));
                    break;
                default:
                    dose = tree.attempt(() -> steps(d, tree.valueOf(at), tree.valueOf(route)));
            }
            return tree.valueOf(dose);
        }

        private Optional<Quantity> at(Mapping d) {
            return d.has("at") ? Optional.of(nonNegative(d, "at", Dimension.TIME)) : Optional.empty();
        }

        private Optional<Route> doseRoute(Mapping d) {
            return d.optional("route").map(n -> route(n, tree.text(n, d.pathOf("route")), d.pathOf("route")));
        }

        private DoseSpec infusion(Mapping inf, Optional<Quantity> at, Optional<Route> route) {
            boolean schedule = inf.has("start") || inf.has("increment") || inf.has("every") || inf.has("max");
            if (!schedule) {
                inf.allowOnly(CONSTANT_KEYS);
                Optional<Quantity> rate = tree.attempt(() -> rate(inf, "rate"));
                Optional<Quantity> duration = tree.attempt(() -> positive(inf, "duration", Dimension.TIME));
                return new DoseSpec.Infusion(at, route, tree.valueOf(rate), tree.valueOf(duration));
            }
            if (inf.has("rate")) {
                throw tree.error(inf.required("rate"), inf.pathOf("rate"), "an infusion has either 'rate' (constant) "
                        + "or 'start', 'increment', 'every' (titration schedule), not both");
            }
            inf.allowOnly(TITRATION_KEYS);
            Optional<Quantity> start = tree.attempt(() -> rate(inf, "start"));
            Optional<Quantity> increment = tree.attempt(() -> rate(inf, "increment"));
            Optional<Quantity> every = tree.attempt(() -> positive(inf, "every", Dimension.TIME));
            Optional<Optional<Quantity>> max = tree.attempt(() -> inf.has("max") ? Optional.of(rate(inf, "max"))
                    : Optional.empty());
            Optional<Quantity> duration = tree.attempt(() -> positive(inf, "duration", Dimension.TIME));
            return new DoseSpec.Schedule(at, route, tree.valueOf(start), tree.valueOf(increment), tree.valueOf(every),
                    tree.valueOf(max), tree.valueOf(duration));
        }

        private DoseSpec steps(Mapping d, Optional<Quantity> at, Optional<Route> route) {
            Node stepsNode = d.required("steps");
            List<Node> items = tree.sequence(stepsNode, d.pathOf("steps"));
            if (items.isEmpty()) {
                throw tree.error(stepsNode, d.pathOf("steps"), "the list of steps is empty");
            }
            List<Optional<DoseSpec.Step>> steps = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String path = d.pathOf("steps") + "[" + i + "]";
                steps.add(tree.attempt(() -> {
                    Mapping s = tree.mapping(item, path);
                    s.allowOnly(STEP_KEYS);
                    Optional<Quantity> rate = tree.attempt(() -> rate(s, "rate"));
                    Optional<Quantity> duration = tree.attempt(() -> positive(s, "for", Dimension.TIME));
                    return new DoseSpec.Step(tree.valueOf(rate), tree.valueOf(duration));
                }));
            }
            return new DoseSpec.Steps(at, route, steps.stream().map(tree::valueOf).toList());
        }

        /** A rule-based titration: {@code titration: {start, step, every, duration, [max], [conditions]}}. */
        private DoseSpec rule(Mapping d) {
            d.allowOnly(List.of("titration", "at", "route"));
            Mapping t = tree.mapping(d.required("titration"), d.pathOf("titration"));
            t.allowOnly(RULE_KEYS);
            Optional<Optional<DoseSpec.Reduction>> reduceBy = tree.attempt(() -> t.optional("reduce_by").map(n -> {
                String text = tree.text(n, t.pathOf("reduce_by")).trim();
                if (text.endsWith("%")) {
                    return new DoseSpec.Reduction(Optional.empty(), OptionalDouble.of(tree.percent(n,
                            t.pathOf("reduce_by"))));
                }
                return new DoseSpec.Reduction(Optional.of(rate(t, "reduce_by")), OptionalDouble.empty());
            }));
            Optional<Optional<Quantity>> at = tree.attempt(() -> at(d));
            Optional<Optional<Route>> route = tree.attempt(() -> doseRoute(d));
            Optional<Quantity> start = tree.attempt(() -> rate(t, "start"));
            Optional<Quantity> step = tree.attempt(() -> rate(t, "step"));
            Optional<Quantity> every = tree.attempt(() -> positive(t, "every", Dimension.TIME));
            Optional<Optional<Quantity>> max = tree.attempt(() -> t.has("max") ? Optional.of(rate(t, "max"))
                    : Optional.empty());
            Optional<Quantity> duration = tree.attempt(() -> positive(t, "duration", Dimension.TIME));
            Optional<Optional<DoseSpec.ConditionSpec>> stopRaising = tree.attempt(() -> condition(t,
                    "stop_raising_when"));
            Optional<Optional<DoseSpec.ConditionSpec>> reduce = tree.attempt(() -> condition(t, "reduce_when"));
            Optional<Optional<DoseSpec.ConditionSpec>> stop = tree.attempt(() -> condition(t, "stop_when"));
            return new DoseSpec.Rule(tree.valueOf(at), tree.valueOf(route), tree.valueOf(start), tree.valueOf(step),
                    tree.valueOf(every), tree.valueOf(max), tree.valueOf(duration), tree.valueOf(stopRaising),
                    tree.valueOf(reduce), tree.valueOf(reduceBy), tree.valueOf(stop));
        }

        private Optional<DoseSpec.ConditionSpec> condition(Mapping t, String key) {
            if (!t.has(key)) {
                return Optional.empty();
            }
            Mapping c = tree.mapping(t.required(key), t.pathOf(key));
            c.allowOnly(CONDITION_KEYS);
            if (c.keys().isEmpty()) {
                throw tree.error(c.node(), c.path(), "a condition needs at least one of "
                        + String.join(", ", CONDITION_KEYS));
            }
            OptionalDouble nrs = c.optional("nrs_reduction").map(n -> OptionalDouble.of(tree.number(n,
                    c.pathOf("nrs_reduction")))).orElse(OptionalDouble.empty());
            OptionalDouble high = c.optional("drug_high").map(n -> {
                double v = tree.number(n, c.pathOf("drug_high"));
                if (v < 0 || v > 1) {
                    throw tree.error(n, c.pathOf("drug_high"), "a score from 0 to 1 is expected, got " + v);
                }
                return OptionalDouble.of(v);
            }).orElse(OptionalDouble.empty());
            return Optional.of(new DoseSpec.ConditionSpec(nrs, high,
                    c.has("concentration") ? Optional.of(nonNegative(c, "concentration", Dimension.CONCENTRATION))
                            : Optional.empty(),
                    c.has("effect_concentration") ? Optional.of(nonNegative(c, "effect_concentration",
                            Dimension.CONCENTRATION)) : Optional.empty()));
        }

        // ---- values ----

        private Quantity rate(Mapping m, String key) {
            return nonNegative(m, key, Dimension.RATE, Dimension.RATE_PER_WEIGHT);
        }

        private Quantity positive(Mapping m, String key, Dimension... dimensions) {
            Node node = m.required(key);
            Quantity q = tree.quantity(node, m.pathOf(key), dimensions);
            if (!(q.value() > 0)) {
                throw tree.error(node, m.pathOf(key), "must be positive, got '" + tree.text(node, "") + "'");
            }
            return q;
        }

        private Quantity nonNegative(Mapping m, String key, Dimension... dimensions) {
            Node node = m.required(key);
            Quantity q = tree.quantity(node, m.pathOf(key), dimensions);
            if (q.value() < 0) {
                throw tree.error(node, m.pathOf(key), "must not be negative, got '" + tree.text(node, "") + "'");
            }
            return q;
        }

        private double positiveValue(Mapping m, String key, Dimension dimension) {
            return positive(m, key, dimension).internalValue();
        }

        private double nonNegativeValue(Mapping m, String key, Dimension dimension) {
            return nonNegative(m, key, dimension).internalValue();
        }

        private double fraction(Mapping m, String key, double highest) {
            Node node = m.required(key);
            double v = tree.number(node, m.pathOf(key));
            if (v < 0 || v > highest) {
                throw tree.error(node, m.pathOf(key), "must be between 0 and " + (highest == 1 ? "1" : highest)
                        + ", got " + tree.text(node, ""));
            }
            return v;
        }
    }
}
