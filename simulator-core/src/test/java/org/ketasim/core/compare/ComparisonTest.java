package org.ketasim.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.outcomes.Analyte;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Patient;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.simulation.PopulationSimulator;

/**
 * A comparison row against numbers computed by hand: a one-compartment model (V 50 L, CL 10 L/h,
 * so k = 0.2 /h) with Dahan's pain effect site, 20 mg/h for 4 h, simulated 10 h at a 1-min step.
 */
class ComparisonTest {

    private static final double K = 0.2;
    private static final double KP = Math.log(2) / (ModelLibrary.PAIN_HALF_LIFE_DAYS * 24);
    private static final double RATE = 20;
    private static final double T = 4;

    private static CompiledScenario scenario() {
        PkModel model = PkModel.of("1cmt", 50, 10).withPainEffectSite(new EffectSite(KP));
        return Scenario.builder().id("by-hand").model(ModelSpec.Inline.of(model)).patient(Patient.ofKg(70))
                .regimen(RegimenSpec.of(DoseSpec.infusion(RATE + " mg/h", T + " h")).withSetting("outpatient"))
                .simulation(SimulationSpec.of("10 h", "1 min")).build().compile();
    }

    /** Plasma and pain effect site of the 1-compartment infusion (mg/L x 1000 = ng/mL). */
    private static double cp(double t) {
        double plateau = 1000 * RATE / 10;
        return t <= T ? plateau * (1 - Math.exp(-K * t)) : cp(T) * Math.exp(-K * (t - T));
    }

    private static double cePain(double t) {
        double plateau = 1000 * RATE / 10;
        if (t <= T) {
            return plateau * (1 - (KP * Math.exp(-K * t) - K * Math.exp(-KP * t)) / (KP - K));
        }
        double s = t - T;
        return cePain(T) * Math.exp(-KP * s) + cp(T) * KP / (KP - K) * (Math.exp(-K * s) - Math.exp(-KP * s));
    }

    @Test
    void rowMatchesHandComputedValues() {
        Comparison typical = new Comparison(Engine.EXACT, new WindowChoice(List.of("mid=500-1000")), Optional.empty());
        ComparisonRow r = typical.of(scenario(), "hand").row();
        assertEquals(80, r.totalDoseMg(), 1e-12);
        assertEquals(80, r.sKetamineDoseMg(), 1e-12, "esketamine base, the default drug");
        assertEquals(20, r.peakRateMgPerH(), 0);
        assertEquals(4, r.infusionHours(), 1e-12);
        assertEquals(4, r.courseEndH(), 0);
        assertClose(cp(T), r.cmax(), 1e-12, 0, "Cmax at the end of the infusion");
        double left = 50 * cp(10) / 1000;
        assertClose(1000 * (80 - left) / 10, r.auc(), 1e-11, 0, "AUC = eliminated / CL");
        // crossing times of 500 and 1000 ng/mL on the way up and down
        double up500 = -Math.log(0.75) / K;
        double up1000 = -Math.log(0.5) / K;
        double down1000 = T + Math.log(cp(T) / 1000) / K;
        double down500 = T + Math.log(cp(T) / 500) / K;
        assertClose((up1000 - up500) + (down500 - down1000), r.windowHours().get("mid"), 0, 1e-4,
                "hours in 500-1000 ng/mL (linear between 1-min rows)");
        assertTrue(Double.isNaN(r.peakDrugHighScore()), "no acute effect site, no score");
        assertTrue(r.outcomes().isEmpty(), "the typical patient alone has no population outcomes");
        assertEquals("iv", r.routes());
        assertEquals("hand", r.family());
    }

    /**
     * A model without published variability: every subject has the typical exposure, which the
     * row says; the shares are shares with intervals, and the 4-h course is flagged as shorter than
     * the evidence.
     */
    @Test
    void populationOutcomesOfAModelWithoutVariabilityUseTheTypicalExposure() {
        PopulationSettings population = PopulationSettings.of(100, 3).withOutcomeReplicates(50).withThreads(2);
        ComparisonRow r = new Comparison(Engine.EXACT, WindowChoice.PUBLISHED, Optional.of(population))
                .of(scenario(), "hand").row();
        assertFalse(r.pkVariability());
        OutcomeResult o = r.outcomes().orElseThrow();
        assertEquals(100, o.subjects());
        for (OutcomeRow row : o.rows()) {
            assertTrue(row.pLo() <= row.p() && row.p() <= row.pHi(), row.toString());
            assertTrue(row.outsideEvidence() && row.reasonCodes().contains("course_shorter_than_trial"), row.reasonCodes());
            boolean drugSideEffects = row.arm() == Arm.DRUG && row.measure() == Measure.PSYCHOMIMETIC;
            assertEquals(drugSideEffects, row.reasonCodes().contains("acute_effect_site_assumed"),
                    "the model has no acute effect site: " + row);
        }
        assertTrue(o.row(Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE).p()
                > o.row(Arm.PLACEBO, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE).p(), "side effects above the background");
        assertEquals(Set.of("analgesia_acute", "dissociation", "anaesthesia", "drug_high", "external_perception",
                "chronic_relief"), r.windowHours().keySet());
        assertTrue(Double.isNaN(r.windowHours().get("drug_high")), "no acute effect site in the model");
    }

    /** The outcome shares of compare are those of a population of the same size and seed (exposures to rounding). */
    @Test
    void populationOutcomesAgreeWithThePopulationSimulator() {
        CompiledScenario s = new ScenarioYaml().load(Path.of("../scenarios/trials/sigtermans2009.yaml"));
        PopulationSettings population = PopulationSettings.of(60, 5).withOutcomeReplicates(40).withThreads(2);
        OutcomeResult compared = new Comparison(Engine.MODAL, WindowChoice.PUBLISHED, Optional.of(population))
                .of(s, "trials").row().outcomes().orElseThrow();
        OutcomeResult simulated = new PopulationSimulator(Engine.MODAL).simulate(s, population, subject -> { })
                .outcomes().orElseThrow();
        for (int k = 0; k < compared.rows().size(); k++) {
            assertEquals(simulated.rows().get(k).p(), compared.rows().get(k).p(), 1.0 / 60,
                    compared.rows().get(k).toString());
        }
    }

    @Test
    void hoursInsideCountsFlatAndCrossingSegments() {
        var w = AnalyteWindow.parse("w=10-20@s-ketamine", Analyte.S_KETAMINE);
        assertClose(1.5, w.hoursInside(new double[] {0, 1, 2}, new double[] {15, 15, 25}, Analyte.S_KETAMINE,
                AnalyteWindow.Site.PLASMA), 1e-15, 0, "1 h + half");
        assertClose(0, w.hoursInside(new double[] {0, 1}, new double[] {0, 5}, Analyte.S_KETAMINE,
                AnalyteWindow.Site.PLASMA), 0, 0, "below");
    }
}
