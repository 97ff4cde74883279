package org.ketasim.core.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ketasim.core.engine.Controller;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.Variability;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.model.library.RouteNote;
import org.ketasim.core.problems.Location;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.RateSegment;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;
import org.ketasim.core.regimen.TitrationSchedule;
import org.ketasim.core.titration.Condition;
import org.ketasim.core.titration.RuleTitration;
import org.ketasim.core.titration.TitrationRule;
import org.ketasim.core.units.Quantity;

/**
 * Checks a {@link Scenario} against its model and resolves it for its patient: the model (built-in
 * or inline, routes overridden), the drug form (racemic on an S-ketamine model enters at half),
 * per-kg doses at the patient's weight, the output grid, rule titrations as controllers. Problems
 * that make the scenario unusable are {@link ScenarioException}s naming the key and its line where
 * the scenario was read from a file; what is allowed but probably not meant becomes a
 * {@link Warning}. Compiling never simulates. Stateless and thread-safe.
 */
public final class ScenarioCompiler {

    /** The default largest number of output rows of one scenario (about 200 MB of results). */
    public static final long DEFAULT_MAX_ROWS = 2_000_000;
    /** The largest number of rate changes a titration may have. */
    public static final long MAX_TITRATION_STEPS = 1_000_000;
    /**
     * The largest number of dose events a regimen may have, repeats included: infusion segments,
     * boluses, and each device of a bolus given by devices (a few hundred bytes each while
     * simulating).
     */
    public static final long MAX_DOSE_EVENTS = 1_000_000;
    /** The lightest and heaviest body weights accepted (kg). */
    public static final double MIN_WEIGHT_KG = 0.3;
    /** See {@link #MIN_WEIGHT_KG}. */
    public static final double MAX_WEIGHT_KG = 350;
    /**
     * The largest variance of an inline model's log-normal eta: an SD of 5, under which the middle
     * 95 % of subjects already spans a factor of about 18,000 either way (a limit of ketasim's, not
     * of a source; published omegas are far below it).
     */
    public static final double MAX_INLINE_VARIANCE = 25;
    /** The weight the doses of a scenario are checked at when its own weight is refused (kg). */
    private static final double CHECK_WEIGHT_KG = 70;

    private final long maxRows;

    /** A compiler with the default row limit. */
    public ScenarioCompiler() {
        this(DEFAULT_MAX_ROWS);
    }

    private ScenarioCompiler(long maxRows) {
        this.maxRows = maxRows;
    }

    /**
     * @param rows the largest number of output rows a scenario may have, at least 2
     * @return a compiler that refuses larger simulations (with the estimate) before any work
     */
    public ScenarioCompiler withMaxRows(long rows) {
        if (rows < 2) {
            throw new IllegalArgumentException("the row limit must be at least 2, got " + rows);
        }
        return new ScenarioCompiler(rows);
    }

    /**
     * @param scenario a scenario
     * @return it compiled for its patient
     * @throws ScenarioException if it cannot be simulated
     */
    public CompiledScenario compile(Scenario scenario) {
        return new Compilation(scenario).run();
    }

    /** The model a scenario names, resolved. */
    private record Resolved(PkModel model, Optional<ModelCard> card, List<Omega> variability,
                            List<ResidualError> residual) {
    }

    /**
     * Resolves a model on its own, for tools that take a model rather than a scenario (NONMEM
     * import): a built-in model with its route overrides, or an inline model.
     *
     * @param spec the model
     * @param at   where a key of it is, for messages
     * @return the model for a typical patient
     * @throws ScenarioException for an unknown built-in id or an invalid override
     */
    public static PkModel typicalModel(ModelSpec spec, Function<String, Location> at) {
        return model(spec, at).model();
    }

