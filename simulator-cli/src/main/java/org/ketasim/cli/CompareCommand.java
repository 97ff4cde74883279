package org.ketasim.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ketasim.cli.chart.OverlayChart;
import org.ketasim.cli.report.HtmlReport;
import org.ketasim.core.compare.Comparison;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.io.ComparisonWriter;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.Suggestions;
import org.ketasim.core.units.Dimension;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim compare FILE|DIR... [--out DIR]}: simulates every scenario's typical patient and a
 * virtual population of it, and writes {@code comparison.csv} (exposure and the population outcomes
 * with their uncertainty), overlay charts and a self-contained {@code report.html}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare regimens: simulate every scenario (with its own model, one model, or",
            "every built-in model) for its typical patient and a virtual population. Writes",
            "DIR/comparison.csv (exposure, and the shares of patients with relief and with",
            "side effects, with 95 %% intervals), DIR/charts/*.png and DIR/report.html.",
            "Example: ketasim compare scenarios/ --weight 70"})
final class CompareCommand implements Callable<Integer> {


    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ScenarioInputs inputs;

    @CommandLine.Mixin
    private EngineOption engine;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "comparison",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    @CommandLine.Mixin
    private ForceOption forceOption;

    @Option(names = "--weight", arity = "1..2", paramLabel = "KG",
            description = "Reference patient for every scenario, e.g. --weight 70 or --weight \"70 kg\" (per-kg doses "
                    + "are read at this weight); default: each file's own patient.")
    private List<String> weight;

    @CommandLine.ArgGroup(exclusive = true)
    private ModelChoice models;

    /** Which models to simulate with. */
    static final class ModelChoice {
        @Option(names = "--model", paramLabel = "ID", description = "Simulate every scenario with this built-in model.")
        private String model;

        @Option(names = "--models", paramLabel = "all", description = "'all': every scenario with every built-in "
                + "model that can take its drug, to show model uncertainty.")
        private String all;
    }

    @CommandLine.Mixin
    private WindowOptions windowOptions;

