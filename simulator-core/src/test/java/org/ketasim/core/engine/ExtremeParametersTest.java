package org.ketasim.core.engine;

import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.testing.Simulations;

/**
 * Extreme but valid parameters: very fast absorption, tiny and huge volumes, stiff inter-compartmental
 * flows, months of simulation. The exact solver stays within 1e-9 relative of closed forms (where an
 * explicit numeric solver would need hundreds of millions of steps).
 */
class ExtremeParametersTest {

    @ParameterizedTest(name = "V {0} L, CL {1} L/h, ka {2} /h over {3} h")
    @CsvSource({
        "50, 10, 1e5, 48", "1e-3, 1e-3, 0.5, 48", "1e5, 1e5, 0.5, 48", "50, 10, 1e-4, 4383", "0.5, 1e4, 1e4, 2",
    })
    void oralBolusFollowsTheBatemanFunction(double v, double cl, double ka, double hours) {
        PkModel m = PkModel.of("extreme", v, cl).withRoute(Route.ORAL, new Absorption(1, ka, 0));
        double k = cl / v;
        var r = Simulations.exact(m, Regimen.of(Bolus.of(0, 100, Route.ORAL)), hours, hours / 200);
        double[] t = r.timesH();
        double[] cp = r.parentConcentration();
        double peak = 0;
        for (double c : cp) {
            peak = Math.max(peak, c);
        }
        for (int i = 0; i < t.length; i++) {
            double expected = Math.abs(ka - k) < 1e-12 ? 1000 * 100 / v * k * t[i] * Math.exp(-k * t[i])
                    : 1000 * 100 * ka / (v * (ka - k)) * (Math.exp(-k * t[i]) - Math.exp(-ka * t[i]));
            assertClose(expected, cp[i], 1e-9, 1e-12 * peak, "Cp at " + t[i] + " h");
        }
    }

    @ParameterizedTest(name = "Q {0} L/h over {1} h")
    @CsvSource({"1e6, 24", "1e-6, 24", "100, 4383"})
    void stiffOrSlowTwoCompartmentInfusionStaysOnItsClosedForm(double q, double hours) {
        double v1 = 10;
        double v2 = 100;
        double cl = 5;
        PkModel m = PkModel.of("2cmt", v1, cl).withPeripheral(new Peripheral(v2, q));
        var r = Simulations.exact(m, Regimen.of(new ConstantInfusion(0, hours, 10, Route.IV)), hours, hours / 100);
        // unit impulse response (A e^-at + B e^-bt) / V1 with A = (a - k21)/(a - b), B = (k21 - b)/(a - b);
        // an infusion at rate R gives R/V1 [A/a (1 - e^-at) + B/b (1 - e^-bt)] (Gibaldi and Perrier, ch. 2)
        double k10 = cl / v1;
        double k21 = q / v2;
        double sum = k10 + q / v1 + k21;
        double disc = Math.sqrt(sum * sum - 4 * k10 * k21);
        double alpha = (sum + disc) / 2;
        double beta = 2 * k10 * k21 / (sum + disc);
        double a = (alpha - k21) / (alpha - beta);
        double b = (k21 - beta) / (alpha - beta);
        double[] t = r.timesH();
        double[] cp = r.parentConcentration();
        for (int i = 0; i < t.length; i++) {
            double expected = 1000 * 10 / v1 * (a / alpha * -Math.expm1(-alpha * t[i]) + b / beta * -Math.expm1(-beta * t[i]));
            assertClose(expected, cp[i], 1e-9, 1e-9, "Cp at " + t[i] + " h");
        }
    }
}
