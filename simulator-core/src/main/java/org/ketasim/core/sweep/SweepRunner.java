package org.ketasim.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.outcomes.Analyte;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Subject;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.Sweep;
import org.ketasim.core.simulation.PatientMetrics;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.simulation.PopulationSimulator;

/**
 * Simulates single grid points of a sweep: the point's scenario (the base varied by withers),
 * compiled, then simulated for the typical patient (its summary and curve metrics; no rows are
 * kept) and, with a {@code subjects} axis, as a virtual population (one thread per point; the sweep's seed at every point, so points differ only by their
 * axes). Thread-safe: points may be run in parallel.
 */
public final class SweepRunner {

    private final Sweep sweep;
    private final WindowChoice windows;
    private final ScenarioCompiler compiler;
    private final PatientSimulator patients;
    private final PopulationSimulator populations;
    private final boolean keepSubjects;

    /**
     * @param sweep        the sweep
     * @param windows      the concentration windows reported per point
     * @param compiler     how each point's scenario is compiled (its row limit)
     * @param engine       how intervals are taken
     * @param keepSubjects whether the subjects of populations are kept for per-subject rows
     */
    public SweepRunner(Sweep sweep, WindowChoice windows, ScenarioCompiler compiler, Engine engine,
                       boolean keepSubjects) {
        this.sweep = sweep;
        this.windows = windows;
        this.compiler = compiler;
        this.patients = new PatientSimulator(engine);
        this.populations = new PopulationSimulator(engine);
        this.keepSubjects = keepSubjects;
    }

    /**
     * @param index the grid point
     * @return its results, or the reason it could not be simulated
     */
    public SweepPoint run(long index) {
        List<String> values = sweep.values(index);
        try {
            CompiledScenario c = compiler.compile(sweep.scenario(index));
            PatientMetrics typical = patients.metrics(c, windows.resolve(Analyte.ofModel(c.racemicModel())));
            List<Subject> subjects = new ArrayList<>();
            Optional<PopulationResult> population = sweep.subjects(index).map(n -> populations.simulate(c,
                    PopulationSettings.of(n, sweep.seed()).withWindows(windows), s -> {
                        if (keepSubjects) {
                            subjects.add(s);
                        }
                    }));
            return new SweepPoint(index, values, Optional.of(typical), population, subjects, "", c.warnings());
        } catch (InputException e) {
            return failed(index, values, e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return failed(index, values, e.getMessage());
        }
    }

    private SweepPoint failed(long index, List<String> values, String problem) {
        return new SweepPoint(index, values, Optional.empty(), Optional.empty(), List.of(), problem, List.of());
    }
}
