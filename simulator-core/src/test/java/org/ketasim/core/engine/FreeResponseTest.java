package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Observable;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.testing.Scenarios;

/**
 * The closed-form course after the last dose ({@link Propagator#freeResponse}): against the exact
 * (matrix exponential) engine's rows, on the built-in S-ketamine model after a 6-h session, and
 * only where nothing more will be given.
 */
class FreeResponseTest {

    private static final CompiledScenario SESSION = Scenarios.session("30 d", "1 h");
    private static final double KE0 = Math.log(2) / (10.9 * 24);

    /** At the session's end (6 h): the free response of the parent, from the modal engine. */
    private static FreeResponse atEnd() {
        Plan plan = SESSION.plan().withGrid(OutputGrid.at(6));
        FreeResponse[] seen = new FreeResponse[1];
        new Propagator(plan, Engine.MODAL).observe((row, p) -> seen[0] = p.freeResponse(Observable.PARENT)
                .orElseThrow()).run();
        return seen[0];
    }

    /** @return the exact engine's values of {@code o} at 6 h plus each tau */
    private static double[] exact(Observable o, double... tauH) {
        double[] times = new double[tauH.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = 6 + tauH[i];
        }
        Plan plan = SESSION.plan().withGrid(OutputGrid.at(times));
        Series.Recorder rows = new Series.Recorder(plan);
        new Propagator(plan, Engine.EXACT).observe(rows).run();
        return rows.series().values(o);
    }

    /**
     * Plasma, pain effect site (fed from the exact engine's value at the end) and the AUC to the
     * horizon, against the exact engine: 1e-10 relative (seen 1e-12), the plasma while it is above
     * 1e-12 of its start.
     */
    @Test
    void matchesTheExactEngineAfterTheLastDose() {
        FreeResponse free = atEnd();
        double[] tau = {0, 0.5, 1, 10, 68, 672};
        double[] cp = exact(Observable.PARENT, tau);
        double[] ce = exact(Observable.PAIN_EFFECT, tau);
        for (int i = 0; i < tau.length; i++) {
            if (cp[i] > 1e-12 * cp[0]) {
                assertClose(cp[i], free.valueAt(tau[i]), 1e-10, 0, "Cp " + tau[i] + " h after the end");
            }
            assertClose(ce[i], free.effectSiteAt(KE0, ce[0], tau[i]), 1e-10, 0, "Ce,pain " + tau[i] + " h after");
        }
        double[] auc = new double[2];
        Plan plan = SESSION.plan().withGrid(OutputGrid.at(6, 30 * 24));
        new Propagator(plan, Engine.EXACT).observe((row, p) -> auc[row] = p.stepper().auc(Observable.PARENT)).run();
        assertClose(auc[1] - auc[0], free.integral(), 1e-10, 0, "AUC after the end");
    }

    /** An effect site as fast as a mode: the limit form, continuous across it (to 1e-9 relative). */
    @Test
    void anEffectSiteAsFastAsAModeStaysAccurate() {
        FreeResponse one = new FreeResponse(new double[] {-0.2}, new double[] {10});
        double tau = 5;
        double limit = 10 * tau * Math.exp(-0.2 * tau) * 0.2;
        assertClose(limit, one.effectSiteAt(0.2, 0, tau), 1e-12, 0, "ke0 equal to the mode's rate");
        for (double d : new double[] {1e-12, 1e-8, 1e-4}) {
            assertClose(limit, one.effectSiteAt(0.2 * (1 + d), 0, tau), 2 * d + 1e-9, 0, "ke0 off by " + d);
        }
        double far = 10 * 0.05 * (Math.exp(-0.2 * 100) - Math.exp(-0.05 * 100)) / (-0.2 + 0.05);
        assertClose(far, one.effectSiteAt(0.05, 0, 100), 1e-12, 0, "the plain difference far from the mode");
    }

    /** Only while nothing runs, until the next dose, and only on the modal engine. */
    @Test
    void isEmptyWhileAnInfusionRunsAndEndsAtTheNextDose() {
        Plan plan = SESSION.plan().withGrid(OutputGrid.at(3, 6));
        Optional<?>[] seen = new Optional<?>[2];
        new Propagator(plan, Engine.MODAL).observe((row, p) -> seen[row] = p.freeResponse(Observable.PARENT)).run();
        assertTrue(seen[0].isEmpty(), "the infusion runs at 3 h");
        assertTrue(seen[1].isPresent(), "nothing runs after 6 h");
        Optional<?>[] exact = new Optional<?>[2];
        new Propagator(plan, Engine.EXACT).observe((row, p) -> exact[row] = p.freeResponse(Observable.PARENT)).run();
        assertEquals(Optional.empty(), exact[1], "the matrix-exponential engine has no modes");
        CompiledScenario two = Scenarios.compile("""
                drug: esketamine
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  doses:
                    - infusion: {rate: 20 mg/h, duration: 2 h}
                    - infusion: {rate: 20 mg/h, duration: 2 h}
                      at: 10 h
                simulation: {duration: 1 d, step: 1 h}
                """);
        Optional<?>[] between = new Optional<?>[1];
        double[] until = new double[1];
        new Propagator(two.plan().withGrid(OutputGrid.at(5)), Engine.MODAL).observe((row, p) -> {
            between[0] = p.freeResponse(Observable.PARENT);
            until[0] = p.nextDoseEventH();
        }).run();
        assertTrue(between[0].isPresent(), "nothing runs between the infusions");
        assertEquals(10, until[0], 0, "valid until the second infusion");
    }

    @Test
    void refusesGrowingModesAndMismatchedArrays() {
        assertThrows(IllegalArgumentException.class, () -> new FreeResponse(new double[] {0.1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new FreeResponse(new double[] {-0.1}, new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new FreeResponse(new double[] {-0.1}, new double[] {Double.NaN}));
    }
}
