package org.ketasim.core.model.library;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AbsorptionTarget;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.TransitChain;

/**
 * Simons 2022: arterial S-ketamine (3 compartments), S-norketamine and S-hydroxynorketamine
 * (2 compartments each), each metabolite formed through a two-compartment metabolism delay, and the
 * oral thin film's two absorption paths (pk-models.md section 1.1; values [S] from Simons 2022
 * Table 4 via nlmixr2lib, which also gives the structure).
 */
final class SimonsModel {

    /** Molar masses (g/mol) used by the source: S-ketamine base, S-norketamine, S-hydroxynorketamine. */
    private static final double KETAMINE = 237.73;
    private static final double NORKETAMINE = 223.70;
    private static final double HYDROXYNORKETAMINE = 239.70;
    private static final double PER_MIN = 60;

    private SimonsModel() {
    }

    static BuiltInModel simons2022() {
        Metabolite norketamine = new Metabolite("S-norketamine", 0.8, NORKETAMINE / KETAMINE, 11.6, 1.00 * PER_MIN,
                Optional.of(new Peripheral(221, 2.63 * PER_MIN)), Optional.of(new TransitChain(2, 20.1 / PER_MIN)));
        Metabolite hnk = new Metabolite("S-hydroxynorketamine", 0.7, HYDROXYNORKETAMINE / NORKETAMINE, 4.4,
                0.933 * PER_MIN, Optional.of(new Peripheral(87.5, 1.70 * PER_MIN)),
                Optional.of(new TransitChain(2, 1.12 / PER_MIN)));
        PkModel model = SKetamineRoutes.addTo(PkModel.of("simons-2022", 11.6, 1.48 * PER_MIN)
                        .withPeripheral(new Peripheral(39.0, 2.43 * PER_MIN))
                        .withPeripheral(new Peripheral(174, 1.21 * PER_MIN))
                        .withMetabolite(norketamine)
                        .withSecondMetabolite(hnk)
                        .withEffectSite(EffectSite.OLOFSEN_2012)
                        .withScaling(AllometricScaling.uniform(70, 1, 0.75)))
                .withRoute(Route.SUBLINGUAL, List.of(
                        SKetamineRoutes.zeroThenFirstOrder(0.263, 0.04 * PER_MIN, 13.1 / PER_MIN),
                        new Absorption(1.16, 0.049 * PER_MIN, 0, 29.9 / PER_MIN, AbsorptionTarget.METABOLISM,
                                Optional.of(new TransitChain(1, 10.7 / PER_MIN)))));
        Map<Route, RouteNote> routes = new EnumMap<>(SKetamineRoutes.NOTES);
        routes.put(Route.SUBLINGUAL, new RouteNote(true, "Simons 2022 oral thin film (sublingual or buccal), two "
                + "paths sharing each dose: mucosal F1 0.263 [V], zero-order over D1 13.1 min, then KA1 0.04 /min into "
                + "the central compartment; swallowed F2 1.16 of the film dose, zero-order over D2 29.9 min, then KA2 "
                + "0.049 /min and a gut-to-liver transit (MTTG 10.7 min) straight into the metabolism delay, so it "
                + "forms metabolites without reaching systemic S-ketamine [S]"));
        ModelCard card = new ModelCard("simons-2022",
                "Simons 2022 S-ketamine (3 compartments), S-norketamine and S-hydroxynorketamine with metabolism "
                        + "delays, arterial",
                ModelDrug.S_KETAMINE, Optional.of("S-norketamine (ng/mL of S-norketamine); second metabolite "
                        + "S-hydroxynorketamine (cm2)"),
                "20 healthy volunteers (10 men, 10 women), 73 +- 12 kg (53-93 kg), 19-32 years; 50 or 100 mg oral thin "
                        + "film, then 20 mg IV over 20 min (Leiden)",
                new double[] {53, 93}, "arterial",
                List.of("Simons P, Olofsen E, van Velzen M, et al. S-ketamine oral thin film - part 1: population "
                        + "pharmacokinetics of S-ketamine, S-norketamine and S-hydroxynorketamine. Front Pain Res "
                        + "2022;3:946486, doi:10.3389/fpain.2022.946486"),
                List.of("S-ketamine VK1 11.6 L, VK2 39.0 L, VK3 174 L; CLK1 1.48, CLK2 2.43, CLK3 1.21 L/min at 70 kg: "
                                + "Simons 2022 Table 4 [S, nlmixr2lib Simons_2022_s_ketamine]",
                        "metabolism K->NK: two transit compartments, MTT 20.1 min, each draining at 2/MTT [S]; 80 % forms "
                                + "S-norketamine (fixed in the paper) [V]",
                        "S-norketamine VN1 = VK1 11.6 L, VN2 221 L, CLN1 1.00, CLN2 2.63 L/min [S]",
                        "metabolism NK->HNK: two transit compartments, MTT 1.12 min; 70 % forms S-HNK (fixed) [V]",
                        "S-hydroxynorketamine VH1 4.4 L, VH2 87.5 L, CLH1 0.933, CLH2 1.70 L/min [S]",
                        "mass is carried as S-ketamine and converted with the molar masses 237.73, 223.70 and 239.70 "
                                + "g/mol, so concentrations are ng/mL of each analyte [S]",
                        "weight: (WT/70)^1 on all volumes, (WT/70)^0.75 on all clearances (the paper gives values '@ 70 "
                                + "kg' without exponents; these are nlmixr2lib's standard choice) [U]",
                        SKetamineModels.OLOFSEN),
                List.of("the effect site is not part of Simons 2022; it is added for acute effects (Olofsen 2012)",
                        "oral, intranasal, sc and iontophoretic routes are the shared S-ketamine routes, not Simons'",
                        "inter-occasion variability of the thin film (F1, D1, KA1, F2, D2, KA2, MTTG) is not used"),
                List.of(Omega.variance("V1", 0.057), Omega.variance("CL", 0.029), Omega.variance("Q3", 0.026),
                        Omega.variance("metabolite CL", 0.050), Omega.variance("MTT K->NK", 0.021),
                        Omega.variance("metabolite2 V1", 1.22), Omega.variance("metabolite2 CL", 0.103),
                        Omega.variance("metabolite2 Q2", 0.287)),
                List.of("S-ketamine: printed 0.012, read as a proportional variance (SD 0.11) [U]",
                        "S-norketamine: proportional 0.102, additive 0.058 nmol/mL [S]"),
                routes);
        card = card.withResidualModel(List.of(new ResidualError(ResidualError.Analyte.PARENT, ResidualError.Kind.PROPORTIONAL, 0.11, 0),
                new ResidualError(ResidualError.Analyte.METABOLITE, ResidualError.Kind.PROPORTIONAL, 0.102, 0.058 * NORKETAMINE)));
        return new BuiltInModel(card, model);
    }
}
