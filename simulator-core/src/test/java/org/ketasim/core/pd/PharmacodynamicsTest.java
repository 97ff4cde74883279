package org.ketasim.core.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.api.Test;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.outcomes.DrugHighScore;
import org.ketasim.core.outcomes.ReliefModel;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.testing.Simulations;

/** The per-row curves: a typical volunteer's drug-high score and a responder's relief. */
class PharmacodynamicsTest {

    private static final double PAIN_KE0 = Math.log(2) / (ModelLibrary.PAIN_HALF_LIFE_DAYS * 24);

    @Test
    void drugHighScoreIsTheFractionOfTheScaleOfTheOutcomesPackage() {
        assertClose(0.5, PdCurves.drugHighScore(DrugHighScore.C50_NG_PER_ML), 1e-15, 0, "half the maximum at C50");
        assertClose(DrugHighScore.fractionOfMaximum(200), PdCurves.drugHighScore(200), 0, 0, "one formula");
        assertTrue(Double.isNaN(PdCurves.drugHighScore(Double.NaN)));
    }

    /** A responder's relief: the point values of Dahan's model, C50 10.5 ng/mL, half the baseline there. */
    @Test
    void responderReliefIsHalfTheBaselineAtC50() {
        ReliefModel.Parameters point = ReliefModel.DAHAN_2011.point();
        assertEquals(10.5, point.c50NgPerMl(), 0);
        assertClose(3.5, PdCurves.responderNrsReduction(10.5, 7), 1e-15, 0, "at C50 from NRS 7");
        assertClose(7 * point.fraction(21, 10.5), PdCurves.responderNrsReduction(21, 7), 1e-15, 0, "at 2 C50");
        assertEquals(0, PdCurves.responderNrsReduction(-1e-12, 7), "rounding below zero is no relief");
    }

    /** The slow effect compartment after a 1-compartment bolus: Ce = D/V ke0/(ke0 - k) (e^-kt - e^-ke0 t). */
    @Test
    void painEffectSiteFollowsItsClosedForm() {
        double k = 10.0 / 50;
        PkModel model = PkModel.of("1cmt", 50, 10).withPainEffectSite(new EffectSite(PAIN_KE0));
        var r = Simulations.exact(model, Regimen.of(Bolus.of(0, 100, Route.IV)), 72, 6);
        double[] t = r.timesH();
        double[] ce = r.painEffectConcentration();
        for (int i = 0; i < t.length; i++) {
            double expected = 1000 * 100 / 50.0 * PAIN_KE0 / (PAIN_KE0 - k) * (Math.exp(-k * t[i])
                    - Math.exp(-PAIN_KE0 * t[i]));
            assertClose(expected, ce[i], 1e-10, 1e-12, "Ce,pain at " + t[i] + " h");
        }
    }

    @Test
    void curvesFollowTheRowsAndHalveRacemicConcentrations() {
        PkModel model = PkModel.of("1cmt", 50, 10).withEffectSite(new EffectSite(60))
                .withPainEffectSite(new EffectSite(PAIN_KE0));
        // 10 mg/h for 60 days: Cp -> 1000 ng/mL, far above both C50s
        var r = Simulations.exact(model, Regimen.of(new ConstantInfusion(0, 60 * 24, 10, Route.IV)), 60 * 24, 12);
        PdCurves s = PdCurves.of(r.series(), 1.0, 7);
        int last = r.size() - 1;
        assertClose(PdCurves.drugHighScore(r.effectConcentration()[last]), s.drugHighScore()[last], 0, 0, "score");
        assertTrue(s.maxDrugHighScore() > 0.9);
        assertTrue(s.maxResponderNrsReduction() > 6.5);
        PdCurves racemic = PdCurves.of(r.series(), 0.5, 7);
        assertClose(PdCurves.responderNrsReduction(0.5 * r.painEffectConcentration()[last], 7),
                racemic.responderNrsReduction()[last], 1e-15, 0, "racemic: half the concentration is S-ketamine");
        PdCurves.Accumulator acc = new PdCurves.Accumulator(1.0, 7, 0);
        for (int i = 0; i < r.size(); i++) {
            acc.add(new double[] {r.effectConcentration()[i]}, new double[] {r.painEffectConcentration()[i]}, 1);
        }
        assertEquals(s.maxDrugHighScore(), acc.curves().maxDrugHighScore(), 0, "row by row, the same numbers");
        assertEquals(s.maxResponderNrsReduction(), acc.curves().maxResponderNrsReduction(), 0);
    }

    @Test
    void withoutEffectSitesTheCurvesAreMissingNotZero() {
        var r = Simulations.exact(PkModel.of("1cmt", 50, 10), Regimen.of(Bolus.of(0, 100, Route.IV)), 4, 1);
        PdCurves s = PdCurves.of(r.series(), 1.0, 7);
        assertTrue(Double.isNaN(s.maxDrugHighScore()));
        assertTrue(Double.isNaN(s.maxResponderNrsReduction()));
    }
}
