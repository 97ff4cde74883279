package org.ketasim.core.sweep;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ketasim.core.compare.ConcentrationWindow;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.PopulationSimulator;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.ScenarioLoader;
import org.ketasim.core.scenario.ScenarioSimulator;
import org.ketasim.core.scenario.Sweep;

/**
 * Simulates single grid points of a sweep: the base scenario with the point's values written in,
 * read and checked like any scenario file, then simulated for the typical patient and, with a
 * {@code subjects} axis, as a virtual population (one thread per point; the sweep's seed at every
 * point, so points differ only by their axes). Thread-safe: points may be run in parallel.
 */
public final class SweepRunner {

    private final Sweep sweep;
    private final List<ConcentrationWindow> windows;
    private final ScenarioLoader loader;
    private final ScenarioSimulator simulator = new ScenarioSimulator(new ExactSolver());
    private final PopulationSimulator populations = new PopulationSimulator(simulator);

    /**
     * @param sweep   the sweep
     * @param windows the concentration windows reported per point
     * @param maxRows the row limit per point's scenario
     */
    public SweepRunner(Sweep sweep, List<ConcentrationWindow> windows, long maxRows) {
        this.sweep = sweep;
        this.windows = List.copyOf(windows);
        this.loader = new ScenarioLoader().withMaxRows(maxRows);
    }

    /** @return the windows reported per point */
    public List<ConcentrationWindow> windows() {
        return windows;
    }

    /**
     * @param index the grid point
     * @return its results, or the reason it could not be simulated
     */
    public SweepPoint run(long index) {
        List<String> values = sweep.values(index);
        Sweep.Base base = sweep.base(index);
        Scenario scenario;
        try {
            scenario = loader.parse(base.file(), sweep.scenarioText(index));
        } catch (ScenarioException e) {
            return failed(index, values, withoutGeneratedLine(base, e.getMessage()));
        } catch (IllegalArgumentException e) {
            return failed(index, values, e.getMessage());
        }
        try {
            ScenarioSimulator.Outcome outcome = simulator.simulate(scenario);
            Optional<PopulationResult> population = sweep.subjects(index).map(n -> populations.simulate(scenario,
                    scenario.card().map(c -> c.variability()).orElse(List.of()),
                    PopulationSettings.of(n, sweep.seed()).withWindows(windows), kg -> scenario,
                    new double[] {0.3, 350}));
            return new SweepPoint(index, values, Optional.of(outcome), population, "",
                    scenario.warnings().stream().map(w -> withoutGeneratedLine(base, w)).toList());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return failed(index, values, e.getMessage());
        }
    }

    private SweepPoint failed(long index, List<String> values, String problem) {
        return new SweepPoint(index, values, Optional.empty(), Optional.empty(), problem, List.of());
    }

    /** The line numbers of a point's generated text mean nothing to the user: keeps the key and the problem. */
    private static String withoutGeneratedLine(Sweep.Base base, String message) {
        return message.replaceFirst("^" + Pattern.quote(String.valueOf(base.file())) + "(:\\d+)?: ", "");
    }
}
