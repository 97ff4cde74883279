package org.ketasim.core.outcomes;

import java.nio.file.Path;
import java.util.List;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.Series;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.ExposureRecorder;
import org.ketasim.core.simulation.PopulationSimulator;

/**
 * Scenarios turned into what the outcome models take, through the production path: the
 * {@link ExposureRecorder} on the modal engine for one patient, the {@link PopulationSimulator}'s
 * own exposures for a population (so the subjects are those of {@code ketasim population} with the
 * same seed), and its course description.
 */
final class ExposureFixtures {

    private static final PopulationSimulator POPULATION = new PopulationSimulator(Engine.MODAL);

    private ExposureFixtures() {
    }

    /** @return a catalogue scenario, e.g. {@code trials/sigtermans2009.yaml}, compiled */
    static CompiledScenario catalogue(String path) {
        return new ScenarioYaml().load(Path.of("../scenarios").resolve(path));
    }

    /** @return a scenario from YAML text, compiled */
    static CompiledScenario parse(String yaml) {
        return new ScenarioYaml().parse(Path.of("fixture.yaml"), yaml).compile();
    }

    /** @return the typical patient's exposure, on the grid a population of the scenario uses */
    static SubjectExposure typical(CompiledScenario s) {
        return POPULATION.typicalExposure(s);
    }

    /**
     * @param s     the scenario
     * @param n     subjects
     * @param seed  the population's master seed
     * @return the exposures of the population's n subjects (n at most the outcome subjects' cap)
     */
    static List<SubjectExposure> population(CompiledScenario s, int n, long seed) {
        return POPULATION.exposures(s, PopulationSettings.of(n, seed).withThreads(2));
    }

    /** @return the scenario's course as the population describes it */
    static CourseDescriptor course(CompiledScenario s) {
        return POPULATION.course(s);
    }

    /**
     * @param s      the scenario
     * @param timesH times (h), ascending
     * @return the typical patient's rows at those times on the exact (matrix exponential) engine
     */
    static Series exactAt(CompiledScenario s, double... timesH) {
        Plan plan = s.plan().withGrid(OutputGrid.at(timesH));
        Series.Recorder rows = new Series.Recorder(plan);
        new Propagator(plan, Engine.EXACT).observe(rows).run();
        return rows.series();
    }
}