    private static Resolved model(ModelSpec spec, Function<String, Location> at) {
        if (spec instanceof ModelSpec.Inline inline) {
            List<Omega> omegas = inline.variability().map(v -> omegas(v, inline.model(), at)).orElse(List.of());
            return new Resolved(inline.model(), Optional.empty(), omegas, inline.residual().stream().toList());
        }
        ModelSpec.BuiltIn b = (ModelSpec.BuiltIn) spec;
        String key = b.routes().isEmpty() ? "model" : "model.base";
        BuiltInModel builtIn = ModelLibrary.find(b.id()).orElseThrow(() -> new ScenarioException(at.apply(key),
                "unknown model '" + b.id() + "'" + Suggestions.closest(b.id(), ModelLibrary.all().stream()
                .map(BuiltInModel::id).toList()) + "; built-in models: " + ModelLibrary.ids()
                + " (or write the model inline as a map, see docs/scenario-format.md)"));
        PkModel model = builtIn.model();
        for (Map.Entry<Route, ModelSpec.RouteOverride> e : b.routes().entrySet()) {
            model = override(model, e.getKey(), e.getValue(), at);
        }
        return new Resolved(model, Optional.of(builtIn.card()), builtIn.card().variability(),
                builtIn.card().residualModel());
    }

    private static PkModel override(PkModel model, Route route, ModelSpec.RouteOverride o,
                                    Function<String, Location> at) {
        String key = "model.routes." + route.id();
        if (route == Route.IV) {
            throw new ScenarioException(at.apply(key), "the iv route has no absorption parameters");
        }
        try {
            if (!o.paths().isEmpty()) {
                return model.withRoute(route, o.paths());
            }
            List<Absorption> paths = model.routes().getOrDefault(route, List.of());
            if (paths.size() > 1 && !(o.bioavailability().isPresent() && o.kaPerH().isPresent())) {
                throw new ScenarioException(at.apply(key), "route '" + route.id() + "' of this model has " + paths.size() + " absorption "
                        + "paths; give both F and ka to replace them with one first-order path");
            }
            Optional<Absorption> base = paths.size() == 1 ? Optional.of(paths.get(0)) : Optional.empty();
            if (base.isEmpty() && (o.bioavailability().isEmpty() || o.kaPerH().isEmpty())) {
                throw new ScenarioException(at.apply(key), "a new route needs F and ka");
            }
            double f = o.bioavailability().orElseGet(() -> base.get().bioavailability());
            double ka = o.kaPerH().orElseGet(() -> base.get().kaPerH());
            double lag = o.lagH().orElseGet(() -> base.map(Absorption::lagH).orElse(0.0));
            return model.withRoute(route, base.map(b -> new Absorption(f, ka, lag, b.zeroOrderH(), b.target(),
                    b.transit())).orElseGet(() -> new Absorption(f, ka, lag)));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(at.apply(key), e.getMessage());
        }
    }

    /**
     * The inline variability as omega elements (variances, and covariances from the correlations),
     * each of a parameter the model has, forming a positive-definite matrix.
     */
    private static List<Omega> omegas(ModelSpec.InlineVariability v, PkModel model, Function<String, Location> at) {
        List<Omega> list = new ArrayList<>();
        List<String> known = Variability.parameterNames(model);
        v.omega().forEach((name, variance) -> {
            if (!known.contains(name)) {
                throw new ScenarioException(at.apply("model.variability.omega." + name), "unknown parameter '" + name
                        + "'" + Suggestions.closest(name, known) + "; this model's parameters: " + String.join(", ",
                        known));
            }
            if (!(variance >= 0 && variance <= MAX_INLINE_VARIANCE)) {
                throw new ScenarioException(at.apply("model.variability.omega." + name), "a variance must be from 0 "
                        + "to " + fmt(MAX_INLINE_VARIANCE) + ", got " + variance + " (a log-scale SD of 5 already "
                        + "spreads the middle 95 % of subjects over a factor of about 18,000 either way)");
            }
            // a variance of 0: the parameter does not vary, and is left out of the matrix
            if (variance > 0) {
                list.add(Omega.variance(name, variance));
            }
        });
        Set<String> pairs = new HashSet<>();
        v.correlation().forEach((pair, rho) -> {
            String key = "model.variability.correlation." + pair;
            String[] names = pair.split("-", 2);
            if (names.length != 2 || !v.omega().containsKey(names[0]) || !v.omega().containsKey(names[1])
                    || names[0].equals(names[1])) {
                throw new ScenarioException(at.apply(key), "a correlation is keyed 'A-B' with A and B two different parameters that have a "
                        + "variance under omega (" + String.join(", ", v.omega().keySet()) + "), got '" + pair
                        + "'");
            }
            String unordered = names[0].compareTo(names[1]) < 0 ? names[0] + "-" + names[1] : names[1] + "-" + names[0];
            if (!pairs.add(unordered)) {
                throw new ScenarioException(at.apply(key), "the correlation of " + names[0] + " and " + names[1]
                        + " is given twice (as " + names[1] + "-" + names[0] + " and " + pair + "); give it once");
            }
            if (!(rho > -1 && rho < 1)) {
                throw new ScenarioException(at.apply(key), "a correlation must be between -1 and 1 (exclusive), got " + rho);
            }
            for (String name : names) {
                if (v.omega().get(name) == 0) {
                    throw new ScenarioException(at.apply(key), name + " has a variance of 0 (it does not vary), so it "
                            + "has no correlation; leave this pair out");
                }
            }
            list.add(new Omega(names[0], names[1],
                    rho * Math.sqrt(v.omega().get(names[0]) * v.omega().get(names[1]))));
        });
        try {
            Variability.of(list, model);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(at.apply(v.correlation().isEmpty() ? "model.variability.omega"
                    : "model.variability.correlation"), e.getMessage());
        }
        return list;
    }


