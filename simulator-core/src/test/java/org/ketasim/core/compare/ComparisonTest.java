package org.ketasim.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.metrics.ConcentrationWindow;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.pd.PainRelief;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Patient;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;

/**
 * A comparison row against numbers computed by hand: a one-compartment model (V 50 L, CL 10 L/h,
 * so k = 0.2 /h) with Dahan's pain effect site, 20 mg/h for 4 h, simulated 10 h at a 1-min step.
 */
class ComparisonTest {

    private static final double K = 0.2;
    private static final double KP = ModelLibrary.PAIN_KE0_PER_H;
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
        var window = new ConcentrationWindow("mid", 500, 1000);
        ComparisonRow r = new Comparison(Engine.EXACT, List.of(window)).of(scenario(), "hand").row();
        assertEquals(80, r.totalDoseMg(), 1e-12);
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
        assertClose(PainRelief.nrsReduction(cePain(T), 7), r.nrsEnd(), 1e-9, 1e-12, "NRS at the end");
        assertClose(PainRelief.nrsReduction(cePain(T + 28 * 24), 7), r.nrs4Weeks(), 1e-9, 1e-12, "NRS 4 weeks later");
        assertClose(PainRelief.nrsReduction(cePain(T + 84 * 24), 7), r.nrs12Weeks(), 1e-9, 1e-12, "NRS 12 weeks later");
        // the largest reduction comes after the infusion: the 10.9-day effect site keeps rising while Cp > Ce,pain
        double peak = 0;
        for (double t = T; t <= T + 84 * 24; t += 1) {
            peak = Math.max(peak, PainRelief.nrsReduction(cePain(t), 7));
        }
        assertClose(peak, r.maxNrs(), 1e-6, 0, "largest NRS reduction on the hourly grid");
        for (EffectiveReduction d : EffectiveReduction.values()) {
            assertEquals(d.isMet(peak, 7), r.meets().get(d), d.name());
        }
        assertEquals("iv", r.routes());
        assertEquals("hand", r.family());
    }

    @Test
    void windowsParseFromTheCommandLineForm() {
        assertEquals(new ConcentrationWindow("analgesia", 70, 160), ConcentrationWindow.parse("analgesia=70-160"));
        assertEquals(Double.POSITIVE_INFINITY, ConcentrationWindow.parse("high=100-inf").highNgPerMl());
        assertEquals("high=100-inf", ConcentrationWindow.parse("high=100-inf").toString());
        assertThrows(IllegalArgumentException.class, () -> ConcentrationWindow.parse("70-160"));
        assertThrows(IllegalArgumentException.class, () -> ConcentrationWindow.parse("x=160-70"));
    }

    @Test
    void hoursInsideCountsFlatAndCrossingSegments() {
        var w = new ConcentrationWindow("w", 10, 20);
        assertClose(1.5, w.hoursInside(new double[] {0, 1, 2}, new double[] {15, 15, 25}), 1e-15, 0, "1 h + half");
        assertClose(0, w.hoursInside(new double[] {0, 1}, new double[] {0, 5}), 0, 0, "below");
    }
}
