package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.PopulationChart;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.PopulationWriter;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Subject;
import org.ketasim.core.model.Variability;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.PopulationSpec;
import org.ketasim.core.simulation.PopulationSimulator;
import org.ketasim.core.units.Quantity;

/**
 * Simulates one scenario's virtual population and writes {@code population_bands.csv},
 * {@code population_subjects.csv} (streamed subject by subject), {@code population_probabilities.csv},
 * {@code population_observations.csv} and {@code population_events.csv} when there are any, and the
 * chart (unless charts are off) into its folder; shared by {@code population} and by {@code run}
 * (for files with a {@code population:} key).
 */
final class PopulationOutputs {

    /** Subjects when neither the file nor the command line says. */
    static final int DEFAULT_SUBJECTS = 1000;
    /** Master seed when neither the file nor the command line says. */
    static final long DEFAULT_SEED = 1;

    private final PopulationSimulator simulator;
    private final PopulationWriter writer = new PopulationWriter();
    private final ChartFormat format;
    private final boolean chart;

    /**
     * @param engine how intervals are taken
     * @param format the chart format
     * @param chart  whether the chart is drawn
     */
    PopulationOutputs(Engine engine, ChartFormat format, boolean chart) {
        this.simulator = new PopulationSimulator(engine);
        this.format = format;
        this.chart = chart;
    }

    /**
     * The settings for one scenario: each command-line value (null when not given) wins over the
     * file's {@code population:} key, which wins over the defaults.
     */
    static PopulationSettings settings(Optional<PopulationSpec> file, Integer subjects, Long seed, Double weightSdKg,
                                       double[] percentiles, WindowChoice windows, int threads,
                                       double[] observationTimesH, int outcomeReplicates) {
        PopulationSpec spec = file.orElse(PopulationSpec.NONE);
        return new PopulationSettings(subjects != null ? subjects : spec.subjects().orElse(DEFAULT_SUBJECTS),
                seed != null ? seed : spec.seed().orElse(DEFAULT_SEED),
                percentiles != null ? percentiles : spec.percentiles().isEmpty()
                        ? PopulationSettings.DEFAULT_PERCENTILES
                        : spec.percentiles().stream().mapToDouble(Double::doubleValue).toArray(),
                windows, weightSdKg != null ? weightSdKg : spec.weightSd().map(Quantity::internalValue).orElse(0.0),
                threads, observationTimesH != null ? observationTimesH
                        : spec.observations().stream().mapToDouble(Quantity::internalValue).toArray(),
                outcomeReplicates, spec.baselineNrsSd().orElse(0.0));
    }