    /** The state of compiling one scenario. */
    private final class Compilation {
        private final Scenario s;
        private final List<Warning> warnings = new ArrayList<>();
        private final List<ScenarioException> problems = new ArrayList<>();

        Compilation(Scenario s) {
            this.s = s;
        }

        private ScenarioException error(String key, String problem) {
            return new ScenarioException(s.at(key), problem);
        }

        private void warn(Warning.Kind kind, String key, String message) {
            warnings.add(new Warning(kind, s.at(key), message));
        }

        /**
         * Compiles the scenario, checking each independent part (id, model, weight, baseline,
         * drug form, grid, setting, each dose, the repeat) on its own.
         *
         * @throws ScenarioException the one problem, or {@link ScenarioProblems} of them all
         */
        CompiledScenario run() {
            attempt(() -> {
                if (!ScenarioIds.isSafe(s.id())) {
                    throw error("id", ScenarioIds.problem(s.id()));
                }
                return s.id();
            });
            Optional<Resolved> model = attempt(() -> model(s.model(), s::at));
            Optional<ModelCard> modelCard = model.flatMap(Resolved::card);
            Optional<Double> weightKg = attempt(() -> weight(modelCard));
            double baseline = s.patient().baselineNrsOrDefault();
            attempt(() -> {
                if (!(baseline >= 0 && baseline <= 10)) {
                    throw error("patient.baseline_nrs", "an NRS pain score is from 0 to 10, got " + baseline);
                }
                return baseline;
            });
            Optional<Double> form = attempt(() -> drugFormFraction(modelCard));
            RegimenSpec r = s.regimen();
            attempt(() -> r.setting().map(setting -> {
                if (!RegimenSpec.SETTINGS.contains(setting)) {
                    throw error("regimen.setting", "unknown setting '" + setting + "'; use inpatient or outpatient");
                }
                return setting;
            }));
            attempt(() -> {
                if (r.doses().isEmpty()) {
                    throw error("regimen.doses", "the list of doses is empty");
                }
                return r.doses();
            });
            if (model.isEmpty() || form.isEmpty()) {
                throw ScenarioProblems.of(problems);
            }
            Resolved resolved = model.get();
            double weight = weightKg.orElse(CHECK_WEIGHT_KG);
            double formFraction = form.get();
            boolean racemicModel = resolved.card().map(c -> c.drug() == ModelDrug.RACEMIC_KETAMINE)
                    .orElse(s.drug() == Drug.KETAMINE);
            String analyte = resolved.card().map(c -> formFraction < 1
                            ? "S-ketamine (the S-enantiomer: half of the racemic dose)" : c.drug().analyte())
                    .orElse(s.drug() == Drug.ESKETAMINE ? ModelDrug.S_KETAMINE.analyte()
                            : ModelDrug.RACEMIC_KETAMINE.analyte());
            double inputFactor = formFraction * s.salt().baseFraction();
            double sFraction = racemicModel ? 0.5 : 1.0;
            Optional<OutputGrid> outputGrid = attempt(() -> grid(resolved.model(), weight));
            PkModel individual = resolved.model().forWeight(weight);
            List<Dose> doses = new ArrayList<>();
            List<Controller.Factory> controllers = new ArrayList<>();
            double[] courseEvents = {0};
            double[] ruleEnd = {0};
            for (int i = 0; i < r.doses().size(); i++) {
                DoseSpec d = r.doses().get(i);
                String key = "regimen.doses[" + i + "]";
                attempt(() -> {
                    Route route = route(d, key, individual);
                    if (d instanceof DoseSpec.Rule rule) {
                        if (r.repeat().isPresent()) {
                            throw error("regimen.repeat", "a course with a rule-based titration cannot be repeated "
                                    + "(the rules decide on the patient as the course goes)");
                        }
                        TitrationRule t = rule(rule, key, route, individual, weight);
                        controllers.add(new RuleTitration.Factory(t, sFraction, baseline));
                        ruleEnd[0] = Math.max(ruleEnd[0], t.atH() + t.durationH());
                    } else {
                        Dose dose = dose(d, key, route, weight);
                        double events = events(dose, individual);
                        if (events > MAX_DOSE_EVENTS) {
                            throw error(key, String.format(Locale.ROOT, "the dose is %.0f dose events (%s), more "
                                    + "than the limit of %d", events, dose instanceof Bolus ? "devices of the "
                                    + "route's device size" : "infusion steps", MAX_DOSE_EVENTS));
                        }
                        courseEvents[0] += events;
                        doses.add(dose);
                    }
                    return d;
                });
            }
            Optional<Regimen> repeated = attempt(() -> repeated(new Regimen(doses), courseEvents[0]));
            if (!problems.isEmpty()) {
                throw ScenarioProblems.of(problems);
            }
            OutputGrid grid = outputGrid.get();
            Regimen regimen = repeated.get();
            double courseEnd = ruleEnd[0];
            for (Dose d : regimen.doses()) {
                courseEnd = Math.max(courseEnd, d.rateSegments().stream().mapToDouble(RateSegment::endH)
                        .max().orElse(d.startH()));
            }
            endWarnings(regimen, courseEnd, grid.endH());
            resolved.card().ifPresent(card -> unvalidatedRoutes(card, r));
            LinearSystem system = LinearSystem.of(individual);
            Plan plan = new Plan(system, DoseTimeline.of(regimen, system, inputFactor), grid, grid.endH(),
                    inputFactor, controllers);
            String modelId = resolved.card().map(ModelCard::id).orElse(resolved.model().name());
            return new CompiledScenario(s, modelId, resolved.card(), resolved.model(), resolved.variability(),
                    resolved.residual(), weight, baseline, inputFactor, analyte, sFraction, regimen, courseEnd, plan,
                    warnings);
        }

