package org.ketasim.core.testing;

import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.engine.Solver;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.regimen.Regimen;

/** Shortcuts for running a model and regimen in tests. */
public final class Simulations {
    private Simulations() {
    }

    /** Simulates an individual model with the given solver on a regular grid. */
    public static SimulationResult run(Solver solver, PkModel model, Regimen regimen, double durationH, double stepH) {
        LinearSystem system = LinearSystem.of(model);
        return solver.solve(system, DoseTimeline.of(regimen, system), OutputGrid.regular(durationH, stepH));
    }

    /** Simulates with the exact solver. */
    public static SimulationResult exact(PkModel model, Regimen regimen, double durationH, double stepH) {
        return run(new ExactSolver(), model, regimen, durationH, stepH);
    }
}
