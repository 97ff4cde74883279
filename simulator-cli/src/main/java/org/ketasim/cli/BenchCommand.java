package org.ketasim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Patient;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.simulation.PopulationSimulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ketasim bench [FILE]}: how many virtual subjects per second this machine simulates on the
 * workload users run most: a population of a scenario (by default {@link #STANDARD}, the Dutch
 * inpatient median regimen of the catalogue) with every output row of every subject, the exact
 * percentile bands and the population outcomes, as {@code ketasim population} computes them
 * (without writing files). It reports one thread and all threads. The JMH suite in
 * {@code benchmarks/} is the careful measurement; this is the quick check on any machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure population speed: subjects per second with full time series, exact percentile bands "
            + "and the population outcomes (200 replicates), as 'ketasim population' computes them (no "
            + "files written), on one thread and on all threads.",
            "Default workload: the Dutch inpatient median regimen (5 mg/h +2 mg/h every 12 h, max 25 "
            + "mg/h, 4 days; fanta-otto, 11 days at a 15-min step)."})
final class BenchCommand implements Callable<Integer> {

    /**
     * The default workload: {@code scenarios/dutch-survey/nl-inpatient-median.yaml} without its
     * texts (a test checks they are equal), so that the command needs no file.
     */
    static final Scenario STANDARD = Scenario.builder().id("nl-inpatient-median").model(ModelSpec.BuiltIn.of("fanta-otto"))
            .patient(Patient.ofKg(70))
            .regimen(RegimenSpec.of(DoseSpec.schedule("5 mg/h", "2 mg/h", "12 h", "25 mg/h", "4 d"))
                    .withSetting("inpatient").withRoute(org.ketasim.core.model.Route.IV))
            .simulation(SimulationSpec.of("11 d", "15 min")).build();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A scenario to measure instead of the default.")
    private Path file;

    @Option(names = {"-n", "--n"}, defaultValue = "2000", paramLabel = "N",
            description = "Subjects per population (default: ${DEFAULT-VALUE}).")
    private int subjects;

    @Option(names = "--seconds", defaultValue = "3", paramLabel = "S",
            description = "Measured time per thread count, after 1 s of warm-up (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @CommandLine.Mixin
    private EngineOption engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!(seconds > 0 && seconds <= 600)) {
            throw OptionValues.problem("--seconds", "must be above 0 and at most 600, got " + seconds);
        }
        OptionValues.checkPopulation(subjects, null, null, null);
        CompiledScenario c = file == null ? STANDARD.compile() : new ScenarioYaml().load(file);
        int cores = PopulationSettings.defaultThreads();
        out.printf(Locale.ROOT, "%s: %d rows per subject, %d subjects per population, %s engine; %d processors, "
                        + "%s %s%n", c.id(), c.plan().grid().size(), subjects, engine.engine().id(), cores,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        out.flush();
        measure(c, 1, 1.0);
        double one = measure(c, 1, seconds);
        out.printf(Locale.ROOT, "1 thread: %.0f subjects/s%n", one);
        out.flush();
        if (cores > 1) {
            measure(c, cores, 1.0);
            out.printf(Locale.ROOT, "%d threads: %.0f subjects/s%n", cores, measure(c, cores, seconds));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** @return subjects per second over whole populations run for about {@code duration} seconds */
    private double measure(CompiledScenario c, int threads, double duration) {
        PopulationSimulator simulator = new PopulationSimulator(engine.engine());
        long start = System.nanoTime();
        long done = 0;
        long seed = 1;
        while (System.nanoTime() - start < duration * 1e9) {
            simulator.simulate(c, PopulationSettings.of(subjects, seed++).withThreads(threads), s -> { });
            done += subjects;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }
}