    @Option(names = {"-n", "--n"}, paramLabel = "N", defaultValue = "" + Comparison.DEFAULT_SUBJECTS,
            description = "Virtual patients per regimen for the population outcomes (default: ${DEFAULT-VALUE}; at "
                    + "most 10000 get outcomes).")
    private int subjects;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + Comparison.DEFAULT_SEED,
            description = "Master seed of every population (default: ${DEFAULT-VALUE}); the same seed gives the same "
                    + "numbers at any thread count.")
    private long seed;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "" + PopulationSettings.DEFAULT_OUTCOME_REPLICATES,
            description = "Replicates of the outcome models' parameter uncertainty behind the 95 %% intervals "
                    + "(default: ${DEFAULT-VALUE}).")
    private int replicates;

    @Option(names = "--typical", description = "Only the typical patient of each regimen: exposure, no population "
            + "outcomes (the outcome columns stay empty).")
    private boolean typical;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    private Integer threads;

    @Option(names = "--set", split = ",", paramLabel = "ID", description = "Scenario ids for one extra overlay chart; "
            + "default: every scenario whose id contains 'median'.")
    private List<String> set;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            return compare();
        }
    }

    /** Checks the options, simulates and writes, into the open output folder. */
    private int compare() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Double> referenceKg = referenceWeight();
        WindowChoice windows;
        try {
            windows = windowOptions.windows();
        } catch (IllegalArgumentException e) {
            throw OptionValues.problem("--window", e.getMessage());
        }
        List<Optional<String>> modelIds = modelIds();
        Optional<ScenarioBatch> loaded = inputs.load(err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        ScenarioBatch batch = loaded.get();
        if (batch.scenarios().isEmpty()) {
            err.println("no valid scenario file; nothing written");
            return ExitCodes.BAD_INPUT;
        }
        List<String> warnings = new ArrayList<>(batch.warnings().stream().map(Warning::toString).toList());
        List<String> failed = new ArrayList<>(batch.failureMessages());
        Comparison comparison = new Comparison(engine.engine(), windows, population());
        ScenarioCompiler compiler = inputs.compiler();
        List<ComparisonRow> rows = new ArrayList<>();
        List<CompiledScenario> shown = new ArrayList<>();
        Map<String, List<OverlayChart.Curve>> byFamily = new LinkedHashMap<>();
        List<OverlayChart.Curve> selected = new ArrayList<>();
        for (Optional<String> modelId : modelIds) {
            for (CompiledScenario original : batch.scenarios()) {
                Scenario varied = original.scenario();
                if (referenceKg.isPresent()) {
                    varied = varied.withWeightKg(referenceKg.get());
                }
                if (modelId.isPresent()) {
                    varied = varied.withModel(ModelSpec.BuiltIn.of(modelId.get()));
                }
                CompiledScenario s;
                try {
                    s = varied.equals(original.scenario()) ? original : compiler.compile(varied);
                } catch (InputException e) {
                    warnings.add("not simulated with " + modelId.orElse("its own model") + ": " + e.getMessage());
                    continue;
                }
                String family = familyOf(s.scenario());
                Comparison.Result result;
                try {
                    result = comparison.of(s, family);
                } catch (InputException e) {
                    failed.add(e.getMessage());
                    continue;
                }
                rows.add(result.row());
                result.row().outcomes().flatMap(o -> o.liverWarning()).ifPresent(liver -> warnings.add(
                        s.scenario().sourceName() + ": " + liver.text()));
                if (modelId.equals(modelIds.get(0))) {
                    shown.add(s);
                }
                String label = s.id() + (modelIds.size() > 1 ? " [" + s.modelId() + "]" : "");
                OverlayChart.Curve curve = cut(new OverlayChart.Curve(label, result.timesH(), result.cp()));
                String group = implausible(s) ? "implausible as written"
                        : family + s.scenario().regimen().setting().map(x -> ", " + x).orElse("");
                byFamily.computeIfAbsent(group, f -> new ArrayList<>()).add(curve);
                if (set == null ? s.id().contains("median") : set.contains(s.id())) {
                    selected.add(curve);
                }
            }
        }
        if (set != null) {
            List<String> ids = batch.scenarios().stream().map(CompiledScenario::id).toList();
            List<String> unknown = set.stream().filter(id -> !ids.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw OptionValues.problem("--set", "no scenario has the id " + String.join(", ", unknown)
                        + Suggestions.closest(unknown.get(0), ids));
            }
        }
        HtmlReport report = new HtmlReport();
        Path charts = out.resolve("charts");
        UniqueNames chartNames = new UniqueNames();
        String selectedName = chartNames.of("selected");
        for (var family : byFamily.entrySet()) {
            byte[] png = png(new OverlayChart("Parent plasma concentration: " + family.getKey()
                    + " (first " + (int) (CHART_HOURS / 24) + " days)", "Concentration (ng/mL)", family.getValue()));
            AtomicFiles.write(charts.resolve(chartNames.of(family.getKey()) + ".png"), o -> o.write(png));
            report.addChart(family.getKey() + " (" + family.getValue().size() + " curves)", png);
        }
        if (!selected.isEmpty()) {
            byte[] png = png(new OverlayChart("Parent plasma concentration: chosen set", "Concentration (ng/mL)",
                    selected));
            AtomicFiles.write(charts.resolve(selectedName + ".png"), o -> o.write(png));
            report.addChart("chosen set (" + (set == null ? "every scenario whose id contains 'median'"
                    : String.join(", ", set)) + ")", png);
        }
        List<String> windowNames = windows.names();
        AtomicFiles.writeText(out.resolve("comparison.csv"), w -> new ComparisonWriter().write(windowNames, rows, w));
        List<String> context = List.of(
                new VersionProvider().getVersion()[0],
                "Reference patient: " + referenceKg.map(kg -> kg + " kg for every scenario").orElse("each file's own"),
                "Models: " + (modelIds.size() > 1 ? "every built-in model" : modelIds.get(0).orElse("each file's own")),
                "Windows: " + (windows.specs().isEmpty() ? "the published ones, each of its own analyte and site"
                        : String.join(", ", windows.specs())),
                typical ? "Typical patient only (--typical): no population outcomes"
                        : "Population outcomes: " + subjects + " virtual patients per regimen, seed " + seed + ", "
                        + replicates + " replicates of parameter uncertainty",
                rows.size() + " rows from " + batch.scenarios().size() + " scenario files");
        List<String> reported = new ArrayList<>(failed.stream().map(f -> "FAILED, not compared: " + f).toList());
        reported.addAll(warnings);
        String page = report.render("ketasim comparison", context, windowNames, rows, shown, reported);
        AtomicFiles.write(out.resolve("report.html"), o -> o.write(page.getBytes(StandardCharsets.UTF_8)));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(rows.size() + " rows -> " + out.resolve("comparison.csv"));
        stdout.println("report -> " + out.resolve("report.html"));
        if (!warnings.isEmpty()) {
            stdout.println(warnings.size() + " warning(s), listed in the report");
        }
        if (!failed.isEmpty()) {
            stdout.println(failed.size() + " scenario(s) failed and are not compared; listed in the report");
        }
        stdout.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /**
     * @return the population of every regimen, or empty with {@code --typical}
     * @throws InputException for a value out of range, naming the option
     */
    private Optional<PopulationSettings> population() {
        if (typical) {
            return Optional.empty();
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try {
            return Optional.of(PopulationSettings.of(subjects, seed).withOutcomeReplicates(replicates)
                    .withThreads(workers));
        } catch (IllegalArgumentException e) {
            throw OptionValues.problem("--n, --seed, --replicates or --threads", e.getMessage());
        }
    }

    /** Curves are drawn over at most this many hours (the first course of a repeat). */
    private static final double CHART_HOURS = 8 * 24;

    /** @return the curve up to {@link #CHART_HOURS} */
    private static OverlayChart.Curve cut(OverlayChart.Curve c) {
        int n = 0;
        while (n < c.timesH().length && c.timesH()[n] <= CHART_HOURS) {
            n++;
        }
        return new OverlayChart.Curve(c.label(), java.util.Arrays.copyOf(c.timesH(), n),
                java.util.Arrays.copyOf(c.concentrations(), n));
    }

    /** @return whether the scenario has a dose implausible as written (drawn on its own chart) */
    private static boolean implausible(CompiledScenario s) {
        return s.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.IMPLAUSIBLE_DOSE);
    }

    private Optional<Double> referenceWeight() {
        if (weight == null) {
            return Optional.empty();
        }
        double kg = OptionValues.quantity("--weight", weight, "kg", Dimension.BODY_WEIGHT).internalValue();
        if (!(kg >= ScenarioCompiler.MIN_WEIGHT_KG && kg <= ScenarioCompiler.MAX_WEIGHT_KG)) {
            throw OptionValues.problem("--weight", "'" + String.join(" ", weight) + "' is not a human body weight ("
                    + ScenarioCompiler.MIN_WEIGHT_KG + " to " + ScenarioCompiler.MAX_WEIGHT_KG + " kg)");
        }
        return Optional.of(kg);
    }

    private List<Optional<String>> modelIds() {
        if (models == null) {
            return List.of(Optional.empty());
        }
        if (models.model != null) {
            List<String> ids = ModelLibrary.all().stream().map(BuiltInModel::id).toList();
            ModelLibrary.find(models.model).orElseThrow(() -> OptionValues.problem("--model", "unknown model '"
                    + models.model + "'" + Suggestions.closest(models.model, ids) + "; built-in models: "
                    + ModelLibrary.ids()));
            return List.of(Optional.of(models.model));
        }
        if (!"all".equals(models.all)) {
            throw OptionValues.problem("--models", "takes 'all', got '" + models.all + "'");
        }
        return ModelLibrary.all().stream().map(BuiltInModel::id).map(Optional::of).toList();
    }

    /** @return the folder a scenario file is in, its family in the catalogue */
    private static String familyOf(Scenario s) {
        Path parent = s.origin().map(o -> o.file().toAbsolutePath().normalize().getParent()).orElse(null);
        return parent == null || parent.getFileName() == null ? "scenarios" : parent.getFileName().toString();
    }

    private static byte[] png(OverlayChart chart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        chart.writePng(bytes);
        return bytes.toByteArray();
    }
}