    /**
     * @param s        the scenario
     * @param settings its population settings
     * @param dir      its output folder
     * @param stdout   where the one-paragraph report goes
     * @param err      where warnings go
     * @return what was written: its outcomes, or why the population could not be simulated
     * @throws IOException if writing fails
     */
    Written write(CompiledScenario s, PopulationSettings settings, Path dir, PrintWriter stdout,
                           PrintWriter err) throws IOException {
        PopulationResult r;
        List<Variability> applied = new ArrayList<>();
        try (AtomicFiles.Pending subjects = AtomicFiles.open(dir.resolve("population_subjects.csv"));
             AtomicFiles.Pending observations = AtomicFiles.open(dir.resolve("population_observations.csv"));
             AtomicFiles.Pending events = AtomicFiles.open(dir.resolve("population_events.csv"))) {
            boolean observed = settings.observationTimesH().length > 0;
            boolean titrated = !s.plan().controllers().isEmpty();
            try {
                r = simulator.simulate(s, settings, new PopulationSimulator.Sink() {
                    private final List<PopulationWriter.Rows> tables = new ArrayList<>();

                    @Override
                    public void begin(Variability variability) {
                        applied.add(variability);
                        try {
                            tables.add(writer.subjects(settings, variability, subjects.writer()));
                            if (observed) {
                                tables.add(writer.observations(settings, observations.writer()));
                            }
                            if (titrated) {
                                tables.add(writer.events(settings, events.writer()));
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    /** Per subject prepared and not yet written, its lines of each table. */
                    private final Map<Integer, String[]> pending = new ConcurrentHashMap<>();

                    @Override
                    public void prepare(Subject subject) {
                        String[] lines = new String[tables.size()];
                        for (int t = 0; t < lines.length; t++) {
                            lines[t] = tables.get(t).lines(subject);
                        }
                        pending.put(subject.index(), lines);
                    }

                    @Override
                    public void accept(Subject subject) {
                        String[] lines = pending.remove(subject.index());
                        try {
                            for (int t = 0; t < lines.length; t++) {
                                tables.get(t).write(lines[t]);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            } catch (InputException e) {
                // its message names the file, line and key already
                return new Written(Optional.of(e.getMessage()), Optional.empty());
            }
            subjects.commit();
            if (observed) {
                observations.commit();
            }
            if (titrated) {
                events.commit();
            }
        }
        if (!applied.get(0).notApplied().isEmpty()) {
            err.println("warning: " + s.scenario().sourceName() + ": model '" + s.modelId() + "': no variability on "
                    + applied.get(0).notApplied() + " (the engine has no such parameter); the population is narrower "
                    + "than published there");
        }
        AtomicFiles.writeText(dir.resolve("population_bands.csv"), w -> writer.writeBands(r, w));
        AtomicFiles.writeText(dir.resolve("population_probabilities.csv"), w -> writer.writeProbabilities(r, w));
        if (r.outcomes().isPresent()) {
            OutcomeResult o = r.outcomes().get();
            AtomicFiles.writeText(dir.resolve("population_outcomes.csv"), w -> writer.writeOutcomes(o, w));
            AtomicFiles.writeText(dir.resolve("population_mean_reduction.csv"), w -> writer.writeMeanReductions(o, w));
            o.liverWarning().ifPresent(liver -> err.println("warning: " + s.scenario().sourceName() + ": "
                    + liver.text()));
        }
        if (chart) {
            PopulationChart drawn = new PopulationChart(s, r);
            AtomicFiles.write(dir.resolve("population." + format.extension()), o -> drawn.write(format, o));
        }
        report(stdout, s, r, dir);
        return new Written(Optional.empty(), r.outcomes());
    }

    /**
     * What {@link #write} did.
     *
     * @param problem  why the population could not be simulated, empty when it was written
     * @param outcomes its population outcomes, where it has them
     */
    record Written(Optional<String> problem, Optional<OutcomeResult> outcomes) {
    }

    private static void report(PrintWriter stdout, CompiledScenario s, PopulationResult r, Path dir) {
        double[] p = r.settings().percentiles();
        int last = r.timesH().length - 1;
        double[][] parent = r.bands().get(Observable.PARENT);
        stdout.printf(Locale.ROOT, "%s: %d subjects, seed %d, parent at %.4g h: %s%n", s.id(),
                r.subjects(), r.settings().seed(), r.timesH()[last], String.join(", ",
                        IntStream.range(0, p.length).mapToObj(k -> String.format(Locale.ROOT, "P%s %.4g",
                                PopulationSettings.label(p[k]), parent[k][last])).toList()));
        List<AnalyteWindow> windows = r.windows();
        for (int k = 0; k < windows.size(); k++) {
            if (!Double.isNaN(r.meanHoursInside(k))) {
                stdout.printf(Locale.ROOT, "  %s: %.1f %% ever inside, %.1f %% above, mean %.3g h inside%n",
                        windows.get(k), 100 * r.probabilityInside(k), 100 * r.probabilityAbove(k),
                        r.meanHoursInside(k));
            }
        }
        r.outcomes().ifPresent(o -> OutcomeSummary.lines(o).forEach(line -> stdout.println("  " + line)));
        stdout.println("  -> " + dir);
    }
}
