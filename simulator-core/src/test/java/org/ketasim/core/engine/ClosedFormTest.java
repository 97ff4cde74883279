package org.ketasim.core.engine;

import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.testing.Simulations;

/**
 * One-compartment closed forms (Gibaldi and Perrier, Pharmacokinetics, 2nd ed., ch. 1-2) against
 * the exact solver, every output row, to 1e-12 relative.
 */
class ClosedFormTest {

    private static final double V = 50;
    private static final double CL = 10;
    private static final double K = CL / V;
    private static final double REL = 1e-12;
    private static final double ABS = 1e-12;

    @Test
    void ivBolusDecaysExponentiallyWithExactAuc() {
        double dose = 100;
        var r = Simulations.exact(PkModel.of("1cmt", V, CL), Regimen.of(Bolus.of(0, dose, Route.IV)), 24, 0.25);
        double[] t = r.timesH();
        double[] cp = r.parentConcentration();
        for (int i = 0; i < t.length; i++) {
            assertClose(1000 * dose / V * Math.exp(-K * t[i]), cp[i], REL, ABS, "Cp at " + t[i] + " h");
        }
        assertClose(1000 * dose / CL * (1 - Math.exp(-K * 24)), r.parentAuc(), REL, ABS, "AUC 0-24 h");
    }

    @Test
    void constantInfusionRisesToPlateauAndDecaysAfterTheEnd() {
        double rate = 20;
        double tinf = 3.3;
        var r = Simulations.exact(PkModel.of("1cmt", V, CL),
                Regimen.of(new ConstantInfusion(0, tinf, rate, Route.IV)), 12, 0.1);
        double[] t = r.timesH();
        double[] cp = r.parentConcentration();
        double[] pump = r.pumpRatesMgPerH();
        for (int i = 0; i < t.length; i++) {
            double during = rate / CL * (1 - Math.exp(-K * Math.min(t[i], tinf)));
            double expected = 1000 * during * Math.exp(-K * Math.max(0, t[i] - tinf));
            assertClose(expected, cp[i], REL, ABS, "Cp at " + t[i] + " h");
            assertClose(t[i] < tinf - 1e-9 ? rate : 0, pump[i], 0, 0, "pump rate at " + t[i] + " h");
        }
        // AUC(0, T) = amount eliminated / CL = (dose - amount left) / CL
        double left = V * cp[cp.length - 1] / 1000;
        assertClose(1000 * (rate * tinf - left) / CL, r.parentAuc(), REL, ABS, "AUC 0-12 h");
    }

    @Test
    void oralBolusWithLagFollowsTheBatemanFunction() {
        double dose = 200;
        double f = 0.18;
        double ka = 0.97;
        double lag = 0.4;
        PkModel model = PkModel.of("1cmt-oral", V, CL).withRoute(Route.ORAL, new Absorption(f, ka, lag));
        var r = Simulations.exact(model, Regimen.of(Bolus.of(0.5, dose, Route.ORAL)), 24, 0.05);
        double[] t = r.timesH();
        double[] cp = r.parentConcentration();
        for (int i = 0; i < t.length; i++) {
            double s = t[i] - 0.5 - lag;
            double expected = s <= 0 ? 0 : 1000 * f * dose * ka / (V * (ka - K)) * (Math.exp(-K * s) - Math.exp(-ka * s));
            assertClose(expected, cp[i], 1e-11, ABS, "Cp at " + t[i] + " h");
        }
    }

    @Test
    void effectSiteAndMetaboliteAfterABolusFollowTheirClosedForms() {
        double dose = 30;
        double ke0 = 6.84;
        double fm = 0.8;
        double mmr = 0.941;
        double vm = 98.6;
        double clm = 57.7;
        double km = clm / vm;
        PkModel model = PkModel.of("1cmt-met-effect", V, CL)
                .withEffectSite(new EffectSite(ke0))
                .withMetabolite(new Metabolite("norketamine", fm, mmr, vm, clm, java.util.Optional.empty()));
        var r = Simulations.exact(model, Regimen.of(Bolus.of(0, dose, Route.IV)), 10, 1.0 / 12);
        double[] t = r.timesH();
        double[] ce = r.effectConcentration();
        double[] cm = r.metaboliteConcentration();
        for (int i = 0; i < t.length; i++) {
            double ceExpected = 1000 * dose / V * ke0 / (ke0 - K) * (Math.exp(-K * t[i]) - Math.exp(-ke0 * t[i]));
            double cmExpected = 1000 * fm * mmr * K * dose / (km - K) * (Math.exp(-K * t[i]) - Math.exp(-km * t[i])) / vm;
            assertClose(ceExpected, ce[i], 1e-11, ABS, "Ce at " + t[i] + " h");
            assertClose(cmExpected, cm[i], 1e-11, ABS, "Cm at " + t[i] + " h");
        }
        double aucM = 1000 * fm * mmr * K * dose / (km - K) / vm
                * ((1 - Math.exp(-K * 10)) / K - (1 - Math.exp(-km * 10)) / km);
        assertClose(aucM, r.metaboliteAuc(), 1e-11, ABS, "metabolite AUC 0-10 h");
    }
}
