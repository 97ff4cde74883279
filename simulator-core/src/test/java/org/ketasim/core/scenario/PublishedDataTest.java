package org.ketasim.core.scenario;

import static org.ketasim.core.testing.Close.assertClose;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.testing.Simulations;

/**
 * The shipped S-ketamine model (Fanta 2015 as fixed in Otto 2021, with Otto's S-norketamine; in
 * {@code scenarios/examples/bolus-over.yaml}) against published and independently computed values
 * from {@code docs/research/pk-models.md} section 6.
 */
class PublishedDataTest {

    private static final CompiledScenario CHDR1311 = new ScenarioYaml().load(
            Path.of("../scenarios/examples/bolus-over.yaml"));

    private static double at(double[] values, Simulations.Run r, double timeH) {
        double[] t = r.timesH();
        for (int i = 0; i < t.length; i++) {
            if (Math.abs(t[i] - timeH) < 1e-9) {
                return values[i];
            }
        }
        throw new AssertionError("no row at " + timeH + " h");
    }

    /**
     * Observed venous medians after 10 mg S-ketamine over 30 min (CHDR1311; Otto et al. 2021,
     * doi:10.1007/s00228-021-03104-1, digitised by the nlmixr2lib maintainers, about +-10 %). The
     * typical-patient prediction must lie within 20 % of each median (digitising error plus the
     * gap between a typical patient and a median; the largest seen is 19 %, at 10 h).
     */
    @ParameterizedTest(name = "{0} h: S-ketamine {1}, S-norketamine {2} ng/mL")
    @CsvSource({"0.5, 56, 10", "1, 27, 23", "2, 15.5, 20", "3, 11.5, 16", "5, 6.0, 12", "6, 4.2, 11", "8, 2.5, 8",
        "10, 1.8, 6.5"})
    void reproducesTheObservedChdr1311Medians(double timeH, double ketamine, double norketamine) {
        var r = Simulations.of(new PatientSimulator(Engine.EXACT).simulate(CHDR1311));
        assertClose(ketamine, at(r.parentConcentration(), r, timeH), 0.20, 0, "S-ketamine at " + timeH + " h");
        assertClose(norketamine, at(r.metaboliteConcentration(), r, timeH), 0.20, 0, "S-norketamine at " + timeH + " h");
    }

    /**
     * Typical-subject predictions computed independently in pk-models.md section 6.2, for 20 mg/h
     * continuous at 4, 24 and 100 h. They are rounded to whole ng/mL there (0.5 ng/mL) and made with
     * a solver the note does not name; its S-norketamine at 100 h (346) is 0.17 % below ours
     * (346.6), hence 0.5 % relative on top of the rounding.
     */
    @Test
    void matchesTheResearchNotesTypicalPredictionsForAContinuousInfusion() {
        PkModel model = CHDR1311.individualModel();
        var r = Simulations.exact(model, Regimen.of(new ConstantInfusion(0, 200, 20, Route.IV)), 100, 1);
        double[][] expected = {{4, 149, 138}, {24, 204, 320}, {100, 210, 346}};
        for (double[] e : expected) {
            assertClose(e[1], at(r.parentConcentration(), r, e[0]), 0.005, 0.5, "S-ketamine at " + e[0] + " h");
            assertClose(e[2], at(r.metaboliteConcentration(), r, e[0]), 0.005, 0.5, "S-norketamine at " + e[0] + " h");
        }
    }

    /** The same note's 10 mg over 30 min predictions: 50 / 27 / 15 and 11 / 20 / 20 ng/mL at 0.5 / 1 / 2 h. */
    @Test
    void matchesTheResearchNotesTypicalPredictionsForTheChdr1311Dose() {
        var r = Simulations.of(new PatientSimulator(Engine.EXACT).simulate(CHDR1311));
        double[][] expected = {{0.5, 50, 11}, {1, 27, 20}, {2, 15, 20}};
        for (double[] e : expected) {
            assertClose(e[1], at(r.parentConcentration(), r, e[0]), 0, 0.5, "S-ketamine at " + e[0] + " h");
            assertClose(e[2], at(r.metaboliteConcentration(), r, e[0]), 0, 0.5, "S-norketamine at " + e[0] + " h");
        }
    }
}
