package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.testing.Simulations;

/** What a row means at dose times: right-continuous state and pump rate. */
class DoseTimelineTest {

    private static final PkModel MODEL = PkModel.of("1cmt", 50, 10).withRoute(Route.SC, new Absorption(0.9, 1.2, 0.5));

    @Test
    void rowAtABolusTimeIsTakenJustAfterTheBolus() {
        var r = Simulations.exact(MODEL, Regimen.of(Bolus.of(0, 100, Route.IV), Bolus.of(2, 100, Route.IV)), 4, 1);
        double[] cp = r.parentConcentration();
        assertClose(2000, cp[0], 1e-15, 0, "Cp at 0 h");
        assertClose(2000 * (1 + Math.exp(-0.2 * 2)), cp[2], 1e-14, 0, "Cp at 2 h");
    }

    @Test
    void aBolusTimeThatEqualsAGridTimeOnlyUpToRoundingIsOnTheGrid() {
        // 40 min (0.666...7 h) against the third 20-min row (2 * 0.333...3 h): one instant
        double fortyMinutes = 40.0 / 60;
        var r = Simulations.exact(MODEL, Regimen.of(Bolus.of(fortyMinutes, 100, Route.IV)), 2, 20.0 / 60);
        double[] cp = r.parentConcentration();
        assertEquals(0, cp[1], 0);
        assertClose(2000, cp[2], 1e-12, 0, "Cp at 40 min");
    }

    @Test
    void pumpRateInARowIsTheRateFromThatTimeOnBeforeBioavailabilityAndLag() {
        var r = Simulations.exact(MODEL, Regimen.of(new ConstantInfusion(1, 2, 6, Route.SC),
                new ConstantInfusion(2, 2, 4, Route.IV)), 5, 0.5);
        double[] expected = {0, 0, 6, 6, 10, 10, 4, 4, 0, 0, 0};
        double[] pump = r.pumpRatesMgPerH();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], pump[i], 1e-12, "pump rate at " + r.timesH()[i] + " h");
        }
    }

    @Test
    void extravascularDoseEntersItsDepotAfterTheLagTimesF() {
        var r = Simulations.exact(MODEL, Regimen.of(Bolus.of(1, 100, Route.SC)), 3, 0.25);
        int depot = r.system().stateNames().indexOf("depot:sc");
        assertEquals(0, r.state(5)[depot], 0, "before 1.5 h");
        assertClose(90, r.state(6)[depot], 1e-15, 0, "at 1.5 h");
        assertClose(90 * Math.exp(-1.2 * 0.5), r.state(8)[depot], 1e-14, 0, "at 2 h");
    }

    @Test
    void anInfusionTooShortToResolveIsGivenWholeAsABolusAndReportedAsGiven() {
        // 50 mg over a microsecond: its start and end are one instant (Breakpoints.TOLERANCE_H)
        double microsecond = 1e-6 / 3600;
        var bolus = Simulations.exact(MODEL, Regimen.of(Bolus.of(1, 50, Route.IV)), 4, 0.5);
        for (Route route : new Route[] {Route.IV, Route.SC}) {
            var reference = Simulations.exact(MODEL, Regimen.of(Bolus.of(1, 50, route)), 4, 0.5);
            var shortInfusion = Simulations.exact(MODEL,
                    Regimen.of(ConstantInfusion.ofAmount(1, 50, microsecond, route)), 4, 0.5);
            // the segment's end, 1 h + 2.8e-10 h, is rounded to 1 h's precision (2e-16 h): 1e-6 of the amount
            assertClose(50, shortInfusion.summary().totalDoseMg(), 1e-6, 0, route + ": the amount reported as given");
            assertClose(reference.summary().aucNgHPerMl(), shortInfusion.parentAuc(), 1e-6, 0, route + ": AUC");
            double[] cp = shortInfusion.parentConcentration();
            for (int i = 0; i < cp.length; i++) {
                assertClose(reference.parentConcentration()[i], cp[i], 1e-6, 1e-12, route + ": Cp at row " + i);
            }
        }
        assertClose(1000, bolus.parentConcentration()[2], 1e-15, 0, "the bolus itself at 1 h");
    }

    @Test
    void aControllersInfusionTooShortToResolveIsGivenWholeToo() {
        LinearSystem system = LinearSystem.of(MODEL);
        Plan plan = new Plan(system, DoseTimeline.of(new Regimen(List.of()), system), OutputGrid.regular(2, 1), 2, 1.0,
                List.of());
        Propagator p = new Propagator(plan, Engine.EXACT);
        p.advanceTo(0);
        p.give(ConstantInfusion.ofAmount(0, 50, 1e-10, Route.IV));
        p.advanceTo(1);
        assertClose(50, p.administeredMg(), 1e-6, 0, "the amount reported as given");
        assertClose(1000 * Math.exp(-0.2), p.value(Observable.PARENT), 1e-12, 0, "Cp 1 h after 50 mg into 50 L");
    }

    @Test
    void aRouteTheModelLacksIsRefused() {
        var e = assertThrows(UnsupportedRouteException.class,
                () -> Simulations.exact(MODEL, Regimen.of(Bolus.of(0, 1, Route.ORAL)), 1, 1));
        assertEquals("the model has no 'oral' route (it supports: iv, sc)", e.getMessage());
    }
}
