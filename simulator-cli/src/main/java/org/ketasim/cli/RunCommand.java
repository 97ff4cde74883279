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
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim run FILE|DIR... --out DIR}: simulates scenarios and writes
 * {@code DIR/<id>/timeseries.csv}, {@code DIR/<id>/chart.png} (or {@code .svg}) and
 * {@code DIR/summary.csv}; a file with a {@code population:} key also gets its population outputs
 * (as {@code ketasim population} writes them). A scenario that cannot be read or simulated is reported (and listed in
 * {@code DIR/failures.txt}) while the others are written; the exit code is then 2.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate scenario files and write time series, charts and a summary.",
            "Writes DIR/<id>/timeseries.csv, DIR/<id>/chart.png and DIR/summary.csv, DIR/warnings.txt "
            + "when a scenario has warnings, and DIR/failures.txt when one cannot be read or simulated: the "
            + "others are still written, and the exit code is then 2. A file with a population: key also "
            + "gets the outputs of 'ketasim population' in its folder."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ScenarioInputs inputs;

    @CommandLine.Mixin
    private EngineOption engine;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @CommandLine.Mixin
    private ForceOption forceOption;

    @Option(names = "--format", paramLabel = "png|svg", defaultValue = "png",
            description = "Chart format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = ChartFormatConverter.class)
    private ChartFormat format;

    @Option(names = "--no-chart", description = "Write no charts.")
    private boolean noChart;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            if (!noChart) {
                ChartWarmUp.start(format);
            }
            return simulate();
        }
    }

    /** The command's work, writing into the open output folder. */
    private int simulate() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ScenarioBatch> loaded = inputs.load(err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        ScenarioBatch batch = loaded.get();
        if (batch.noneLoaded(err)) {
            return ExitCodes.BAD_INPUT;
        }
        List<String> failed = new ArrayList<>(batch.failureMessages());
        PatientSimulator simulator = new PatientSimulator(engine.engine());
        List<PatientResult> outcomes = new ArrayList<>();
        for (CompiledScenario scenario : batch.scenarios()) {
            try {
                outcomes.add(simulator.simulate(scenario));
            } catch (InputException e) {
                err.println("error: " + e.getMessage());
                failed.add(e.getMessage());
            }
        }
        PopulationOutputs populations = new PopulationOutputs(engine.engine(), format, !noChart);
        PatientOutputs files = new PatientOutputs(out, format, !noChart);
        for (PatientResult o : outcomes) {
            CompiledScenario sc = o.scenario();
            List<String> notes = List.of();
            if (sc.scenario().population().isPresent()) {
                PopulationSettings settings = PopulationOutputs.settings(sc.scenario().population(), null, null, null,
                        null, WindowChoice.PUBLISHED, PopulationSettings.defaultThreads(), null,
                        PopulationSettings.DEFAULT_OUTCOME_REPLICATES);
                PopulationOutputs.Written population = populations.write(sc, settings, out.resolve(sc.id()), stdout,
                        err);
                population.problem().ifPresent(problem -> {
                    err.println("error: " + problem);
                    failed.add(problem);
                });
                notes = population.outcomes().map(OutcomeSummary::lines).orElse(List.of());
            }
            files.write(o, notes);
        }
        Path failures = out.resolve("failures.txt");
        AtomicFiles.writeLinesIfAny(failures, failed);
        if (outcomes.isEmpty()) {
            err.println("no scenario could be simulated; failures listed in " + failures);
            return ExitCodes.BAD_INPUT;
        }
        files.writeSummary(outcomes);
        AtomicFiles.writeLinesIfAny(out.resolve("warnings.txt"),
                batch.warnings().stream().map(Warning::toString).toList());
        outcomes.forEach(o -> files.report(stdout, o));
        stdout.println("summary: " + out.resolve("summary.csv"));
        if (!failed.isEmpty()) {
            stdout.println(failed.size() + " scenario file(s) failed; the others were written; listed in " + failures);
        }
        stdout.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** Reads {@code png} or {@code svg}, case-insensitively. */
    static final class ChartFormatConverter implements CommandLine.ITypeConverter<ChartFormat> {
        @Override
        public ChartFormat convert(String value) {
            for (ChartFormat f : ChartFormat.values()) {
                if (f.extension().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a chart format; use png or svg");
        }
    }
}