        /** @return the course, repeated as {@code regimen.repeat} says, within {@link #MAX_DOSE_EVENTS} */
        private Regimen repeated(Regimen course, double courseEvents) {
            RegimenSpec r = s.regimen();
            int courses = r.repeat().map(RegimenSpec.Repeat::count).orElse(1);
            if (courseEvents * courses > MAX_DOSE_EVENTS) {
                throw error(r.repeat().isPresent() ? "regimen.repeat.count" : "regimen.doses", String.format(
                        Locale.ROOT, "the regimen is %.0f dose events (infusion steps, boluses and devices%s), more "
                                + "than the limit of %d; give fewer doses or steps", courseEvents * courses,
                        courses > 1 ? ", " + courses + " courses" : "", MAX_DOSE_EVENTS));
            }
            if (r.repeat().isEmpty()) {
                return course;
            }
            RegimenSpec.Repeat rep = r.repeat().get();
            double every = positive(rep.every(), "regimen.repeat.every");
            if (rep.count() < 1 || rep.count() > 10_000) {
                throw error("regimen.repeat.count", "must be a whole number from 1 to 10000, got " + rep.count());
            }
            return course.repeated(every, rep.count());
        }

        /**
         * Checks one part of the scenario; a problem in it is recorded and the compiling goes on.
         *
         * @return what the part gives, or empty if it has a problem
         */
        private <T> Optional<T> attempt(Supplier<T> part) {
            try {
                return Optional.of(part.get());
            } catch (ScenarioProblems e) {
                e.problems().forEach(p -> problems.add((ScenarioException) p));
                return Optional.empty();
            } catch (ScenarioException e) {
                problems.add(e);
                return Optional.empty();
            }
        }

