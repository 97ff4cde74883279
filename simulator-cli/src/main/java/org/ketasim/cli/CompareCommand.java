package org.ketasim.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ketasim.cli.chart.BenefitHarmChart;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.ChartWarmUp;
import org.ketasim.cli.chart.Curve;
import org.ketasim.cli.chart.OverlayChart;
import org.ketasim.cli.chart.RegimenPanels;
import org.ketasim.cli.report.BenefitHarmFigure;
import org.ketasim.cli.report.HtmlReport;
import org.ketasim.cli.report.ReportRow;
import org.ketasim.core.compare.Comparison;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.io.ComparisonWriter;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.outcomes.Analyte;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim compare FILE|DIR... [--out DIR]}: simulates every scenario's typical patient and a
 * virtual population of it, and writes {@code comparison.csv} (exposure and the population outcomes
 * with their uncertainty), overlay charts and a self-contained {@code report.html}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare regimens: simulate every scenario (with its own model, one model, or every built-in "
            + "model) for its typical patient and a virtual population. Writes DIR/comparison.csv "
            + "(exposure, and the shares of patients with relief and with side effects, with 95 %% "
            + "intervals), DIR/charts/*.png and DIR/report.html.",
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

    @Option(names = "--include-examples", description = "Also compare the catalogue's examples and teaching files "
            + "(left out by default when a folder above them is given; named directly, they are always compared).")
    private boolean includeExamples;

    /** Catalogue families that are not regimens to compare unless asked for. */
    private static final List<String> EXAMPLE_FAMILIES = List.of("examples", "teaching");

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException, InterruptedException {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            ChartWarmUp.start(ChartFormat.PNG);
            ExecutorService drawing = Executors.newFixedThreadPool(workers());
            try {
                return compare(drawing);
            } finally {
                drawing.shutdownNow();
            }
        }
    }

    /** @return the worker threads: {@code --threads}, or the number of processors */
    private int workers() {
        return typical || threads == null ? PopulationSettings.defaultThreads() : Math.max(1, threads);
    }

    /**
     * Checks the options, simulates and writes, into the open output folder. A family's chart needs
     * only its regimens' typical curves, so it is drawn on {@code drawing} as soon as the family's
     * last regimen is done, while the others are still simulated; the benefit-harm and chosen-set
     * charts, which need every row, are drawn at the end.
     */
    private int compare(ExecutorService drawing) throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Double> referenceKg = referenceWeight();
        WindowChoice windows = windowOptions.windows();
        List<Optional<String>> modelIds = modelIds();
        Optional<PopulationSettings> population = population();
        List<Path> leftOut = new ArrayList<>();
        Optional<ScenarioBatch> loaded = inputs.load(err, file -> {
            boolean keep = includeExamples || !isExample(file);
            if (!keep) {
                leftOut.add(file);
            }
            return keep;
        });
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        ScenarioBatch batch = loaded.get();
        if (batch.noneLoaded(err)) {
            return ExitCodes.BAD_INPUT;
        }
        checkSet(batch);
        List<String> problems = new ArrayList<>(batch.failureMessages().stream()
                .map(f -> "Failed, not compared: " + f).toList());
        ScenarioCompiler compiler = inputs.compiler();
        List<Job> jobs = new ArrayList<>();
        for (Optional<String> modelId : modelIds) {
            for (CompiledScenario original : batch.scenarios()) {
                Scenario varied = original.scenario();
                if (referenceKg.isPresent()) {
                    varied = varied.withWeightKg(referenceKg.get());
                }
                if (modelId.isPresent()) {
                    varied = varied.withModel(ModelSpec.BuiltIn.of(modelId.get()));
                }
                try {
                    jobs.add(new Job(modelId, varied.equals(original.scenario()) ? original : compiler.compile(varied),
                            ""));
                } catch (InputException e) {
                    jobs.add(new Job(modelId, null, "Not simulated with " + modelId.orElse("its own model") + ": "
                            + e.getMessage()));
                }
            }
        }
        List<ReportRow> rows = new ArrayList<>();
        List<CompiledScenario> shown = new ArrayList<>();
        Map<ComparisonRow, Curve> curves = new HashMap<>();
        Map<String, Integer> lastOfFamily = new HashMap<>();
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.get(j).scenario() != null) {
                lastOfFamily.put(familyOf(jobs.get(j).scenario().scenario()), j);
            }
        }
        Map<String, FamilyChart> familyCharts = new HashMap<>();
        List<Future<Comparison.Result>> results = simulate(jobs, windows, population, workers());
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            if (job.scenario() == null) {
                problems.add(job.problem());
                continue;
            }
            CompiledScenario s = job.scenario();
            Comparison.Result result;
            try {
                result = Jobs.result(results.get(j));
            } catch (InputException e) {
                problems.add("Failed, not compared: " + e.getMessage());
                continue;
            }
            List<Warning> rowWarnings = new ArrayList<>(s.warnings());
            result.row().outcomes().flatMap(o -> o.liverWarning()).ifPresent(liver -> rowWarnings.add(
                    new Warning(Warning.Kind.SAFETY, s.scenario().at("regimen"), liver.text())));
            rows.add(ReportRow.of(result.row(), s.scenario().title().isBlank() ? s.id() : s.scenario().title(),
                    rowWarnings));
            if (job.modelId().equals(modelIds.get(0))) {
                shown.add(s);
            }
            curves.put(result.row(), curve(s, result, modelIds.size() > 1));
            String family = result.row().family();
            if (lastOfFamily.get(family) == j) {
                familyCharts.put(family, familyChart(family, rows, curves, drawing));
            }
        }
        List<ReportRow> numbered = ReportRow.numbered(rows);
        Path charts = out.resolve("charts");
        UniqueNames names = new UniqueNames();
        String benefitHarmName = names.of("benefit_harm");
        String selectedName = names.of("selected");
        Optional<BenefitHarmChart> chart = BenefitHarmFigure.of(numbered);
        List<DrawnChart> drawn = new ArrayList<>();
        chart.ifPresent(c -> drawn.add(new DrawnChart(benefitHarmName, "Benefit against harm per regimen, "
                + "numbered as in the table", drawing.submit(() -> png(c::write)))));
        numbered.stream().map(r -> r.row().family()).distinct().forEach(family -> {
            // a family whose last regimen failed is drawn now, from the regimens that did not
            FamilyChart f = familyCharts.computeIfAbsent(family, k -> familyChart(k, rows, curves, drawing));
            drawn.add(new DrawnChart(names.of(family), f.caption(), f.png()));
        });
        chosenSetChart(numbered, curves, selectedName, drawing).ifPresent(drawn::add);
        List<HtmlReport.Figure> figures = write(drawn, charts);
        Optional<HtmlReport.Figure> benefitHarm = chart.map(c -> figures.remove(0));
        List<String> windowNames = windows.names();
        AtomicFiles.writeText(out.resolve("comparison.csv"), w -> new ComparisonWriter().write(windowNames,
                rows.stream().map(ReportRow::row).toList(), w));
        List<String> context = new ArrayList<>(List.of(
                new VersionProvider().getVersion()[0],
                "Reference patient: " + referenceKg.map(kg -> java.math.BigDecimal.valueOf(kg).stripTrailingZeros().toPlainString()
                        + " kg for every scenario")
                        .orElse("each file's own"),
                "Models: " + (modelIds.size() > 1 ? "every built-in model" : modelIds.get(0).orElse("each file's own")),
                population.isEmpty() ? "Typical patient only (--typical): no population outcomes"
                        : "Population outcomes: " + subjects + " virtual patients per regimen, seed " + seed + ", "
                        + replicates + " replicates of parameter uncertainty",
                rows.size() + " rows from " + batch.scenarios().size() + " scenario files"));
        if (!leftOut.isEmpty()) {
            context.add(leftOut.size() + " example and teaching files left out (--include-examples adds them)");
        }
        String page = new HtmlReport().render(new HtmlReport.Contents("ketasim comparison", context,
                windows.resolve(Analyte.S_KETAMINE), modelIds.size() > 1, benefitHarm, figures, shown, problems),
                numbered);
        AtomicFiles.write(out.resolve("report.html"), o -> o.write(page.getBytes(StandardCharsets.UTF_8)));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(rows.size() + " rows -> " + out.resolve("comparison.csv"));
        stdout.println("report -> " + out.resolve("report.html"));
        long warnings = rows.stream().mapToLong(r -> r.warnings().size()).sum();
        if (warnings > 0) {
            stdout.println(warnings + " warning(s), each in its row of the report");
        }
        long failed = problems.stream().filter(p -> p.startsWith("Failed")).count();
        if (failed > 0) {
            stdout.println(failed + " scenario(s) failed and are not compared; listed in the report");
        }
        stdout.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** @throws InputException for a {@code --set} id that no scenario has */
    private void checkSet(ScenarioBatch batch) {
        if (set == null) {
            return;
        }
        List<String> ids = batch.scenarios().stream().map(CompiledScenario::id).toList();
        List<String> unknown = set.stream().filter(id -> !ids.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw OptionValues.problem("--set", "no scenario has the id " + String.join(", ", unknown)
                    + Suggestions.closest(unknown.get(0), ids));
        }
    }

    /**
     * @return whether a file is in an example or teaching folder that no argument names itself (a
     *         folder above it was given)
     */
    private boolean isExample(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || folder.getFileName() == null
                || !EXAMPLE_FAMILIES.contains(folder.getFileName().toString())) {
            return false;
        }
        return inputs.paths().stream().map(p -> p.toAbsolutePath().normalize()).noneMatch(p -> p.startsWith(folder));
    }

    /**
     * @return the typical patient's plasma curve; with several models, in S-ketamine (a racemic
     *         model's halved) so that the models' spread is of one analyte
     */
    private static Curve curve(CompiledScenario s, Comparison.Result r, boolean severalModels) {
        if (!severalModels || !s.racemicModel()) {
            return new Curve(s.id(), s.racemicModel() ? "Racemic ketamine (R + S)" : "S-ketamine", r.timesH(), r.cp(),
                    r.row().courseEndH());
        }
        double[] c = r.cp().clone();
        for (int i = 0; i < c.length; i++) {
            c[i] *= s.sKetamineFraction();
        }
        return new Curve(s.id(), "S-ketamine (racemic models halved)", r.timesH(), c, r.row().courseEndH());
    }

    /**
     * @param rows   the rows so far, in the order they were simulated
     * @param curves every row's typical curve
     * @return the family's small-multiples chart, one panel per regimen in table order, started on
     *         {@code drawing}
     */
    private static FamilyChart familyChart(String family, List<ReportRow> rows, Map<ComparisonRow, Curve> curves,
                                           ExecutorService drawing) {
        List<ReportRow> ofFamily = rows.stream().filter(r -> r.row().family().equals(family)).toList();
        Map<String, List<Curve>> byId = byId(ReportRow.numbered(ofFamily), curves);
        String label = family.replace('-', ' ');
        String title = Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": plasma concentration of "
                + "each regimen's typical patient";
        RegimenPanels panels = new RegimenPanels(title, regimens(byId));
        return new FamilyChart(title + " (" + byId.size() + " regimens)", drawing.submit(() -> png(panels::write)));
    }

    /** @return the chosen set's chart, started on {@code drawing}; empty when no regimen is chosen */
    private Optional<DrawnChart> chosenSetChart(List<ReportRow> rows, Map<ComparisonRow, Curve> curves,
                                                String selectedName, ExecutorService drawing) {
        Map<String, List<Curve>> chosen = new LinkedHashMap<>();
        byId(rows, curves).forEach((id, c) -> {
            if (set == null ? id.contains("median") : set.contains(id)) {
                chosen.put(id, c);
            }
        });
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String title = "Chosen set (" + (set == null ? "every regimen whose id contains 'median'"
                : String.join(", ", set)) + ")";
        Drawing chart = chosen.values().iterator().next().size() > 1
                ? new RegimenPanels(title, regimens(chosen))::write
                : new OverlayChart(title, chosen.values().stream().map(c -> c.get(0)).toList())::write;
        return Optional.of(new DrawnChart(selectedName, title, drawing.submit(() -> png(chart))));
    }

    /** @return per regimen id, in the rows' order, its typical curve under each model */
    private static Map<String, List<Curve>> byId(List<ReportRow> rows, Map<ComparisonRow, Curve> curves) {
        Map<String, List<Curve>> byId = new LinkedHashMap<>();
        for (ReportRow r : rows) {
            byId.computeIfAbsent(r.row().id(), id -> new ArrayList<>()).add(curves.get(r.row()));
        }
        return byId;
    }

    /**
     * A family's chart while it is drawn.
     *
     * @param caption its caption in the report
     * @param png     the picture
     */
    private record FamilyChart(String caption, Future<byte[]> png) {
    }

    /**
     * A chart while it is drawn.
     *
     * @param name    its file name in the charts folder, without {@code .png}
     * @param caption its caption in the report
     * @param png     the picture
     */
    private record DrawnChart(String name, String caption, Future<byte[]> png) {
    }

    /**
     * Writes the charts in order, each as soon as it is drawn.
     *
     * @return their figures, in order (a list that may be changed)
     */
    private static List<HtmlReport.Figure> write(List<DrawnChart> drawn, Path charts)
            throws IOException, InterruptedException {
        List<HtmlReport.Figure> figures = new ArrayList<>();
        for (DrawnChart c : drawn) {
            byte[] png;
            try {
                png = Jobs.result(c.png());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            AtomicFiles.write(charts.resolve(c.name() + ".png"), o -> o.write(png));
            figures.add(new HtmlReport.Figure(c.caption(), png));
        }
        return figures;
    }

    private static List<RegimenPanels.Regimen> regimens(Map<String, List<Curve>> byId) {
        return byId.entrySet().stream().map(e -> new RegimenPanels.Regimen(e.getKey(), e.getValue())).toList();
    }

    /** Something that writes a chart in a format. */
    @FunctionalInterface
    private interface Drawing {
        void write(ChartFormat format, java.io.OutputStream out) throws IOException;
    }

    /** @throws UncheckedIOException if drawing fails, so that it can be drawn by an executor */
    private static byte[] png(Drawing chart) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            chart.write(ChartFormat.PNG, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * One regimen to compare: its scenario, compiled with the model asked for, or why it could not be.
     *
     * @param modelId the model asked for, empty for the file's own
     * @param scenario the compiled scenario, null when it could not be compiled
     * @param problem  why not, empty when compiled
     */
    private record Job(Optional<String> modelId, CompiledScenario scenario, String problem) {
    }

    /**
     * Starts the comparison of every compiled job: several regimens at once, one worker each, when
     * there are at least as many as workers (a small population per regimen keeps two workers busier
     * side by side than together); the results do not depend on how the work is spread.
     *
     * @return per job, in order, its comparison, or null for a job that was not compiled
     */
    private List<Future<Comparison.Result>> simulate(List<Job> jobs, WindowChoice windows,
                                                     Optional<PopulationSettings> population, int workers) {
        int across = (int) Math.max(1, Math.min(workers, jobs.stream().filter(j -> j.scenario() != null).count()));
        Comparison comparison = new Comparison(engine.engine(), windows,
                population.map(p -> p.withThreads(Math.max(1, workers / across))));
        ExecutorService pool = Executors.newFixedThreadPool(across);
        try {
            List<Future<Comparison.Result>> results = new ArrayList<>();
            for (Job job : jobs) {
                CompiledScenario s = job.scenario();
                results.add(s == null ? null : pool.submit(() -> comparison.of(s, familyOf(s.scenario()))));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * @return the population of every regimen, or empty with {@code --typical}
     * @throws InputException for a value out of range, naming the option
     */
    private Optional<PopulationSettings> population() {
        if (typical) {
            return Optional.empty();
        }
        OptionValues.checkPopulation(subjects, seed, replicates, threads);
        return Optional.of(PopulationSettings.of(subjects, seed).withOutcomeReplicates(replicates)
                .withThreads(workers()));
    }

    private Optional<Double> referenceWeight() {
        if (weight == null) {
            return Optional.empty();
        }
        return Optional.of(OptionValues.bodyWeightKg("--weight", weight));
    }

    private List<Optional<String>> modelIds() {
        if (models == null) {
            return List.of(Optional.empty());
        }
        if (models.model != null) {
            OptionValues.builtInModel("--model", models.model);
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
}
