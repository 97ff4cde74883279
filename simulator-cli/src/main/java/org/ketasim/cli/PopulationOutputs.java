package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
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
import org.ketasim.core.scenario.PopulationSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.ScenarioLoader;
import org.ketasim.core.scenario.ScenarioSimulator;

/**
 * Simulates one scenario's virtual population and writes {@code population_bands.csv},
 * {@code population_subjects.csv}, {@code population_probabilities.csv} and the chart into its
 * folder; shared by {@code population} and by {@code run} (for files with a {@code population:} key).
 */
final class PopulationOutputs {

    /** Subjects when neither the file nor the command line says. */
    static final int DEFAULT_SUBJECTS = 1000;
    /** Master seed when neither the file nor the command line says. */
    static final long DEFAULT_SEED = 1;

    private final PopulationSimulator simulator = new PopulationSimulator(new ScenarioSimulator(new ExactSolver()));
    private final PopulationWriter writer = new PopulationWriter();
    private final long maxRows;
    private final ChartFormat format;

    /**
     * @param maxRows the row limit used when per-kg doses are re-read for another weight
     * @param format  the chart format
     */
    PopulationOutputs(long maxRows, ChartFormat format) {
        this.maxRows = maxRows;
        this.format = format;
    }

    /**
     * The settings for one scenario: each command-line value (null when not given) wins over the
     * file's {@code population:} key, which wins over the defaults.
     */
    static PopulationSettings settings(Optional<PopulationSpec> file, Integer subjects, Long seed, Double weightSdKg,
                                       double[] percentiles, List<ConcentrationWindow> windows, int threads,
                                       double[] observationTimesH) {
        PopulationSpec spec = file.orElse(new PopulationSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        return new PopulationSettings(subjects != null ? subjects : spec.subjects().orElse(DEFAULT_SUBJECTS),
                seed != null ? seed : spec.seed().orElse(DEFAULT_SEED),
                percentiles != null ? percentiles : spec.percentiles().orElse(PopulationSettings.DEFAULT_PERCENTILES),
                windows, weightSdKg != null ? weightSdKg : spec.weightSdKg().orElse(0.0), threads,
                observationTimesH != null ? observationTimesH : spec.observationTimesH().orElse(new double[0]));
    }

    /**
     * @param s        the scenario
     * @param settings its population settings
     * @param dir      its output folder
     * @param stdout   where the one-paragraph report goes
     * @param err      where warnings go
     * @return why the population could not be simulated, or empty when it was written
     * @throws IOException if writing fails
     */
    Optional<String> write(Scenario s, PopulationSettings settings, Path dir, PrintWriter stdout, PrintWriter err)
            throws IOException {
        PopulationResult r;
        try {
            r = simulate(s, settings);
        } catch (IllegalArgumentException | ArithmeticException | ScenarioException e) {
            return Optional.of(s.file() + ": population: " + e.getMessage());
        }
        if (!r.variability().notApplied().isEmpty()) {
            err.println("warning: " + s.file() + ": model '" + s.modelId() + "': no variability on "
                    + r.variability().notApplied() + " (the engine has no such parameter); the population is "
                    + "narrower than published there");
        }
        AtomicFiles.writeText(dir.resolve("population_bands.csv"), w -> writer.writeBands(r, w));
        AtomicFiles.writeText(dir.resolve("population_subjects.csv"), w -> writer.writeSubjects(r, w));
        AtomicFiles.writeText(dir.resolve("population_probabilities.csv"), w -> writer.writeProbabilities(r, w));
        if (settings.observationTimesH().length > 0) {
            AtomicFiles.writeText(dir.resolve("population_observations.csv"), w -> writer.writeObservations(r, w));
        }
        PopulationChart chart = new PopulationChart(r);
        AtomicFiles.write(dir.resolve("population." + format.extension()), o -> chart.write(format, o));
        report(stdout, r, dir);
        return Optional.empty();
    }

    private PopulationResult simulate(Scenario s, PopulationSettings settings) {
        ModelCard card = s.card().orElseThrow(() -> new IllegalArgumentException("model '" + s.modelId()
                + "' is an inline model and has no published variability; use a built-in model id"));
        double[] range = card.weightRangeKg();
        double w = s.weightKg();
        double sd = settings.weightSdKg();
        if (w < range[0] || w > range[1]) {
            range = new double[] {Math.max(0.3, w - 3 * sd), Math.min(350, w + 3 * sd)};
        }
        String text = sd > 0 ? ScenarioLoader.readText(s.file()) : "";
        return simulator.simulate(s, card.variability(), settings,
                kg -> new ScenarioLoader(Optional.of(kg), Optional.empty()).withMaxRows(maxRows).parse(s.file(), text),
                range);
    }


    private static void report(PrintWriter stdout, PopulationResult r, Path dir) {
        double[] p = r.settings().percentiles();
        int last = r.timesH().length - 1;
        double[][] parent = r.bands()[PopulationResult.Analyte.PARENT.ordinal()];
        stdout.printf(Locale.ROOT, "%s: %d subjects, seed %d, parent at %.4g h: %s%n", r.scenario().id(),
                r.subjects().size(), r.settings().seed(), r.timesH()[last], String.join(", ",
                        IntStream.range(0, p.length).mapToObj(k -> String.format(Locale.ROOT, "P%s %.4g",
                                PopulationSettings.label(p[k]), parent[k][last])).toList()));
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
}
