package org.ketasim.core.engine;

import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.regimen.Breakpoints;

/**
 * Simulates a linear system under a dose timeline and reports it on an output grid. All
 * implementations share the walk over breakpoints and output rows defined here (see the package
 * documentation for what a row means) and differ only in how they advance the state over an
 * interval of constant input. Implementations are thread-safe.
 */
public interface Solver {

    /**
     * @param system the system whose state is advanced
     * @return a fresh, single-use propagation for one simulation
     */
    Propagation propagation(LinearSystem system);

    /**
     * Simulates from a zero state at time 0.
     *
     * @param system   the system
     * @param timeline the doses, compiled against {@code system}
     * @param grid     the output rows
     * @return the result, one row per grid time
     */
    default SimulationResult solve(LinearSystem system, DoseTimeline timeline, OutputGrid grid) {
        Propagation propagation = propagation(system);
        int n = system.dimension();
        int rows = grid.size();
        double[] zero = new double[n];
        double[] x = new double[n];
        double[] times = new double[rows];
        double[] pump = new double[rows];
        double[][] states = new double[rows][];
        double t = 0;
        int k = -1;
        for (int row = 0; row < rows; row++) {
            double g = grid.time(row);
            while (k + 1 < timeline.size() && timeline.time(k + 1) < g && !Breakpoints.same(timeline.time(k + 1), g)) {
                double tb = timeline.time(k + 1);
                if (tb > t) {
                    propagation.advance(x, tb - t, k < 0 ? zero : timeline.inputRate(k));
                    t = tb;
                }
                k++;
                addJump(x, timeline.jump(k));
            }
            if (g > t) {
                double h = g - t;
                if (Math.abs(h - grid.stepH()) <= 8 * Math.ulp(g)) {
                    h = grid.stepH();
                }
                propagation.advance(x, h, k < 0 ? zero : timeline.inputRate(k));
                t = g;
            }
            if (k + 1 < timeline.size() && Breakpoints.same(timeline.time(k + 1), g)) {
                k++;
                addJump(x, timeline.jump(k));
            }
            times[row] = g;
            pump[row] = k < 0 ? 0.0 : timeline.pumpRate(k);
            states[row] = x.clone();
        }
        return new SimulationResult(system, times, pump, states);
    }

    private static void addJump(double[] x, double[] jump) {
        if (jump != null) {
            for (int i = 0; i < x.length; i++) {
                x[i] += jump[i];
            }
        }
    }
}
