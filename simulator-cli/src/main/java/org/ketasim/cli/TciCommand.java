package org.ketasim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.ChartWarmUp;
import org.ketasim.core.io.yaml.ScenarioYamlWriter;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Patient;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.tci.TargetControlledInfusion;
import org.ketasim.core.tci.TciEvidence;
import org.ketasim.core.tci.TciSettings;
import org.ketasim.core.tci.TciSite;
import org.ketasim.core.tci.TciTarget;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim tci --model ID --target "100 ng/mL at 0 h, 150 ng/mL at 2 h" --site plasma|effect
 * --duration 6 h}: computes a target-controlled infusion and writes it as a scenario file (one
 * {@code steps:} dose), then simulates that file like {@code run}.
 */
@Command(name = "tci", mixinStandardHelpOptions = true,
        description = {"Target-controlled infusion: the pump rates, updated every minute, that bring the plasma "
            + "(Jacobs 1990) or effect-site (Shafer and Gregg 1992) concentration to each target and hold "
            + "it.",
            "Writes DIR/tci.yaml (a scenario: 'ketasim run' and 'compare' take it like any other) and its "
            + "run output.",
            "Rates are set on the pump's resolution (--resolution) and the schedule steps in whole "
            + "updates; a target above the highest S-ketamine TCI target studied (320 ng/mL, Sigtermans "
            + "2009) is warned about."})
final class TciCommand implements Callable<Integer> {

