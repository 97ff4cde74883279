package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.testing.Simulations;

/**
 * Built-in models against published numbers (docs/research/pk-models.md sections 2, 6; the same
 * rows are tabulated in docs/validation.md).
 */
class ModelValidationTest {

    private static double at(double[] values, double[] times, double t) {
        for (int i = 0; i < times.length; i++) {
            if (Math.abs(times[i] - t) < 1e-9) {
                return values[i];
            }
        }
        throw new AssertionError("no row at " + t);
    }

    /**
     * Steady state at 20 mg/h (70 kg), simulated for 60 days, against the published range:
     * S-ketamine, Fanta 2015 CL 95 L/h/70 kg with 13 % IIV [V] gives 163-272 ng/mL (typical
     * CL +- 1.96 omega); racemic, the published clearances from 18.6 mL/min/kg (Idvall 1979: 41
     * ug/kg/min gave 2.2 ug/mL [V, C]) to 49.3 mL/min/kg (Hijazi 2003 abstract, mean + 1 SD [V])
     * give 97-256 ng/mL. The simulated value must also be 20 mg/h / CL to 1e-6.
     */
    @ParameterizedTest(name = "{0}: {1} to {2} ng/mL")
    @CsvSource({
        "fanta-otto, 163, 272", "flint-2017, 163, 272",
        "domino, 97, 256", "clements-1981, 97, 256", "hijazi-2003, 97, 256", "kamp-2020, 97, 256",
    })
    void steadyStateAt20MgPerHourIsInsideThePublishedRange(String id, double low, double high) {
        PkModel model = ModelLibrary.find(id).orElseThrow().model().forWeight(70);
        var r = Simulations.exact(model, Regimen.of(new ConstantInfusion(0, 24 * 60, 20, Route.IV)), 24 * 60, 24);
        double[] cp = r.parentConcentration();
        double css = cp[cp.length - 1];
        assertClose(20 / model.clearanceLPerH() * 1000, css, 1e-6, 0, id + " steady state");
        assertTrue(css >= low && css <= high, id + ": " + css + " ng/mL outside " + low + "-" + high);
    }

    /**
     * Kamp 2020 meta-analysis of 18 studies [V]: weighted mean CL 79 L/h at 70 kg (95 % CI 69-90),
     * so steady state at 20 mg/h 222-290 ng/mL; the Kamp raw-data model gives 238.
     */
    @Test
    void kampSteadyStateIsInsideItsOwnMetaAnalysis() {
        double css = 20 / ModelLibrary.find("kamp-2020").orElseThrow().model().clearanceLPerH() * 1000;
        assertTrue(css >= 20.0 / 90 * 1000 && css <= 20.0 / 69 * 1000, css + " ng/mL");
    }

    /**
     * Otto 2021 CHDR1311 observed venous medians after 10 mg over 30 min (digitised, about +-10 %):
     * S-ketamine 56 / 27 / 15.5 ng/mL at 0.5 / 1 / 2 h, S-norketamine 23 at 1 h. Tolerance 15 %.
     */
    @Test
    void fantaOttoReproducesTheOttoMedians() {
        PkModel model = ModelLibrary.find("fanta-otto").orElseThrow().model().forWeight(70);
        var r = Simulations.exact(model, Regimen.of(ConstantInfusion.ofAmount(0, 10, 0.5, Route.IV)), 2, 0.5);
        double[] t = r.timesH();
        assertClose(56, at(r.parentConcentration(), t, 0.5), 0.15, 0, "S-ketamine at 0.5 h");
        assertClose(27, at(r.parentConcentration(), t, 1), 0.15, 0, "S-ketamine at 1 h");
        assertClose(15.5, at(r.parentConcentration(), t, 2), 0.15, 0, "S-ketamine at 2 h");
        assertClose(23, at(r.metaboliteConcentration(), t, 1), 0.15, 0, "S-norketamine at 1 h");
    }

    /** pk-models.md 6.2 typical predictions [C] for the racemic TCI models, 10 mg over 30 min at 0.5 / 1 / 2 h. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"domino, 86, 15, 10", "kamp-2020, 87, 25, 14"})
    void racemicModelsMatchTheResearchNotesPredictions(String id, double c05, double c1, double c2) {
        PkModel model = ModelLibrary.find(id).orElseThrow().model().forWeight(70);
        var r = Simulations.exact(model, Regimen.of(ConstantInfusion.ofAmount(0, 10, 0.5, Route.IV)), 2, 0.5);
        double[] t = r.timesH();
        assertClose(c05, at(r.parentConcentration(), t, 0.5), 0.01, 0.5, id + " at 0.5 h");
        assertClose(c1, at(r.parentConcentration(), t, 1), 0.01, 0.5, id + " at 1 h");
        assertClose(c2, at(r.parentConcentration(), t, 2), 0.01, 0.5, id + " at 2 h");
    }
}
