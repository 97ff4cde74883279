package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.ChartWarmUp;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.UnitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim population FILE|DIR... --n 1000 --seed 42 --out DIR}: simulates a virtual
 * population of each scenario's patient with the model's published inter-individual variability
 * (see {@link PopulationOutputs} for the files). Options given here win over a file's
 * {@code population:} key. The same seed gives the same bytes at any {@code --threads}.
 */
@Command(name = "population", mixinStandardHelpOptions = true,
        description = {"Simulate a virtual population of each scenario's patient: log-normal inter-individual "
            + "variability from the model's published omegas (with their correlations), optionally body "
            + "weight too.",
            "Writes DIR/<id>/population_bands.csv (percentiles per time row), population_subjects.csv, "
            + "population_probabilities.csv (concentration windows), population_outcomes.csv and "
            + "population_mean_reduction.csv (relief and psychomimetic shares, drug and placebo, with 95 %% "
            + "intervals) and population.png. More than 50,000 subjects are simulated in passes over blocks "
            + "of rows, in bounded memory.",
            "Options given here win over the file's population: key. The same --seed gives byte-identical "
            + "files at any --threads."})
final class PopulationCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ScenarioInputs inputs;

    @CommandLine.Mixin
    private EngineOption engine;

    @Option(names = {"-n", "--n"}, paramLabel = "N",
            description = "Subjects per scenario (default: the file's population.subjects, else 1000).")
    private Integer subjects;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Master seed, written into every output (default: the file's population.seed, else 1).")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    private Integer threads;

    @Option(names = "--percentiles", paramLabel = "P,P,...", split = ",",
            description = "Band percentiles, ascending (default: the file's population.percentiles, else "
                    + "5,25,50,75,95).")
    private double[] percentiles;

    @CommandLine.Mixin
    private WindowOptions windowOptions;

    @Option(names = "--weight-sd", paramLabel = "KG",
            description = "Standard deviation of body weight around the scenario's patient (kg), truncated to the "
                    + "model's study weights; per-kg doses follow each subject's weight (default: the file's "
                    + "population.weight_sd, else 0: every subject has the scenario's weight).")
    private Double weightSdKg;

    @Option(names = "--observations", paramLabel = "TIMES",
            description = "Simulate observations at these times with the model's published residual error, e.g. "
                    + "\"0.5 h, 2 h, 24 h\"; writes population_observations.csv (default: the file's "
                    + "population.observations, else none).")
    private String observations;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "200",
            description = "Replicates of the outcome models' parameter uncertainty behind the 95 %% intervals of "
                    + "population_outcomes.csv (default: ${DEFAULT-VALUE}; 0 writes no outcomes). Outcomes use the "
                    + "first 10000 subjects at most.")
    private int replicates;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @CommandLine.Mixin
    private ForceOption forceOption;

    @Option(names = "--format", paramLabel = "png|svg", defaultValue = "png",
            description = "Chart format: png or svg (default: ${DEFAULT-VALUE}).",
            converter = RunCommand.ChartFormatConverter.class)
    private ChartFormat format;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            ChartWarmUp.start(format);
            return simulate();
        }
    }

    /** Checks the options, simulates and writes, into the open output folder. */
    private int simulate() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptionValues.checkPopulation(subjects, seed, replicates, threads);
        int workers = threads == null ? PopulationSettings.defaultThreads() : threads;
        double[] observationTimesH = observationTimes();
        WindowChoice windows = windowOptions.windows();
        // each of these options checked alone, by the settings' own ranges, so that a bad one is named
        OptionValues.named("--percentiles", () -> PopulationOutputs.settings(Optional.empty(), subjects, seed, null,
                percentiles, windows, workers, null, replicates));
        OptionValues.named("--weight-sd", () -> PopulationOutputs.settings(Optional.empty(), subjects, seed,
                weightSdKg, null, windows, workers, null, replicates));
        OptionValues.named("--observations", () -> PopulationOutputs.settings(Optional.empty(), subjects, seed, null,
                null, windows, workers, observationTimesH, replicates));
        Optional<ScenarioBatch> loaded = inputs.load(err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        if (loaded.get().noneLoaded(err)) {
            return ExitCodes.BAD_INPUT;
        }
        List<String> failed = new ArrayList<>(loaded.get().failureMessages());
        PopulationOutputs outputs = new PopulationOutputs(engine.engine(), format, true);
        for (CompiledScenario s : loaded.get().scenarios()) {
            PopulationSettings settings = PopulationOutputs.settings(s.scenario().population(), subjects, seed,
                    weightSdKg, percentiles, windows, workers, observationTimesH, replicates);
            outputs.write(s, settings, out.resolve(s.id()), stdout, err).problem().ifPresent(problem -> {
                err.println("error: " + problem);
                failed.add(problem);
            });
        }
        AtomicFiles.writeLinesIfAny(out.resolve("failures.txt"), failed);
        stdout.flush();
        err.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /**
     * @return the --observations times (h), or null when not given
     * @throws org.ketasim.core.problems.InputException naming the option, for a value that is not a time
     */
    private double[] observationTimes() {
        if (observations == null) {
            return null;
        }
        String[] parts = observations.split(",");
        double[] times = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                times[i] = Quantities.parse(parts[i].trim(), Dimension.TIME).internalValue();
            } catch (UnitException e) {
                throw OptionValues.problem("--observations", e.problem());
            }
        }
        return times;
    }
}
