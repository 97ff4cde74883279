package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Route;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.testing.Scenarios;

/** Built-in model ids in scenario files: drug forms, salts, route overrides and warnings. */
class BuiltInModelScenarioTest {

    private static final String BASE = """
            model: fanta-otto
            patient: {weight: 70 kg}
            regimen:
              doses:
                - infusion: {rate: 20 mg/h, duration: 2 h}
                - bolus: 5 mg
                  at: 3 h
            simulation: {duration: 8 h, step: 10 min}
            """;

    private static CompiledScenario parse(String yaml) {
        return Scenarios.compile(yaml);
    }

    private static PatientResult run(String yaml) {
        return Scenarios.exact(yaml);
    }

    @Test
    void aRacemicDoseOnAnSKetamineModelGivesExactlyHalfTheConcentrationsAndSaysSo() {
        var esketamine = run(BASE);
        var racemic = run("drug: ketamine\n" + BASE);
        double[] full = esketamine.series().values(Observable.PARENT);
        double[] half = racemic.series().values(Observable.PARENT);
        double[] fullNk = esketamine.series().values(Observable.METABOLITE);
        double[] halfNk = racemic.series().values(Observable.METABOLITE);
        for (int i = 0; i < full.length; i++) {
            assertEquals(full[i], 2 * half[i], 0, "row " + i);
            assertEquals(fullNk[i], 2 * halfNk[i], 0, "row " + i);
        }
        assertEquals(esketamine.summary().totalDoseMg(), racemic.summary().totalDoseMg(), 0,
                "the administered dose is the racemic dose");
        assertEquals("S-ketamine (the S-enantiomer: half of the racemic dose)", racemic.scenario().parentAnalyte());
        assertEquals("S-ketamine", esketamine.scenario().parentAnalyte());
    }

    @Test
    void esketamineOnARacemicModelIsAnErrorNamingBoth() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse("drug: esketamine\n" + BASE.replace("fanta-otto", "domino")));
        assertEquals("drug", e.key());
        assertTrue(e.problem().contains("esketamine") && e.problem().contains("'domino'"), e.getMessage());
        assertTrue(e.problem().contains("racemic"), e.getMessage());
        ScenarioException defaulted = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("fanta-otto", "kamp-2020")));
        assertEquals("model", defaulted.key(), "drug defaults to esketamine; the model line is named");
    }

    @Test
    void aRacemicModelReportsTotalKetamine() {
        var r = run("drug: ketamine\n" + BASE.replace("fanta-otto", "domino"));
        assertEquals("ketamine (racemic, total)", r.scenario().parentAnalyte());
        assertEquals("domino", r.scenario().modelId());
    }

    @Test
    void hydrochlorideDosesAreConvertedToBase() {
        double[] base = run(BASE).series().values(Observable.PARENT);
        var salt = run("salt: hydrochloride\n" + BASE);
        double[] hcl = salt.series().values(Observable.PARENT);
        for (int i = 1; i < base.length; i++) {
            assertClose(base[i] * 237.73 / 274.19, hcl[i], 1e-13, 0, "row " + i);
        }
        assertEquals(45, salt.summary().totalDoseMg(), 1e-12, "the written (salt) dose is what was administered");
    }

    @Test
    void unvalidatedRoutesWarnNamingTheirAssumptions() {
        CompiledScenario s = parse(BASE.replace("      at: 3 h", "      at: 3 h\n      route: sc"));
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).message().contains("route 'sc' of model 'fanta-otto' is unvalidated"), s.warnings().get(0).toString());
        assertTrue(parse(BASE.replace("      at: 3 h", "      at: 3 h\n      route: oral")).warnings().isEmpty());
    }

    @Test
    void aScenarioMayOverrideFKaAndLagOfABuiltInRoute() {
        CompiledScenario s = parse(BASE.replace("model: fanta-otto", "model:\n  base: fanta-otto\n  routes:\n"
                + "    oral: {F: 0.08}\n    sc: {ka: 0.5 1/h, lag: 5 min}"));
        var oral = s.typicalModel().routes().get(Route.ORAL).get(0);
        assertEquals(0.08, oral.bioavailability());
        assertEquals(0.97, oral.kaPerH());
        var sc = s.typicalModel().routes().get(Route.SC).get(0);
        assertEquals(0.93, sc.bioavailability());
        assertEquals(0.5, sc.kaPerH());
        assertEquals(5.0 / 60, sc.lagH(), 1e-15);
        assertEquals("fanta-otto", s.modelId());
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BASE.replace("model: fanta-otto",
                "model:\n  base: fanta-otto\n  compartments: {V1: 1 L, CL: 1 L/h}")));
        assertTrue(e.problem().contains("unknown key 'compartments'"), e.getMessage());
    }

    @Test
    void aWeightOutsideTheModelsPopulationIsAWarning() {
        CompiledScenario s = parse(BASE.replace("fanta-otto", "flint-2017"));
        assertTrue(s.warnings().get(0).message().contains("outside the weights of the population 'flint-2017' was fitted to"),
                s.warnings().get(0).toString());
    }

    @Test
    void baselineNrsDefaultsToSevenAndMustBeAScore() {
        assertEquals(7, parse(BASE).baselineNrs());
        assertEquals(5.5, parse(BASE.replace("{weight: 70 kg}", "{weight: 70 kg, baseline_nrs: 5.5}")).baselineNrs());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("{weight: 70 kg}", "{weight: 70 kg, baseline_nrs: 11}")));
        assertEquals("patient.baseline_nrs", e.key());
        assertTrue(e.problem().contains("from 0 to 10"), e.getMessage());
    }

    @Test
    void everyBuiltInModelReportsPainReliefAndDrugHigh() {
        var r = run(BASE);
        assertTrue(r.series().system().hasPainEffectSite());
        assertTrue(r.pd().maxDrugHighScore() > 0);
        assertTrue(r.pd().maxResponderNrsReduction() > 0 && r.pd().maxResponderNrsReduction() < 1,
                "a 2-hour infusion barely moves a 10.9-day effect compartment: " + r.pd().maxResponderNrsReduction());
    }
}
