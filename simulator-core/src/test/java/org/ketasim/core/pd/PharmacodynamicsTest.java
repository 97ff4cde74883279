package org.ketasim.core.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.testing.Simulations;

class PharmacodynamicsTest {

    @Test
    void drugHighIsHalfAtC50AndFollowsTheHillCurve() {
        assertEquals(0.3 * 237.73, DrugHigh.C50_NG_PER_ML, 1e-12);
        assertClose(0.5, DrugHigh.probability(DrugHigh.C50_NG_PER_ML), 1e-15, 0, "at C50");
        assertClose(0.8, DrugHigh.probability(2 * DrugHigh.C50_NG_PER_ML), 1e-15, 0, "at 2 C50, gamma 2");
        assertEquals(0, DrugHigh.probability(0));
        assertEquals(0, DrugHigh.probability(-1e-12), "rounding below zero is zero");
    }

    @Test
    void painReliefIsHalfAtC50() {
        assertClose(0.5, PainRelief.fraction(10.5), 1e-15, 0, "fraction at C50");
        assertClose(3.5, PainRelief.nrsReduction(10.5, 7), 1e-15, 0, "NRS reduction at C50 from 7");
        assertClose(7 * 21 / 31.5, PainRelief.nrsReduction(21, 7), 1e-15, 0, "at 2 C50");
    }

    @ParameterizedTest(name = "reduction {0} from {1}: {2} {3} {4} {5}")
    @CsvSource({
        "1.99, 7, false, false, false, false", "2.0, 7, true, false, false, false", "2.1, 7, true, false, true, false",
        "3.0, 7, true, true, true, false", "3.5, 7, true, true, true, false", "3.51, 7, true, true, true, true",
        "2.0, 4, true, false, true, false", "2.01, 4, true, false, true, true",
    })
    void effectiveReductionDefinitionsOfTheSurvey(double reduction, double baseline, boolean two, boolean three,
                                                  boolean thirty, boolean fifty) {
        assertEquals(two, EffectiveReduction.AT_LEAST_2_POINTS.isMet(reduction, baseline));
        assertEquals(three, EffectiveReduction.AT_LEAST_3_POINTS.isMet(reduction, baseline));
        assertEquals(thirty, EffectiveReduction.AT_LEAST_30_PERCENT.isMet(reduction, baseline));
        assertEquals(fifty, EffectiveReduction.MORE_THAN_50_PERCENT.isMet(reduction, baseline));
    }

    /** The slow effect compartment after a 1-compartment bolus: Ce = D/V ke0/(ke0 - k) (e^-kt - e^-ke0 t). */
    @Test
    void painEffectSiteFollowsItsClosedForm() {
        double ke0 = ModelLibrary.PAIN_KE0_PER_H;
        double k = 10.0 / 50;
        PkModel model = PkModel.of("1cmt", 50, 10).withPainEffectSite(new EffectSite(ke0));
        var r = Simulations.exact(model, Regimen.of(Bolus.of(0, 100, Route.IV)), 72, 6);
        double[] t = r.timesH();
        double[] ce = r.painEffectConcentration();
        for (int i = 0; i < t.length; i++) {
            double expected = 1000 * 100 / 50.0 * ke0 / (ke0 - k) * (Math.exp(-k * t[i]) - Math.exp(-ke0 * t[i]));
            assertClose(expected, ce[i], 1e-10, 1e-12, "Ce,pain at " + t[i] + " h");
        }
    }

    @Test
    void outcomeCountsHoursFirstTimesAndHalvesRacemicConcentrations() {
        PkModel model = PkModel.of("1cmt", 50, 10).withEffectSite(new EffectSite(60))
                .withPainEffectSite(new EffectSite(ModelLibrary.PAIN_KE0_PER_H));
        // 10 mg/h for 60 days: Cp -> 1000 ng/mL, far above both C50s
        var r = Simulations.exact(model, Regimen.of(new ConstantInfusion(0, 60 * 24, 10, Route.IV)), 60 * 24, 12);
        PdOutcome s = PdOutcome.of(r.series(), 1.0, 7);
        assertTrue(s.maxDrugHighProbability() > 0.99);
        assertClose(60 * 24 - 12, s.drugHighHours(), 0, 1e-9, "hours at 50 % or more (all rows but the first)");
        assertTrue(s.maxNrsReduction() > 6.9);
        for (EffectiveReduction d : EffectiveReduction.values()) {
            assertFalse(Double.isNaN(s.firstMetH().get(d)), d.name());
        }
        assertTrue(s.firstMetH().get(EffectiveReduction.AT_LEAST_2_POINTS)
                <= s.firstMetH().get(EffectiveReduction.MORE_THAN_50_PERCENT));
        PdOutcome racemic = PdOutcome.of(r.series(), 0.5, 7);
        int last = r.size() - 1;
        assertClose(PainRelief.nrsReduction(0.5 * r.painEffectConcentration()[last], 7), racemic.nrsReduction()[last],
                1e-15, 0, "racemic: half the concentration is S-ketamine");
    }

    @Test
    void withoutEffectSitesThePharmacodynamicsAreMissingNotZero() {
        var r = Simulations.exact(PkModel.of("1cmt", 50, 10), Regimen.of(Bolus.of(0, 100, Route.IV)), 4, 1);
        PdOutcome s = PdOutcome.of(r.series(), 1.0, 7);
        assertTrue(Double.isNaN(s.maxDrugHighProbability()));
        assertTrue(Double.isNaN(s.maxNrsReduction()));
        assertTrue(Double.isNaN(s.firstMetH().get(EffectiveReduction.AT_LEAST_2_POINTS)));
    }
}
