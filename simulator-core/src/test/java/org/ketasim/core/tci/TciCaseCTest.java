package org.ketasim.core.tci;

import static org.ketasim.core.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;

/**
 * The published effect-site TCI trace of the tci R package README (anchors-software.md section
 * 5.2, Case C): cl 10, q2 2, q3 20, v 15, v2 30, v3 50, ke0 1.2, targets 2, 3, 4, 4 at 0, 2, 3,
 * 10 min, 10-s updates. Time runs in minutes here (the engine is unit-agnostic: "h" below are
 * minutes) and concentrations are the README's c (amount / volume), so ketasim's ng/mL are
 * divided by 1000. The rates match to the grid's resolution (1e-4 relative), the states to 1e-5.
 */
class TciCaseCTest {

    private static final PkModel MODEL = PkModel.of("caseC", 15, 10)
            .withPeripheral(new Peripheral(30, 2))
            .withPeripheral(new Peripheral(50, 20))
            .withEffectSite(new EffectSite(1.2));

    /** Rows 1-6 of the README: rate, then c1..c4 at the start and at the end of the interval. */
    private static final double[][] ROWS = {
        {643.6921, 0, 0, 0, 0, 6.033672, 0.03532348, 0.2079682, 0.5966263},
        {0, 6.033672, 0.03532348, 0.2079682, 0.5966263, 4.301795, 0.09138590, 0.5235366, 1.4096671},
        {0, 4.301795, 0.09138590, 0.5235366, 1.4096671, 3.136188, 0.13103476, 0.7267367, 1.8178340},
        {0, 3.136188, 0.13103476, 0.7267367, 1.8178340, 2.350071, 0.15960595, 0.8548449, 1.9785480},
        {19.3835, 2.350071, 0.15960595, 0.8548449, 1.9785480, 2.000000, 0.18174014, 0.9390928, 2.0109479},
        {0, 2.000000, 0.18174014, 0.9390928, 2.0109479, 1.586605, 0.19939667, 0.9931853, 1.9678507},
    };

    @Test
    void effectSiteScheduleReproducesThePublishedTrace() {
        LinearSystem system = LinearSystem.of(MODEL);
        // the tci package's settings in minutes: 1/6-min updates, maximum rate 1200, 1,200-point search over 10 min
        TciSettings settings = new TciSettings(TciSite.EFFECT, 1.0 / 6, 1200, 1200, 10, 0.5, 0.2, 0.05, 0);
        var schedule = new TargetControlledInfusion(system, settings).schedule(List.of(new TciTarget(0, 2000),
                new TciTarget(2, 3000), new TciTarget(3, 4000), new TciTarget(10, 4000)), 10);
        int central = system.centralIndex();
        int p2 = system.stateNames().indexOf("peripheral2");
        int p3 = system.stateNames().indexOf("peripheral3");
        for (int i = 0; i < ROWS.length; i++) {
            var interval = schedule.get(i);
            assertClose(ROWS[i][0], interval.rateMgPerH(), 1e-4, 1e-9, "rate of row " + (i + 1));
            double[] end = interval.endState();
            assertClose(ROWS[i][5], end[central] / 15, 1e-5, 1e-9, "c1 end of row " + (i + 1));
            assertClose(ROWS[i][6], end[p2] / 30, 1e-5, 1e-9, "c2 end of row " + (i + 1));
            assertClose(ROWS[i][7], end[p3] / 50, 1e-5, 1e-9, "c3 end of row " + (i + 1));
            assertClose(ROWS[i][8], system.effectConcentration(end) / 1000, 1e-5, 1e-9, "c4 end of row " + (i + 1));
        }
    }

    @Test
    void plasmaTargetingReachesAndHoldsTheTargetWithinOnePercentWithinThePumpLimit() {
        LinearSystem system = LinearSystem.of(MODEL);
        var schedule = new TargetControlledInfusion(system, new TciSettings(TciSite.PLASMA, 1.0 / 6, 1200, 1200, 10,
                0.5, 0.2, 0.05, 0)).schedule(List.of(new TciTarget(0, 2000), new TciTarget(5, 3000)), 10);
        for (var interval : schedule) {
            org.junit.jupiter.api.Assertions.assertTrue(interval.rateMgPerH() >= 0 && interval.rateMgPerH() <= 1200);
            double cp = system.parentConcentration(interval.endState());
            assertClose(interval.targetNgPerMl(), cp, 0.01, 0, "Cp at " + interval.endH());
        }
    }
}