    private static final Pattern TARGET = Pattern.compile("\\s*(.+?)\\s+at\\s+(.+?)\\s*");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "A built-in model id.")
    private String model;

    @Option(names = "--target", required = true, paramLabel = "TARGETS",
            description = "Targets and their start times, e.g. \"100 ng/mL at 0 h, 150 ng/mL at 2 h\".")
    private String targets;

    @Option(names = "--site", defaultValue = "plasma", paramLabel = "plasma|effect",
            description = "The concentration targeted (default: ${DEFAULT-VALUE}).")
    private String site;

    @Option(names = "--duration", required = true, arity = "1..2", paramLabel = "TIME",
            description = "How long the pump runs, e.g. 6 h.")
    private List<String> duration;

    @Option(names = "--max-rate", arity = "1..2", paramLabel = "RATE",
            description = "The pump's highest rate (default: 12000 mg/h, i.e. 1200 mL/h of a 10 mg/mL solution, the "
                    + "limit of common TCI pumps).")
    private List<String> maxRate = List.of("12000 mg/h");

    @Option(names = "--update", arity = "1..2", paramLabel = "TIME",
            description = "Time between rate updates, and so the shortest step of the written schedule (default: "
                    + "1 min, a schedule a nurse can program; STANPUMP updates every 10 s).")
    private List<String> update = List.of("1 min");

    @Option(names = "--resolution", arity = "1..2", paramLabel = "RATE",
            description = "The smallest step of the pump's rate; every rate set is rounded to it (default: 0.1 mg/h, "
                    + "the display step of common syringe pumps; 0 mg/h sets rates exactly).")
    private List<String> resolution = List.of("0.1 mg/h");

    @Option(names = "--weight", arity = "1..2", paramLabel = "KG", description = "Body weight (default: 70 kg).")
    private List<String> weight = List.of("70 kg");

    @Option(names = {"-o", "--out"}, defaultValue = "tci", paramLabel = "DIR", description = "Output directory "
            + "(default: ${DEFAULT-VALUE}).")
    private Path out;

    @CommandLine.Mixin
    private ForceOption forceOption;

    @CommandLine.Mixin
    private EngineOption engine;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws Exception {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            ChartWarmUp.start(ChartFormat.PNG);
            return schedule();
        }
    }

    /** The command's work, writing into the open output folder. */
    private int schedule() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        BuiltInModel builtIn = OptionValues.builtInModel("--model", model);
        TciSite where = switch (site.toLowerCase(Locale.ROOT)) {
            case "plasma" -> TciSite.PLASMA;
            case "effect" -> TciSite.EFFECT;
            default -> throw OptionValues.problem("--site", "use plasma or effect, got '" + site + "'");
        };
        Quantity runTime = OptionValues.quantity("--duration", duration, null, Dimension.TIME);
        double hours = runTime.internalValue();
        if (!(hours > 0) || Double.isInfinite(hours)) {
            throw OptionValues.problem("--duration", "the pump must run for a time above 0, got '"
                    + String.join(" ", duration) + "'");
        }
        double kg = OptionValues.bodyWeightKg("--weight", weight);
        Quantity updates = OptionValues.quantity("--update", update, null, Dimension.TIME);
        if (!(updates.internalValue() > 0) || updates.internalValue() > hours) {
            throw OptionValues.problem("--update", "the time between updates must be above 0 and at most the pump's "
                    + "run (--duration " + String.join(" ", duration) + "), got '" + String.join(" ", update) + "'");
        }
        Quantity step = OptionValues.quantity("--resolution", resolution, null, Dimension.RATE);
        double highest = OptionValues.quantity("--max-rate", maxRate, null, Dimension.RATE).internalValue();
        if (!(highest > 0) || Double.isInfinite(highest)) {
            throw OptionValues.problem("--max-rate", "the pump's highest rate must be above 0, got '"
                    + String.join(" ", maxRate) + "'");
        }
        // every value the user gave is checked above but the resolution's upper bound, the settings' own
        TciSettings settings = withResolution(TciSettings.of(where, highest)
                .withUpdateInterval(updates.internalValue()), step);
        List<TciTarget> list = targets();
        List<Warning> warnings = new ArrayList<>(TciEvidence.warnings(list, builtIn.card().drug()
                == ModelDrug.RACEMIC_KETAMINE ? 0.5 : 1, new Location("--target", 0, "")));
        for (TciTarget target : list) {
            if (target.timeH() >= hours) {
                throw OptionValues.problem("--target", "a target at " + target.timeH() + " h is at or after the end "
                        + "of the pump (--duration " + String.join(" ", duration) + ")");
            }
        }
        List<TargetControlledInfusion.Interval> schedule = OptionValues.named("--target", () ->
                new TargetControlledInfusion(LinearSystem.of(builtIn.model().forWeight(kg)), settings)
                        .schedule(list, hours));
        Scenario scenario = scenario(builtIn, kg, settings, runTime, updates, step, schedule);
        // compiled before anything is written, so that a scenario it refuses leaves no file
        CompiledScenario compiled;
        try {
            compiled = scenario.compile();
        } catch (InputException e) {
            throw OptionValues.problem("--target", "the pump rates that reach these targets are refused ("
                    + e.location().key() + " of the schedule): " + e.problem() + "; lower the targets or --max-rate");
        }
        Path file = out.resolve("tci.yaml");
        String yaml = header(settings, updates, step) + new ScenarioYamlWriter().write(scenario);
        AtomicFiles.writeText(file, w -> w.write(yaml));
        // the schedule's warnings name its keys in the file just written
        compiled.warnings().forEach(w -> warnings.add(new Warning(w.kind(),
                new Location(file.toString(), 0, w.location().key()), w.message())));
        warnings.forEach(w -> err.println("warning: " + w));
        AtomicFiles.writeLinesIfAny(out.resolve("warnings.txt"), warnings.stream().map(Warning::toString).toList());
        double total = schedule.stream().mapToDouble(i -> i.rateMgPerH() * (i.endH() - i.startH())).sum();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%d updates, %.6g mg over %s h, highest rate %.6g mg/h -> %s%n", schedule.size(),
                total, hours, schedule.stream().mapToDouble(TargetControlledInfusion.Interval::rateMgPerH).max()
                        .orElse(0), file);
        PatientOutputs files = new PatientOutputs(out, ChartFormat.PNG, true);
        PatientResult patient = new PatientSimulator(engine.engine()).simulate(compiled);
        files.write(patient);
        files.writeSummary(List.of(patient));
        files.report(stdout, patient);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** @return the settings on the pump's rate resolution, the option named if the settings refuse it */
    private static TciSettings withResolution(TciSettings settings, Quantity step) {
        try {
            return settings.withRateResolution(step.internalValue());
        } catch (IllegalArgumentException e) {
            throw OptionValues.problem("--resolution", "must be from 0 to the pump's highest rate (--max-rate), got '"
                    + step + "'");
        }
    }

    private List<TciTarget> targets() {
        List<TciTarget> out = new ArrayList<>();
        for (String part : targets.split(",")) {
            Matcher m = TARGET.matcher(part);
            if (!m.matches()) {
                throw OptionValues.problem("--target", "'" + part.trim() + "' is not 'CONCENTRATION at TIME', "
                        + "e.g. '100 ng/mL at 0 h'");
            }
            double timeH = OptionValues.quantity("--target", List.of(m.group(2)), null, Dimension.TIME).internalValue();
            double ngPerMl = OptionValues.quantity("--target", List.of(m.group(1)), null, Dimension.CONCENTRATION)
                    .internalValue();
            out.add(OptionValues.named("--target", () -> new TciTarget(timeH, ngPerMl)));
        }
        return out;
    }

    /** The comment lines that open tci.yaml: how the pump was set. */
    private String header(TciSettings s, Quantity updates, Quantity step) {
        return "# Target-controlled infusion computed by ketasim tci (" + (s.site() == TciSite.PLASMA
                ? "plasma, Jacobs 1990" : "effect site, Shafer and Gregg 1992") + ").\n"
                + "# Pump: the rate is updated every " + updates + " and set to a whole multiple of " + step
                + (step.value() == 0 ? " (exact rates)" : "") + " (--resolution), at most " + String.join(" ", maxRate)
                + ";\n# consecutive equal rates are one step, each lasting a whole number of updates.\n";
    }

    /**
     * The schedule as a scenario: one steps dose, equal consecutive rates merged into one step, each
     * step written as a whole number of updates in the update's unit (or whole minutes or hours).
     */
    private Scenario scenario(BuiltInModel m, double kg, TciSettings s, Quantity runTime, Quantity updates,
                              Quantity step, List<TargetControlledInfusion.Interval> schedule) {
        String where = s.site().name().toLowerCase(Locale.ROOT);
        List<DoseSpec.Step> steps = new ArrayList<>();
        int i = 0;
        while (i < schedule.size()) {
            int j = i;
            while (j + 1 < schedule.size() && schedule.get(j + 1).rateMgPerH() == schedule.get(i).rateMgPerH()) {
                j++;
            }
            steps.add(new DoseSpec.Step(Quantity.of(schedule.get(i).rateMgPerH(), "mg/h"),
                    updatesOf(j - i + 1, updates)));
            i = j + 1;
        }
        String command = "ketasim tci --model " + m.id() + " --target \"" + targets.replace("\"", "'") + "\" --site "
                + where + " --duration \"" + String.join(" ", duration) + "\" --max-rate \"" + String.join(" ", maxRate)
                + "\" --update \"" + String.join(" ", update) + "\" --weight \"" + String.join(" ", weight) + "\"";
        return Scenario.builder().id("tci-" + where)
                .title("Target-controlled infusion (" + where + "), " + m.id())
                .source("ketasim tci: " + (s.site() == TciSite.PLASMA
                        ? "Jacobs, IEEE Trans Biomed Eng 1990, doi:10.1109/10.43621"
                        : "Shafer and Gregg, J Pharmacokinet Biopharm 1992, doi:10.1007/BF01062336"))
                .notes("Computed by: " + command + " --resolution \"" + step + "\"\nRates are updated every "
                        + updates + ", set on a " + step + " resolution and never exceed " + String.join(" ", maxRate)
                        + "; equal consecutive rates are one step.")
                .drug(m.card().drug() == ModelDrug.RACEMIC_KETAMINE ? Drug.KETAMINE : Drug.ESKETAMINE)
                .model(ModelSpec.BuiltIn.of(m.id())).patient(Patient.ofKg(kg))
                .regimen(RegimenSpec.of(new DoseSpec.Steps(Optional.empty(), Optional.empty(), steps)))
                .simulation(new SimulationSpec(runTime, updates))
                .build();
    }

    /** @return {@code count} updates as a time, in the update's unit, or in whole minutes or hours where it is one */
    private static Quantity updatesOf(long count, Quantity update) {
        double value = count * update.value();
        String unit = update.unit().symbol();
        if (unit.equals("s") && value % 60 == 0) {
            value /= 60;
            unit = "min";
        }
        if (unit.equals("min") && value % 60 == 0) {
            value /= 60;
            unit = "h";
        }
        return Quantity.of(value, unit);
    }
}