        /** @return the fraction of each written dose that is the model's parent analyte (before the salt) */
        private double drugFormFraction(Optional<ModelCard> card) {
            if (card.isEmpty()) {
                return 1.0;
            }
            ModelDrug modelDrug = card.get().drug();
            if (modelDrug == ModelDrug.RACEMIC_KETAMINE && s.drug() == Drug.ESKETAMINE) {
                boolean written = s.origin().map(o -> o.lines().containsKey("drug")).orElse(true);
                throw error(written ? "drug" : "model", "drug esketamine cannot be simulated with '" + card.get().id() + "', a model of "
                        + "racemic ketamine; use drug: ketamine, or an S-ketamine model (" + ModelLibrary.all().stream()
                        .filter(m -> m.card().drug() == ModelDrug.S_KETAMINE).map(BuiltInModel::id)
                        .collect(Collectors.joining(", ")) + ")");
            }
            return modelDrug == ModelDrug.S_KETAMINE && s.drug() == Drug.KETAMINE ? 0.5 : 1.0;
        }

        private double weight(Optional<ModelCard> card) {
            Quantity written = s.patient().weight();
            double kg = written.internalValue();
            if (!(kg >= MIN_WEIGHT_KG && kg <= MAX_WEIGHT_KG)) {
                throw error("patient.weight", "'" + written + "' is not a human body weight (" + fmt(MIN_WEIGHT_KG)
                        + " to " + fmt(MAX_WEIGHT_KG) + " kg)");
            }
            card.ifPresent(c -> {
                double[] range = c.weightRangeKg();
                if (kg < range[0] || kg > range[1]) {
                    warn(Warning.Kind.WEIGHT_OUTSIDE_MODEL, "patient.weight", String.format(Locale.ROOT, "%s kg is "
                            + "outside the weights of the population '%s' was fitted to (%s to %s kg: %s); the "
                            + "allometric scaling is extrapolated", fmt(kg), c.id(), fmt(range[0]), fmt(range[1]),
                            c.population()));
                }
            });
            return kg;
        }

        private OutputGrid grid(PkModel model, double weight) {
            double duration = positive(s.simulation().duration(), "simulation.duration");
            double step = positive(s.simulation().step(), "simulation.step");
            double rows = Math.floor(duration / step) + 2;
            if (rows > maxRows) {
                int states = LinearSystem.of(model.forWeight(weight)).dimension();
                double megabytes = rows * (states * 8.0 + 40) / 1e6;
                throw error("simulation.step", String.format(Locale.ROOT, "a duration of %s at a step of %s gives "
                                + "%.4g output rows (about %.3g MB of results), more than the limit of %d rows; use "
                                + "a longer step or a shorter duration, or raise the limit with --max-rows",
                        s.simulation().duration(), s.simulation().step(), rows, megabytes, maxRows));
            }
            if (step > duration) {
                warn(Warning.Kind.COARSE_GRID, "simulation.step", "the output step is longer than the simulation, "
                        + "so only its start and end are written");
            }
            return OutputGrid.regular(duration, step);
        }

        // ---- doses ----

        private Route route(DoseSpec d, String key, PkModel model) {
            Route route = s.regimen().routeOf(d);
            if (route.isExtravascular() && !model.routes().containsKey(route)) {
                String supported = model.routes().keySet().stream().map(Route::id).reduce("iv", (a, b) -> a + ", " + b);
                throw error(d.route().isPresent() ? key + ".route" : "regimen.route", "the model has no '" + route.id()
                        + "' route (add it under model.routes; the model supports: " + supported + ")");
            }
            return route;
        }

