package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.ScenarioChart;
import org.ketasim.core.compare.ConcentrationWindow;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.NumericSolver;
import org.ketasim.core.io.SummaryWriter;
import org.ketasim.core.io.TimeSeriesWriter;
import org.ketasim.core.io.TitrationEventWriter;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioSimulator;
import org.ketasim.core.scenario.ScenarioSimulator.Outcome;
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
            "Writes DIR/<id>/timeseries.csv, DIR/<id>/chart.png and DIR/summary.csv, DIR/warnings.txt when",
            "a scenario has warnings, and DIR/failures.txt when one cannot be read or simulated: the others are",
            "still written, and the exit code is then 2. A file with a population: key also gets the outputs of",
            "'ketasim population' in its folder."})
final class RunCommand implements Callable<Integer> {

    /** The solvers a run can use. */
    enum SolverChoice {
        /** Matrix exponential over piecewise-constant input. */
        exact,
        /** Dormand-Prince 8(5,3), for cross-checks. */
        numeric
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ScenarioInputs inputs;

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

    @Option(names = "--solver", paramLabel = "exact|numeric", defaultValue = "exact",
            description = "Solver: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private SolverChoice solver;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            return simulate();
        }
    }

    /** Loads, simulates and writes, into the open output folder. */
    private int simulate() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ScenarioBatch> loaded = inputs.load(err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        ScenarioBatch batch = loaded.get();
        List<String> failed = new ArrayList<>(batch.failureMessages());
        if (batch.scenarios().isEmpty()) {
            err.println(failed.size() + " of " + failed.size() + " scenario file(s) invalid; nothing written");
            return ExitCodes.BAD_INPUT;
        }
        ScenarioSimulator simulator = new ScenarioSimulator(solver == SolverChoice.exact
                ? new ExactSolver() : NumericSolver.tight());
        List<Outcome> outcomes = new ArrayList<>();
        for (var scenario : batch.scenarios()) {
            try {
                outcomes.add(simulator.simulate(scenario));
            } catch (ArithmeticException | IllegalArgumentException e) {
                err.println("error: " + scenario.file() + ": " + e.getMessage());
                failed.add(scenario.file() + ": " + e.getMessage());
            }
        }
        TimeSeriesWriter series = new TimeSeriesWriter();
        for (Outcome o : outcomes) {
            Path dir = out.resolve(o.scenario().id());
            AtomicFiles.writeText(dir.resolve("timeseries.csv"), w -> series.write(o.result(), o.pd(), w));
            if (!o.scenario().titrationEvents().isEmpty()) {
                AtomicFiles.writeText(dir.resolve("events.csv"),
                        w -> new TitrationEventWriter().write(o.scenario().titrationEvents(), w));
            }
            if (!noChart) {
                ScenarioChart chart = new ScenarioChart(o.scenario(), o.result());
                AtomicFiles.write(dir.resolve("chart." + format.extension()), s -> chart.write(format, s));
            }
        }
        PopulationOutputs populations = new PopulationOutputs(inputs.maxRows(), format);
        for (Outcome o : outcomes) {
            Scenario sc = o.scenario();
            if (sc.population().isPresent()) {
                PopulationSettings settings = PopulationOutputs.settings(sc.population(), null, null, null, null,
                        ConcentrationWindow.DEFAULTS, Runtime.getRuntime().availableProcessors(), null);
                populations.write(sc, settings, out.resolve(sc.id()), stdout, err).ifPresent(problem -> {
                    err.println("error: " + problem);
                    failed.add(problem);
                });
            }
        }
        Path failures = out.resolve("failures.txt");
        AtomicFiles.writeLinesIfAny(failures, failed);
        if (outcomes.isEmpty()) {
            err.println("no scenario could be simulated; failures listed in " + failures);
            return ExitCodes.BAD_INPUT;
        }
        SummaryWriter summary = new SummaryWriter();
        AtomicFiles.writeText(out.resolve("summary.csv"), w -> {
            summary.writeHeader(w);
            for (Outcome o : outcomes) {
                var sc = o.scenario();
                summary.writeRow(new SummaryWriter.Row(sc.id(), sc.modelId(), sc.parentAnalyte(),
                        sc.metaboliteAnalyte().orElse(""), o.summary(), o.pd()), w);
            }
        });
        AtomicFiles.writeLinesIfAny(out.resolve("warnings.txt"), batch.warnings());
        for (Outcome o : outcomes) {
            stdout.printf("%s: Cmax %.4g ng/mL at %.4g h, AUC %.6g ng*h/mL, dose %.6g mg -> %s%n", o.scenario().id(),
                    o.summary().cmaxNgPerMl(), o.summary().tmaxH(), o.summary().aucNgHPerMl(),
                    o.summary().totalDoseMg(), out.resolve(o.scenario().id()));
        }
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
