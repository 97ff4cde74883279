package org.ketasim.core.scenario;

import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.engine.Solver;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.pd.PdOutcome;

/**
 * Runs a scenario end to end: scaling to the patient, the state-space system, the dose timeline,
 * the solver, the summary and the pharmacodynamics. Thread-safe if the solver is.
 */
public final class ScenarioSimulator {

    private final Solver solver;

    /** @param solver the solver to use, e.g. {@link org.ketasim.core.engine.ExactSolver} */
    public ScenarioSimulator(Solver solver) {
        this.solver = solver;
    }

    /**
     * The result of one scenario.
     *
     * @param scenario the scenario
     * @param result   its time series
     * @param summary  its summary metrics
     * @param pd       its pharmacodynamics (NaN series where the model lacks the effect sites)
     */
    public record Outcome(Scenario scenario, SimulationResult result, Summary summary, PdOutcome pd) {
    }

    /** Refuses a result holding a NaN or an infinity, so that none can reach an output file. */
    private static void requireFinite(Scenario scenario, SimulationResult result) {
        double[] t = result.timesH();
        for (int i = 0; i < result.size(); i++) {
            for (double v : result.state(i)) {
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException(scenario.file() + ": the simulation of '" + scenario.id()
                            + "' gives a non-finite value at " + t[i] + " h; the model's parameters are beyond what "
                            + "the solver can compute in double precision");
                }
            }
        }
    }

    /**
     * @param scenario a validated scenario
     * @return its time series and summary
     * @throws ArithmeticException if the result would hold a NaN or an infinity
     */
    public Outcome simulate(Scenario scenario) {
        return simulate(scenario, scenario.individualModel());
    }

    /**
     * Runs a scenario with a given individual model, e.g. one subject of a virtual population.
     *
     * @param scenario   a validated scenario (regimen, grid, patient)
     * @param individual the model of this patient, scaling and variability already applied
     * @return its time series and summary
     * @throws ArithmeticException if the result would hold a NaN or an infinity
     */
    public Outcome simulate(Scenario scenario, PkModel individual) {
        SimulationResult result = solve(scenario, individual, OutputGrid.regular(scenario.durationH(), scenario.stepH()));
        return new Outcome(scenario, result, Summary.of(result, scenario.regimen(), scenario.weightKg()),
                PdOutcome.of(result, scenario.sKetamineFraction(), scenario.baselineNrs()));
    }

    /**
     * Runs a scenario's regimen on a given individual model, with rows at the given times only
     * (e.g. sampling times).
     *
     * @param scenario   a validated scenario
     * @param individual the model of this patient
     * @param timesH     ascending row times (h)
     * @return the time series at those times
     * @throws ArithmeticException if the result would hold a NaN or an infinity
     */
    public SimulationResult at(Scenario scenario, PkModel individual, double... timesH) {
        return solve(scenario, individual, OutputGrid.at(timesH));
    }

    private SimulationResult solve(Scenario scenario, PkModel individual, OutputGrid grid) {
        LinearSystem system = LinearSystem.of(individual);
        DoseTimeline timeline = DoseTimeline.of(scenario.regimen(), system, scenario.inputFactor());
        SimulationResult result = solver.solve(system, timeline, grid);
        requireFinite(scenario, result);
        return result;
    }
}
