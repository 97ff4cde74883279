package org.ketasim.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.io.yaml.ScenarioYamlWriter;
import org.ketasim.core.io.yaml.SweepYaml;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Subject;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.Sweep;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.simulation.PopulationSimulator;
import org.ketasim.core.sweep.SweepPoint;
import org.ketasim.core.sweep.SweepRunner;

/**
 * ketasim as a library, in one place: load or build a scenario, simulate one patient, a population
 * or a sweep, and get the results as columnar series, summary metrics and outcomes. Everything
 * runs on the modal closed-form engine unless an {@link Engine} is given. From JShell:
 *
 * <pre>{@code
 * import org.ketasim.core.*;
 * var s = Ketasim.load("scenarios/dutch-survey/nl-inpatient-median.yaml");
 * var patient = Ketasim.simulate(s);
 * patient.summary().cmaxNgPerMl();
 * var population = Ketasim.population(s.withWeightKg(80), 1000, 42);
 * population.result().bands();
 * }</pre>
 *
 * Bad input throws {@link org.ketasim.core.problems.InputException} (file, line, key, value).
 * Thread-safe (stateless).
 */
public final class Ketasim {

    private Ketasim() {
    }

    /**
     * A simulated population with its subjects kept.
     *
     * @param result   the bands and shares
     * @param subjects every subject, in index order
     */
    public record Population(PopulationResult result, List<Subject> subjects) {
    }

    /**
     * @param file a scenario file
     * @return the scenario, checked against its model
     */
    public static Scenario load(Path file) {
        return new ScenarioYaml().read(file);
    }

    /**
     * @param file a scenario file's path
     * @return the scenario, checked against its model
     */
    public static Scenario load(String file) {
        return load(Path.of(file));
    }

    /**
     * @param name a name for messages and the default id
     * @param yaml a scenario as YAML text
     * @return the scenario, checked against its model
     */
    public static Scenario parse(String name, String yaml) {
        return new ScenarioYaml().parse(Path.of(name), yaml);
    }

    /**
     * @param s a scenario
     * @return it as a scenario file's text (reading it back gives an equal scenario)
     */
    public static String toYaml(Scenario s) {
        return new ScenarioYamlWriter().write(s);
    }

    /**
     * @param s a scenario
     * @return its patient, simulated on the modal engine
     */
    public static PatientResult simulate(Scenario s) {
        return simulate(s, Engine.MODAL);
    }

    /**
     * @param s      a scenario
     * @param engine how intervals are taken
     * @return its patient, simulated
     */
    public static PatientResult simulate(Scenario s, Engine engine) {
        return new PatientSimulator(engine).simulate(s.compile());
    }

    /**
     * @param s        a scenario
     * @param subjects how many subjects
     * @param seed     the master seed
     * @return a virtual population of its patient (default percentiles and windows, all processors)
     */
    public static Population population(Scenario s, int subjects, long seed) {
        return population(s, PopulationSettings.of(subjects, seed)
                .withThreads(PopulationSettings.defaultThreads()));
    }

    /**
     * @param s        a scenario
     * @param settings size, seed, percentiles, windows, weight variability, threads
     * @return a virtual population of its patient
     */
    public static Population population(Scenario s, PopulationSettings settings) {
        List<Subject> subjects = new ArrayList<>();
        PopulationResult result = new PopulationSimulator(Engine.MODAL).simulate(s.compile(), settings, subjects::add);
        return new Population(result, subjects);
    }

    /**
     * @param sweepFile a sweep file
     * @return every grid point, in order: the typical patient's summary and curve metrics, without
     *         rows (simulate {@code Sweep.scenario(index)} for a point's series), and the population
     *         of a sweep with a subjects axis (use the command line for grids too large to keep)
     */
    public static List<SweepPoint> sweep(Path sweepFile) {
        Sweep sweep = new SweepYaml().read(sweepFile);
        SweepRunner runner = new SweepRunner(sweep, WindowChoice.PUBLISHED, new ScenarioCompiler(), Engine.MODAL,
                true);
        return LongStream.range(0, sweep.points()).mapToObj(runner::run).toList();
    }
}