        private Dose dose(DoseSpec d, String key, Route route, double weight) {
            double at = nonNegative(d.at(), key + ".at");
            try {
                if (d instanceof DoseSpec.Bolus b) {
                    double amount = perWeight(b.amount(), key + ".bolus", weight);
                    String written = s.written(key + ".bolus", b.amount());
                    if (b.over().isPresent()) {
                        double over = positive(b.over().get(), key + ".over");
                        String overWritten = s.written(key + ".over", b.over().get());
                        // within an hour: all of it if given in less, else an hour's share
                        human(written + " over " + overWritten, amount * Math.min(1, 1 / over), key + ".bolus", weight);
                        Plausibility.rate(written, b.amount(), amount / over, weight)
                                .ifPresent(p -> warn(Warning.Kind.IMPLAUSIBLE_DOSE, key + ".bolus", "given over "
                                        + overWritten + ", " + p));
                        return ConstantInfusion.ofAmount(at, amount, over, route);
                    }
                    human(written, amount, key + ".bolus", weight);
                    Plausibility.bolus(written, b.amount(), amount, weight, route)
                            .ifPresent(p -> warn(Warning.Kind.IMPLAUSIBLE_DOSE, key + ".bolus", p));
                    return Bolus.of(at, amount, route);
                }
                if (d instanceof DoseSpec.Infusion inf) {
                    double hours = positive(inf.duration(), key + ".infusion.duration");
                    return new ConstantInfusion(at, hours, shortOrLongRate(inf.rate(), key + ".infusion.rate", weight,
                            hours, route), route);
                }
                if (d instanceof DoseSpec.Schedule sch) {
                    return schedule(sch, key + ".infusion", at, route, weight);
                }
                DoseSpec.Steps steps = (DoseSpec.Steps) d;
                if (steps.steps().isEmpty()) {
                    throw error(key + ".steps", "the list of steps is empty");
                }
                List<StepSchedule.Step> list = new ArrayList<>();
                for (int i = 0; i < steps.steps().size(); i++) {
                    DoseSpec.Step st = steps.steps().get(i);
                    String stepKey = key + ".steps[" + i + "]";
                    double hours = positive(st.duration(), stepKey + ".for");
                    list.add(new StepSchedule.Step(shortOrLongRate(st.rate(), stepKey + ".rate", weight, hours, route),
                            hours));
                }
                return new StepSchedule(at, list, route);
            } catch (ScenarioException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }

        /**
         * @return the dose events a dose adds to the timeline: its infusion segments, or for a bolus
         *         the devices that give it on its route's busiest device path (1 without devices)
         */
        private double events(Dose dose, PkModel model) {
            if (!(dose instanceof Bolus b)) {
                return dose.rateSegments().size();
            }
            return model.routes().getOrDefault(b.route(), List.of()).stream()
                    .flatMap(a -> a.devices().stream())
                    .mapToDouble(d -> Math.max(1, Math.ceil(b.amountMg() / d.deviceMg())))
                    .max().orElse(1);
        }

        private Dose schedule(DoseSpec.Schedule sch, String key, double at, Route route, double weight) {
            double max = sch.max().map(m -> rate(m, key + ".max", weight)).orElse(Double.POSITIVE_INFINITY);
            double start = rate(sch.start(), key + ".start", weight);
            double increment = rate(sch.increment(), key + ".increment", weight);
            double every = positive(sch.every(), key + ".every");
            double duration = positive(sch.duration(), key + ".duration");
            double steps = increment > 0 && Double.isFinite(max)
                    ? Math.min(Math.ceil((max - start) / increment) + 1, Math.ceil(duration / every))
                    : increment > 0 ? Math.ceil(duration / every) : 1;
            if (steps > MAX_TITRATION_STEPS) {
                throw error(key + ".every", String.format(Locale.ROOT, "a step every %s over %s gives %.4g rate "
                        + "changes, more than the limit of %d", sch.every(), sch.duration(), steps,
                        MAX_TITRATION_STEPS));
            }
            if (max < start) {
                warn(Warning.Kind.MAXIMUM_BELOW_START, key + ".max", "the maximum is below the start rate, so the "
                        + "rate never rises");
            }
            // the rates the pump runs at, from the start to the highest reached (a maximum never reached is no dose)
            double highest = Math.max(start, Math.min(max, start + (steps - 1) * increment));
            if (highest == start) {
                human(s.written(key + ".start", sch.start()), start, key + ".start", weight);
            } else {
                human("a schedule that reaches " + fmt(highest) + " mg/h", highest, key + ".increment", weight);
            }
            return new TitrationSchedule(at, start, increment, every, max, duration, route);
        }

        private TitrationRule rule(DoseSpec.Rule t, String doseKey, Route route, PkModel model, double weight) {
            double at = nonNegative(t.at(), doseKey + ".at");
            String key = doseKey + ".titration";
            double start = rate(t.start(), key + ".start", weight);
            human(s.written(key + ".start", t.start()), start, key + ".start", weight);
            double step = rate(t.step(), key + ".step", weight);
            double every = positive(t.every(), key + ".every");
            double duration = positive(t.duration(), key + ".duration");
            if (duration / every > MAX_TITRATION_STEPS) {
                throw error(key + ".every", "more than " + MAX_TITRATION_STEPS + " decisions");
            }
            double max = t.max().map(m -> rate(m, key + ".max", weight)).orElse(Double.POSITIVE_INFINITY);
            double reduceBy = step;
            double reduceFraction = Double.NaN;
            if (t.reduceBy().isPresent()) {
                DoseSpec.Reduction red = t.reduceBy().get();
                if (red.percent().isPresent()) {
                    double pct = red.percent().getAsDouble();
                    if (!(pct > 0 && pct <= 100)) {
                        throw error(key + ".reduce_by", "a percentage from 0 to 100 is expected, got " + pct + " %");
                    }
                    reduceFraction = pct / 100;
                    reduceBy = Double.NaN;
                } else {
                    reduceBy = rate(red.amount().get(), key + ".reduce_by", weight);
                }
            }
            return new TitrationRule(at, start, step, every, max, duration, route,
                    condition(t.stopRaisingWhen(), key + ".stop_raising_when", model),
                    condition(t.reduceWhen(), key + ".reduce_when", model), reduceBy, reduceFraction,
                    condition(t.stopWhen(), key + ".stop_when", model));
        }

        private Optional<Condition> condition(Optional<DoseSpec.ConditionSpec> spec, String key, PkModel model) {
            if (spec.isEmpty()) {
                return Optional.empty();
            }
            DoseSpec.ConditionSpec c = spec.get();
            if (c.nrsReduction().isEmpty() && c.drugHigh().isEmpty() && c.concentration().isEmpty()
                    && c.effectConcentration().isEmpty()) {
                throw error(key, "a condition needs at least one of nrs_reduction, drug_high, concentration, "
                        + "effect_concentration");
            }
            if ((c.drugHigh().isPresent() || c.effectConcentration().isPresent()) && model.effectSite().isEmpty()) {
                throw error(key, "drug_high and effect_concentration need a model with an effect site");
            }
            if (c.nrsReduction().isPresent() && model.painEffectSite().isEmpty()) {
                throw error(key + ".nrs_reduction", "nrs_reduction needs the pain effect site of the built-in models");
            }
            c.drugHigh().ifPresent(v -> {
                if (v < 0 || v > 1) {
                    throw error(key + ".drug_high", "a score from 0 to 1 is expected, got " + v);
                }
            });
            return Optional.of(new Condition(c.nrsReduction(), c.drugHigh(),
                    concentration(c.concentration(), key + ".concentration"),
                    concentration(c.effectConcentration(), key + ".effect_concentration")));
        }

        private OptionalDouble concentration(Optional<Quantity> q, String key) {
            return q.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(nonNegative(q, key));
        }

        // ---- values ----

        private double rate(Quantity q, String key, double weight) {
            double mgPerH = perWeight(q, key, weight);
            Plausibility.rate(s.written(key, q), q, mgPerH, weight)
                    .ifPresent(problem -> warn(Warning.Kind.IMPLAUSIBLE_DOSE, key, problem));
            return mgPerH;
        }

        /**
         * Refuses {@code mg} given within an hour if no human is given that much
         * ({@link Plausibility#beyondHuman}).
         */
        private void human(String shown, double mg, String key, double weight) {
            Plausibility.beyondHuman(shown, mg, weight).ifPresent(problem -> {
                throw error(key, problem);
            });
        }

        private double perWeight(Quantity q, String key, double weight) {
            if (!(q.value() >= 0)) {
                throw error(key, "must not be negative, got '" + q + "'");
            }
            return q.isPerWeight() ? q.internalValue() * weight : q.internalValue();
        }

        /**
         * A rate held for {@code hours}: judged as a rate when held for an hour or more, and by the
         * amount it gives (against the bolus limit) when shorter, as a TCI loading pulse is.
         */
        private double shortOrLongRate(Quantity q, String key, double weight, double hours, Route route) {
            if (hours >= 1) {
                double mgPerH = rate(q, key, weight);
                human(s.written(key, q), mgPerH, key, weight);
                return mgPerH;
            }
            double mgPerH = perWeight(q, key, weight);
            String shown = s.written(key, q) + " for " + fmt(hours) + " h";
            human(shown, mgPerH * hours, key, weight);
            Plausibility.bolus(shown, q, mgPerH * hours, weight, route)
                    .ifPresent(problem -> warn(Warning.Kind.IMPLAUSIBLE_DOSE, key, problem));
            return mgPerH;
        }

        private double positive(Quantity q, String key) {
            double v = q.internalValue();
            if (!(v > 0) || Double.isInfinite(v)) {
                throw error(key, "must be positive, got '" + q + "'");
            }
            return v;
        }

        private double nonNegative(Optional<Quantity> q, String key) {
            if (q.isEmpty()) {
                return 0;
            }
            double v = q.get().internalValue();
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw error(key, "must not be negative, got '" + q.get() + "'");
            }
            return v;
        }

