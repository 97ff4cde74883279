package org.ketasim.core.engine;

import static org.ketasim.core.testing.Close.assertAllClose;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;
import org.ketasim.core.regimen.TitrationSchedule;
import org.ketasim.core.testing.Simulations;

/**
 * The exact solver against the numeric one (Dormand-Prince 8(5,3) at 1e-12 relative tolerance) on
 * 1-, 2- and 3-compartment models with depots, metabolites and effect sites under titration
 * schedules, steps and boluses: every row of every concentration agrees to 1e-8 relative
 * (1e-9 ng/mL absolute near zero), and so does the AUC.
 */
class ExactVersusNumericTest {

    private static final double REL = 1e-8;
    private static final double ABS = 1e-9;

    static Stream<Arguments> cases() {
        // S-ketamine-like parameters (Fanta 2015 / Otto 2021, docs/research pk-models.md), varied per case
        PkModel one = PkModel.of("1cmt+oral+effect", 133, 95.2)
                .withRoute(Route.ORAL, new Absorption(0.18, 0.97, 0.25))
                .withEffectSite(new EffectSite(6.84));
        PkModel two = PkModel.of("2cmt+sc+metabolite+effect", 133, 95.2)
                .withPeripheral(new Peripheral(187, 23.2))
                .withRoute(Route.SC, new Absorption(0.93, 2.5, 0.1))
                .withMetabolite(new Metabolite("norketamine", 0.8, 0.941, 98.6, 57.7, Optional.empty()))
                .withEffectSite(new EffectSite(6.84));
        PkModel three = PkModel.of("3cmt+oral+sc+metabolite2+effect", 133, 95.2)
                .withPeripheral(new Peripheral(187, 23.2))
                .withPeripheral(new Peripheral(98.8, 157))
                .withRoute(Route.ORAL, new Absorption(0.18, 0.97, 0))
                .withRoute(Route.SC, new Absorption(0.93, 2.5, 0.3))
                .withMetabolite(new Metabolite("norketamine", 1, 1, 98.6, 57.7, Optional.of(new Peripheral(160, 42.8))))
                .withEffectSite(new EffectSite(0.114 * 60));

        Regimen titration = Regimen.of(new TitrationSchedule(0, 5, 2, 12, 25, 96, Route.IV));
        Regimen stepsAndBoluses = Regimen.of(
                Bolus.of(0.3, 10, Route.IV),
                new StepSchedule(1, List.of(new StepSchedule.Step(0.1 * 70, 0.75), new StepSchedule.Step(0.3 * 70, 2),
                        new StepSchedule.Step(0, 1), new StepSchedule.Step(12, 3.2)), Route.IV),
                ConstantInfusion.ofAmount(9.1, 35, 40.0 / 60, Route.IV),
                Bolus.of(13, 5, Route.IV));
        Regimen oral = Regimen.of(Bolus.of(0, 100, Route.ORAL), Bolus.of(6.2, 100, Route.ORAL),
                new ConstantInfusion(2, 4, 10, Route.IV)).repeated(12, 3);
        Regimen sc = Regimen.of(new TitrationSchedule(0.5, 2, 1.5, 1, 8, 10, Route.SC), Bolus.of(3, 7.5, Route.SC));

        return Stream.of(
                Arguments.of(one, titration, 120.0, 1.0 / 12),
                Arguments.of(one, stepsAndBoluses, 24.0, 0.1),
                Arguments.of(one, oral, 48.0, 0.5),
                Arguments.of(two, titration, 144.0, 1.0 / 12),
                Arguments.of(two, stepsAndBoluses, 24.0, 0.25),
                Arguments.of(two, sc, 30.5, 0.2),
                Arguments.of(three, titration, 144.0, 1.0 / 12),
                Arguments.of(three, stepsAndBoluses, 20.3, 0.1),
                Arguments.of(three, oral, 40.0, 1.0 / 3),
                Arguments.of(three, sc, 16.0, 0.05));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exactAndNumericAgree(PkModel model, Regimen regimen, double durationH, double stepH) {
        var exact = Simulations.run(Engine.EXACT, model, regimen, durationH, stepH);
        var numeric = Simulations.run(Engine.NUMERIC, model, regimen, durationH, stepH);
        assertAllClose(numeric.timesH(), exact.timesH(), 0, 0, "time");
        assertAllClose(numeric.pumpRatesMgPerH(), exact.pumpRatesMgPerH(), 0, 0, "pump rate");
        assertAllClose(numeric.parentConcentration(), exact.parentConcentration(), REL, ABS, "Cp");
        if (exact.system().hasMetabolite()) {
            assertAllClose(numeric.metaboliteConcentration(), exact.metaboliteConcentration(), REL, ABS, "Cm");
            assertClose(numeric.metaboliteAuc(), exact.metaboliteAuc(), REL, ABS, "metabolite AUC");
        }
        assertAllClose(numeric.effectConcentration(), exact.effectConcentration(), REL, ABS, "Ce");
        assertClose(numeric.parentAuc(), exact.parentAuc(), REL, ABS, "AUC");
    }
}
