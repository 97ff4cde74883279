package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.PopulationChart;
import org.ketasim.core.compare.ConcentrationWindow;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.io.PopulationWriter;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.PopulationSimulator;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.ScenarioLoader;
import org.ketasim.core.scenario.ScenarioSimulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim population FILE|DIR... --n 1000 --seed 42 --out DIR}: simulates a virtual
 * population of each scenario's patient with the model's published inter-individual variability
 * and writes {@code DIR/<id>/population_bands.csv}, {@code population_subjects.csv},
 * {@code population_probabilities.csv} and {@code population.png}. The same seed gives the same
 * bytes at any {@code --threads}.
 */
@Command(name = "population", mixinStandardHelpOptions = true,
        description = {"Simulate a virtual population of each scenario's patient: log-normal inter-individual",
            "variability from the model's published omegas (with their correlations), optionally body weight too.",
            "Writes DIR/<id>/population_bands.csv (percentiles per time row), population_subjects.csv,",
            "population_probabilities.csv (windows, drug high, effective pain reduction) and population.png.",
            "The same --seed gives byte-identical files at any --threads."})
final class PopulationCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ScenarioInputs inputs;

    @Option(names = {"-n", "--n"}, defaultValue = "1000", paramLabel = "N",
            description = "Subjects per scenario (default: ${DEFAULT-VALUE}).")
    private int subjects;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Master seed; written into every output (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    private Integer threads;

    @Option(names = "--percentiles", defaultValue = "5,25,50,75,95", paramLabel = "P,P,...", split = ",",
            description = "Band percentiles, ascending (default: ${DEFAULT-VALUE}).")
    private double[] percentiles;

    @Option(names = "--window", paramLabel = "NAME=LOW-HIGH", description = "A concentration window in ng/mL "
            + "(repeatable; default: analgesia=70-160 and drug_high=71.3-inf).")
    private List<String> windowSpecs;

    @Option(names = "--weight-sd", defaultValue = "0", paramLabel = "KG",
            description = "Standard deviation of body weight around the scenario's patient (kg), truncated to the "
                    + "model's study weights; per-kg doses follow each subject's weight (default: ${DEFAULT-VALUE}, "
                    + "every subject has the scenario's weight).")
    private double weightSdKg;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--format", paramLabel = "png|svg", defaultValue = "png",
            description = "Chart format: png or svg (default: ${DEFAULT-VALUE}).",
            converter = RunCommand.ChartFormatConverter.class)
    private ChartFormat format;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PopulationSettings settings;
        try {
            settings = new PopulationSettings(subjects, seed, percentiles,
                    windowSpecs == null ? ConcentrationWindow.DEFAULTS
                            : windowSpecs.stream().map(ConcentrationWindow::parse).toList(),
                    weightSdKg, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("error: --out " + out + " exists and is not a directory");
            return ExitCodes.BAD_INPUT;
        }
        Optional<ScenarioBatch> loaded = inputs.load(err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        List<String> failed = new ArrayList<>(loaded.get().failureMessages());
        PopulationSimulator simulator = new PopulationSimulator(new ScenarioSimulator(new ExactSolver()));
        PopulationWriter writer = new PopulationWriter();
        for (Scenario s : loaded.get().scenarios()) {
            PopulationResult r;
            try {
                r = simulate(simulator, s, settings);
            } catch (IllegalArgumentException | ArithmeticException | ScenarioException | UncheckedIOException e) {
                err.println("error: " + s.file() + ": " + e.getMessage());
                failed.add(s.file() + ": " + e.getMessage());
                continue;
            }
            if (!r.variability().notApplied().isEmpty()) {
                err.println("warning: " + s.file() + ": model '" + s.modelId() + "': no variability on "
                        + r.variability().notApplied() + " (the engine has no such parameter); the population is "
                        + "narrower than published there");
            }
            Path dir = out.resolve(s.id());
            AtomicFiles.writeText(dir.resolve("population_bands.csv"), w -> writer.writeBands(r, w));
            AtomicFiles.writeText(dir.resolve("population_subjects.csv"), w -> writer.writeSubjects(r, w));
            AtomicFiles.writeText(dir.resolve("population_probabilities.csv"), w -> writer.writeProbabilities(r, w));
            PopulationChart chart = new PopulationChart(r);
            AtomicFiles.write(dir.resolve("population." + format.extension()), o -> chart.write(format, o));
            report(stdout, r, dir);
        }
        Path failures = out.resolve("failures.txt");
        AtomicFiles.writeLinesOrDelete(failures, failed);
        stdout.flush();
        err.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private PopulationResult simulate(PopulationSimulator simulator, Scenario s, PopulationSettings settings) {
        ModelCard card = s.card().orElseThrow(() -> new IllegalArgumentException("model '" + s.modelId()
                + "' is an inline model and has no published variability; use a built-in model id"));
        double[] range = card.weightRangeKg();
        double w = s.weightKg();
        if (w < range[0] || w > range[1]) {
            range = new double[] {Math.max(0.3, w - 3 * settings.weightSdKg()), Math.min(350, w + 3 * settings.weightSdKg())};
        }
        String text = settings.weightSdKg() > 0 ? read(s.file()) : "";
        return simulator.simulate(s, card.variability(), settings,
                kg -> new ScenarioLoader(Optional.of(kg), Optional.empty()).withMaxRows(inputs.maxRows())
                        .parse(s.file(), text), range);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read it again: " + e.getMessage(), e);
        }
    }

    private static void report(PrintWriter stdout, PopulationResult r, Path dir) {
        double[] p = r.settings().percentiles();
        int last = r.timesH().length - 1;
        double[][] parent = r.bands()[PopulationResult.Analyte.PARENT.ordinal()];
        stdout.printf(Locale.ROOT, "%s: %d subjects, seed %d, parent at %.4g h: %s%n", r.scenario().id(),
                r.subjects().size(), r.settings().seed(), r.timesH()[last], String.join(", ",
                        java.util.stream.IntStream.range(0, p.length).mapToObj(k -> String.format(Locale.ROOT,
                                "P%s %.4g", number(p[k]), parent[k][last])).toList()));
        List<ConcentrationWindow> windows = r.settings().windows();
        for (int k = 0; k < windows.size(); k++) {
            stdout.printf(Locale.ROOT, "  %s: %.1f %% ever inside, %.1f %% above, mean %.3g h inside%n",
                    windows.get(k), 100 * r.probabilityInside(k), 100 * r.probabilityAbove(k), r.meanHoursInside(k));
        }
        double met = r.probabilityMet(EffectiveReduction.AT_LEAST_30_PERCENT);
        if (!Double.isNaN(met)) {
            stdout.printf(Locale.ROOT, "  drug high (>= 50 %%) %.1f %%, >= 30 %% pain reduction %.1f %% -> %s%n",
                    100 * r.probabilityDrugHigh(), 100 * met, dir);
        } else {
            stdout.println("  -> " + dir);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
