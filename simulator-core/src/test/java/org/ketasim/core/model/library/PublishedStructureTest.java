package org.ketasim.core.model.library;

import static org.ketasim.core.testing.Close.assertClose;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.testing.Simulations;

/**
 * The state-space systems built for simons-2022 and perez-ruixo-2021 against their published
 * differential equations, written out here by hand from the papers' structure (as transcribed in
 * nlmixr2lib) and integrated with Dormand-Prince 8(5,3) at 1e-12: every concentration agrees to
 * 1e-7 relative. This checks the model builder's wiring of transit chains, metabolism delays, a
 * second metabolite, the liver, zero-order phases and multi-path routes independently of it.
 */
class PublishedStructureTest {

    /**
     * Integrates {@code rhs} piece by piece between the breakpoints; {@code clock[0]} holds the
     * current piece's midpoint, at which the right-hand side evaluates its switched inputs, so that
     * no input switches inside a piece.
     */
    private static double[] integrate(FirstOrderDifferentialEquations rhs, double[] clock, double[] y0, double[] stops) {
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12, 1, 1e-14, 1e-12);
        double[] y = y0.clone();
        for (int i = 0; i + 1 < stops.length; i++) {
            clock[0] = (stops[i] + stops[i + 1]) / 2;
            dp.integrate(rhs, stops[i], y, stops[i + 1], y);
        }
        return y;
    }

    @Test
    void simonsThinFilmThenIvMatchesThePublishedEquations() {
        // 50 mg film at 0 (sublingual), 20 mg IV over 20 min at 6 h; compare at 6.5 h. Units: min, mg, L.
        double f1 = 0.263;
        double d1 = 13.1;
        double ka1 = 0.04;
        double f2 = 1.16;
        double d2 = 29.9;
        double ka2 = 0.049;
        double ktrGut = 1 / 10.7;
        double vc = 11.6;
        double kel = 1.48 / vc;
        double k12 = 2.43 / vc;
        double k21 = 2.43 / 39.0;
        double k13 = 1.21 / vc;
        double k31 = 1.21 / 174;
        double ktrNk = 2 / 20.1;
        double kelNk = 1.00 / vc;
        double k12Nk = 2.63 / vc;
        double k21Nk = 2.63 / 221;
        double ktrHnk = 2 / 1.12;
        double kelH = 0.933 / 4.4;
        double k12H = 1.70 / 4.4;
        double k21H = 1.70 / 87.5;
        double ivStart = 360;
        double ivEnd = 380;
        double[] clock = new double[1];
        FirstOrderDifferentialEquations rhs = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 14;
            }

            @Override
            public void computeDerivatives(double time, double[] y, double[] dy) {
                double t = clock[0];
                double in1 = t < d1 ? 50 * f1 / d1 : 0;
                double in2 = t < d2 ? 50 * f2 / d2 : 0;
                double iv = t >= ivStart && t < ivEnd ? 1.0 : 0;
                dy[0] = in1 - ka1 * y[0];                                   // mucosal depot
                dy[1] = in2 - ka2 * y[1];                                   // gut depot
                dy[2] = ka2 * y[1] - ktrGut * y[2];                         // gut-to-liver transit
                dy[3] = iv + ka1 * y[0] - (kel + k12 + k13) * y[3] + k21 * y[4] + k31 * y[5];
                dy[4] = k12 * y[3] - k21 * y[4];
                dy[5] = k13 * y[3] - k31 * y[5];
                dy[6] = kel * y[3] + ktrGut * y[2] - ktrNk * y[6];          // K->NK chain
                dy[7] = ktrNk * y[6] - ktrNk * y[7];
                dy[8] = 0.8 * ktrNk * y[7] - (kelNk + k12Nk) * y[8] + k21Nk * y[9];
                dy[9] = k12Nk * y[8] - k21Nk * y[9];
                dy[10] = kelNk * y[8] - ktrHnk * y[10];                     // NK->HNK chain
                dy[11] = ktrHnk * y[10] - ktrHnk * y[11];
                dy[12] = 0.7 * ktrHnk * y[11] - (kelH + k12H) * y[12] + k21H * y[13];
                dy[13] = k12H * y[12] - k21H * y[13];
            }
        };
        double[] y = integrate(rhs, clock, new double[14], new double[] {0, d1, d2, ivStart, ivEnd, 390});
        PkModel model = ModelLibrary.find("simons-2022").orElseThrow().model().forWeight(70);
        var r = Simulations.exact(model, Regimen.of(Bolus.of(0, 50, Route.SUBLINGUAL),
                ConstantInfusion.ofAmount(6, 20, 20.0 / 60, Route.IV)), 6.5, 0.5);
        int last = r.size() - 1;
        // mass is carried as S-ketamine; concentrations in ng/mL of each analyte (molar masses 237.73, 223.70, 239.70)
        assertClose(1000 * y[3] / vc, r.parentConcentration()[last], 1e-7, 1e-9, "S-ketamine");
        assertClose(1000 * y[8] / vc * 223.70 / 237.73, r.metaboliteConcentration()[last], 1e-7, 1e-9, "S-norketamine");
        assertClose(1000 * y[12] / 4.4 * 239.70 / 237.73, r.secondMetaboliteConcentration()[last], 1e-7, 1e-9, "S-HNK");
    }

    @Test
    void perezRuixoNasalOralAndIvMatchThePublishedEquations() {
        // 28 mg nasal at 0, 84 mg oral at 2 h, 10 mg IV over 30 min at 5 h; compare at 8 h. Units: h, mg, L.
        double frn = 0.54;
        double fgut = 0.64;
        double kan = 2.93;
        double dsw = 0.53;
        double kasw = 1.45;
        double dpo = 0.32;
        double kapo = 0.97;
        double vc = 192;
        double k12 = 84.3 / vc;
        double k21 = 84.3 / 143;
        double k13 = 37.6 / vc;
        double k31 = 37.6 / 417;
        double kch = 151 / vc;
        double khc = 151 / 101.0;
        double kel = 1.11;
        double kmet = 2.77;
        double ken = 38.0 / 70;
        double k12n = 26.1 / 70;
        double k21n = 26.1 / 115;
        double[] clock = new double[1];
        FirstOrderDifferentialEquations rhs = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 9;
            }

            @Override
            public void computeDerivatives(double time, double[] y, double[] dy) {
                double t = clock[0];
                double sw = t < dsw ? 28 * (1 - frn) * fgut / dsw : 0;
                double po = t >= 2 && t < 2 + dpo ? 84 * fgut / dpo : 0;
                double iv = t >= 5 && t < 5.5 ? 20 : 0;
                dy[0] = -kan * y[0];                                          // nasal depot (bolus FRn at 0)
                dy[1] = sw - kasw * y[1];                                     // swallowed nasal part
                dy[2] = po - kapo * y[2];                                     // oral depot
                dy[3] = iv + kan * y[0] + k21 * y[4] + k31 * y[5] + khc * y[6] - (k12 + k13 + kch) * y[3];
                dy[4] = k12 * y[3] - k21 * y[4];
                dy[5] = k13 * y[3] - k31 * y[5];
                dy[6] = kasw * y[1] + kapo * y[2] + kch * y[3] - (khc + kel + kmet) * y[6];
                dy[7] = kmet * y[6] + k21n * y[8] - (ken + k12n) * y[7];
                dy[8] = k12n * y[7] - k21n * y[8];
            }
        };
        double[] y0 = new double[9];
        y0[0] = 28 * frn;
        double[] y = integrate(rhs, clock, y0, new double[] {0, dsw, 2, 2 + dpo, 5, 5.5, 8});
        PkModel model = ModelLibrary.find("perez-ruixo-2021").orElseThrow().model();
        var r = Simulations.exact(model, Regimen.of(Bolus.of(0, 28, Route.INTRANASAL), Bolus.of(2, 84, Route.ORAL),
                ConstantInfusion.ofAmount(5, 10, 0.5, Route.IV)), 8, 0.5);
        int last = r.size() - 1;
        assertClose(1000 * y[3] / vc, r.parentConcentration()[last], 1e-7, 1e-9, "esketamine");
        assertClose(1000 * y[7] / 70, r.metaboliteConcentration()[last], 1e-7, 1e-9, "noresketamine");
    }
}
