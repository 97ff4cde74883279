package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Observable;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.testing.Scenarios;

/**
 * Months after a session the fast modes decay through the subnormal doubles, where every operation
 * is about a hundred times slower; the modal stepper sets a mode below 1e-280 to zero. No mode of
 * a long washout is then subnormal (without the flush, thousands of rows have one), and the
 * concentrations agree with the exact engine as before (1e-9 relative).
 */
class SubnormalFlushTest {

    private static final CompiledScenario SESSION_AND_MONTHS = Scenarios.session("120 d", "5 min");

    /** Each mode's part of the parent's concentration (its free response's amplitudes), at every row. */
    @Test
    void noModeOfALongWashoutIsSubnormal() {
        Plan plan = SESSION_AND_MONTHS.plan();
        int[] subnormal = {0};
        new Propagator(plan, Engine.MODAL).observe((row, p) -> p.freeResponse(Observable.PARENT).ifPresent(f -> {
            for (double a : f.amplitudes()) {
                if (a != 0 && Math.abs(a) < Double.MIN_NORMAL) {
                    subnormal[0]++;
                }
            }
        })).run();
        assertEquals(0, subnormal[0], "rows with a subnormal mode");
    }

    @Test
    void valuesThatMatterAgreeWithTheExactEngine() {
        double[] times = {6, 100, 500, 1500};
        Plan plan = SESSION_AND_MONTHS.plan().withGrid(OutputGrid.at(times));
        double[][] modal = new double[times.length][];
        double[][] exact = new double[times.length][];
        new Propagator(plan, Engine.MODAL).observe((row, p) -> modal[row] = new double[] {p.value(Observable.PARENT),
            p.value(Observable.PAIN_EFFECT)}).run();
        new Propagator(plan, Engine.EXACT).observe((row, p) -> exact[row] = new double[] {p.value(Observable.PARENT),
            p.value(Observable.PAIN_EFFECT)}).run();
        for (int k = 0; k < times.length; k++) {
            assertClose(exact[k][0], modal[k][0], 1e-9, 1e-250, "Cp at " + times[k] + " h");
            assertClose(exact[k][1], modal[k][1], 1e-9, 0, "Ce,pain at " + times[k] + " h");
        }
    }
}
