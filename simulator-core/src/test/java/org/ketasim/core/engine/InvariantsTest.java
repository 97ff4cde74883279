package org.ketasim.core.engine;

import static org.ketasim.core.testing.Close.assertClose;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;
import org.ketasim.core.regimen.TitrationSchedule;
import org.ketasim.core.testing.Simulations;

/** Superposition, mass balance and time-shift invariance of the exact solver. */
class InvariantsTest {

    private static final PkModel MODEL = PkModel.of("3cmt+oral", 133, 95.2)
            .withPeripheral(new Peripheral(187, 23.2))
            .withPeripheral(new Peripheral(98.8, 157))
            .withRoute(Route.ORAL, new Absorption(0.18, 0.97, 0.3));

    private static final Regimen A = Regimen.of(new TitrationSchedule(0, 5, 2, 12, 25, 96, Route.IV));
    private static final Regimen B = Regimen.of(Bolus.of(1.1, 50, Route.ORAL), Bolus.of(30, 25, Route.IV),
            new StepSchedule(50, List.of(new StepSchedule.Step(3, 7), new StepSchedule.Step(9, 2)), Route.ORAL));

    private static Regimen both() {
        List<Dose> all = new ArrayList<>(A.doses());
        all.addAll(B.doses());
        return new Regimen(all);
    }

    @Test
    void responseToTwoRegimensTogetherIsTheSumOfTheirResponses() {
        double[] a = Simulations.exact(MODEL, A, 120, 0.25).parentConcentration();
        double[] b = Simulations.exact(MODEL, B, 120, 0.25).parentConcentration();
        double[] ab = Simulations.exact(MODEL, both(), 120, 0.25).parentConcentration();
        for (int i = 0; i < ab.length; i++) {
            assertClose(a[i] + b[i], ab[i], 1e-12, 1e-12, "Cp row " + i);
        }
    }

    @Test
    void everyMilligramIsInACompartmentOrEliminated() {
        double end = 120;
        var r = Simulations.exact(MODEL, both(), end, 0.5);
        LinearSystem system = r.system();
        double[] x = r.state(r.size() - 1);
        double inBody = 0;
        for (int i = 0; i < system.dimension(); i++) {
            if (!system.stateNames().get(i).startsWith("auc")) {
                inBody += x[i];
            }
        }
        double eliminated = MODEL.clearanceLPerH() * x[system.aucParentIndex()];
        double oral = 50 + 3 * 7 + 9 * 2;
        double given = 0.18 * oral + (both().administeredMg(end) - oral);
        assertClose(given, inBody + eliminated, 1e-12, 0, "mass balance at 120 h");
    }

    @Test
    void shiftingTheRegimenByWholeStepsShiftsTheCurve() {
        double shift = 2.5;
        List<Dose> later = new ArrayList<>();
        B.doses().forEach(d -> later.add(d.shiftedBy(shift)));
        double[] base = Simulations.exact(MODEL, B, 100, 0.5).parentConcentration();
        double[] shifted = Simulations.exact(MODEL, new Regimen(later), 100, 0.5).parentConcentration();
        int rows = (int) Math.round(shift / 0.5);
        for (int i = rows; i < base.length; i++) {
            assertClose(base[i - rows], shifted[i], 1e-11, 1e-12, "Cp row " + i);
        }
    }
}