        // ---- warnings on the whole ----

        private void endWarnings(Regimen regimen, double courseEnd, double endH) {
            double lastStart = regimen.doses().stream().mapToDouble(Dose::startH).max().orElse(0);
            if (lastStart > endH) {
                warn(Warning.Kind.DOSING_AFTER_END, "regimen", String.format(Locale.ROOT, "a dose starts at %s h, "
                        + "after the end of the simulation (%s h); it is not simulated", fmt(lastStart), fmt(endH)));
            } else if (courseEnd > endH && !org.ketasim.core.regimen.Breakpoints.same(courseEnd, endH)) {
                double all = regimen.administeredMg(Double.POSITIVE_INFINITY);
                double simulated = regimen.administeredMg(endH);
                warn(Warning.Kind.DOSING_AFTER_END, "simulation.duration", String.format(Locale.ROOT, "the regimen "
                        + "runs until %s h, after the end of the simulation (%s h): %s of its %s mg are simulated; "
                        + "lengthen simulation.duration to see the whole course", fmt(courseEnd), fmt(endH),
                        fmt(simulated), fmt(all)));
            }
        }

        private void unvalidatedRoutes(ModelCard card, RegimenSpec r) {
            List<Route> warned = new ArrayList<>();
            for (int i = 0; i < r.doses().size(); i++) {
                DoseSpec d = r.doses().get(i);
                Route route = r.routeOf(d);
                RouteNote note = card.routes().get(route);
                if (note != null && !note.validated() && !warned.contains(route)) {
                    warned.add(route);
                    String key = d.route().isPresent() ? "regimen.doses[" + i + "].route"
                            : r.route().isPresent() ? "regimen.route" : "regimen";
                    warn(Warning.Kind.UNVALIDATED_ROUTE, key, "route '" + route.id() + "' of model '" + card.id()
                            + "' is unvalidated: " + note.source());
                }
            }
        }
    }

    private static String fmt(double v) {
        return Plausibility.fmt(v);
    }
}
