package org.ketasim.core.model.library;

import java.util.List;
import java.util.Optional;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;

/** The built-in S-ketamine models (pk-models.md section 1). */
final class SKetamineModels {

    /** ke0 of {@link EffectSite#OLOFSEN_2012} (1/h). */
    static final double OLOFSEN_KE0_PER_H = EffectSite.OLOFSEN_2012.ke0PerH();

    static final String OLOFSEN = "ke0 " + String.format("%.4f", OLOFSEN_KE0_PER_H / 60)
            + " /min = ln 2 / 6.1 min, the mean blood-effect-site t1/2ke0 over endpoints of Olofsen et al., "
            + "Anesthesiology 2012;117:353 [V]; for acute effects only";

    private SKetamineModels() {
    }

    /** Fanta 2015 S-ketamine, as fixed in Otto 2021, with Otto's S-norketamine. */
    static BuiltInModel fantaOtto() {
        PkModel model = PkModel.of("fanta-otto", 133, 95.2)
                .withPeripheral(new Peripheral(187, 23.2))
                .withPeripheral(new Peripheral(98.8, 157))
                .withMetabolite(new Metabolite("S-norketamine", 1, 1, 98.6, 57.7, Optional.of(new Peripheral(160, 42.8))))
                .withEffectSite(EffectSite.OLOFSEN_2012)
                .withScaling(new AllometricScaling(70, 1, 0.75, 0, 0));
        ModelCard card = new ModelCard("fanta-otto",
                "Fanta 2015 S-ketamine (3 compartments) with Otto 2021 S-norketamine (2 compartments), venous",
                ModelDrug.S_KETAMINE, Optional.of("S-norketamine (apparent, S-ketamine mass equivalents)"),
                "S-ketamine: 11 healthy male volunteers, IV and oral (Fanta 2015); S-norketamine and IIV: 48 healthy "
                        + "adults, mean 68-71 kg, 10 mg over 30 min or a 2-h stepped infusion (Otto 2021, CHDR Leiden)",
                new double[] {50, 95}, "venous",
                List.of("Fanta S, Kinnunen M, Backman JT, Kalso E. Eur J Clin Pharmacol 2015;71:441-447, "
                                + "doi:10.1007/s00228-015-1826-y",
                        "Otto ME, Bergmann KR, Jacobs G, van Esdonk MJ. Eur J Clin Pharmacol 2021;77:1181-1192, "
                                + "doi:10.1007/s00228-021-03104-1"),
                List.of("S-ketamine V1 133 L, CL 95.2 L/h, V2 187 L, Q2 23.2 L/h, V3 98.8 L, Q3 157 L/h at 70 kg: Fanta "
                                + "2015, fixed in Otto 2021 Table 3 (THETA 1-6 FIX) [S, nlmixr2lib Otto_2021_s_ketamine]; "
                                + "CL 95 L/h/70 kg also in the Fanta abstract [V]",
                        "S-norketamine V 98.6 L, CL 57.7 L/h, Vp 160 L, Q 42.8 L/h at 70 kg: Otto 2021 Table 3 [S] "
                                + "(the supplement's NONMEM code carries 98.638, 57.72, 160.04, 42.778)",
                        "all S-ketamine clearance forms S-norketamine, carried as S-ketamine mass without a molar-mass "
                                + "correction (fraction 1), as in Otto 2021; the S-norketamine parameters are apparent [S]",
                        "weight: (WT/70)^1 on both central volumes and (WT/70)^0.75 on both elimination clearances; "
                                + "peripheral volumes and flows are not scaled, as in Otto's NONMEM code [S]",
                        OLOFSEN),
                List.of("the effect site is not part of Fanta or Otto; it is added for acute effects (Olofsen 2012)",
                        "Table 3 values (3 significant digits) are used rather than the supplement's extra digits "
                                + "(differences below 0.1 %)"),
                List.of(Omega.variance("V1", 0.084), new Omega("V1", "CL", 0.023), Omega.variance("CL", 0.026),
                        Omega.variance("metabolite V1", 0.040), new Omega("metabolite V1", "metabolite CL", 0.044),
                        Omega.variance("metabolite CL", 0.103)),
                List.of("S-ketamine: proportional, sigma^2 0.0557 (SD 0.236) [S]",
                        "S-norketamine: proportional, sigma^2 0.0203 (SD 0.143) [S]"),
                SKetamineRoutes.NOTES);
        card = card.withResidualModel(List.of(new ResidualError(ResidualError.Analyte.PARENT, ResidualError.Kind.PROPORTIONAL, 0.236, 0),
                new ResidualError(ResidualError.Analyte.METABOLITE, ResidualError.Kind.PROPORTIONAL, 0.143, 0)));
        return new BuiltInModel(card, SKetamineRoutes.addTo(model));
    }

    /** Flint 2017, paediatric S-ketamine during prolonged PICU sedation. */
    static BuiltInModel flint2017() {
        PkModel model = PkModel.of("flint-2017", 7.73, 112)
                .withPeripheral(new Peripheral(545, 196))
                .withMetabolite(new Metabolite("S-norketamine", 1, 1, 1, 53.2, Optional.empty()))
                .withEffectSite(EffectSite.OLOFSEN_2012)
                .withScaling(AllometricScaling.uniform(70, 1, 0.75));
        ModelCard card = new ModelCard("flint-2017",
                "Flint 2017 S-ketamine (2 compartments) with S-norketamine, children on prolonged PICU sedation",
                ModelDrug.S_KETAMINE, Optional.of("S-norketamine (apparent: V/Fm and CL/Fm)"),
                "25 children aged 0.02-12.5 years, 3.4-35 kg, on continuous S-ketamine 0.3-3.6 mg/kg/h for up to "
                        + "140 h (the only published model fitted to multi-day S-ketamine infusions)",
                new double[] {3.4, 35}, "not stated in the sources read",
                List.of("Flint RB, Brouwer CNM, Kranzlin ASC, Lie-A-Huen L, Bos AP, Mathot RAA. Pediatr Anesth "
                        + "2017;27:1098-1107, doi:10.1111/pan.13239"),
                List.of("S-ketamine CL 112 L/h, V1 7.73 L, Q 196 L/h, V2 545 L at 70 kg: Flint 2017 Table 3 "
                                + "[S, nlmixr2lib Flint_2017_s_ketamine]",
                        "S-norketamine CL/Fm 53.2 L/h, V/Fm 1 L (fixed; Fm not identifiable) [S]; with formation from "
                                + "all S-ketamine clearance these apparent values give the metabolite concentration",
                        "weight: allometric to 70 kg, exponent 1 on volumes and 0.75 on clearances and flows [S]",
                        OLOFSEN),
                List.of("the published 0.870 %/h rise of S-norketamine CL/Fm with time since the first dose is not "
                                + "modelled (the engine is time-invariant), so late norketamine is over-predicted",
                        "the model is paediatric: adult weights are an extrapolation of the allometric scaling"),
                List.of(Omega.fromCv("CL", 0.402), Omega.fromCv("metabolite CL", 1.04)),
                List.of("S-ketamine: proportional 41.9 % [S]", "S-norketamine: proportional 47.5 % [S]"),
                SKetamineRoutes.NOTES);
        card = card.withResidualModel(List.of(new ResidualError(ResidualError.Analyte.PARENT, ResidualError.Kind.PROPORTIONAL, 0.419, 0),
                new ResidualError(ResidualError.Analyte.METABOLITE, ResidualError.Kind.PROPORTIONAL, 0.475, 0)));
        return new BuiltInModel(card, SKetamineRoutes.addTo(model));
    }
}
