package org.ketasim.core.model.library;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AbsorptionTarget;
import org.ketasim.core.model.DeviceDosing;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.HepaticCompartment;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/**
 * Perez-Ruixo 2021: esketamine (3 compartments) eliminated in a hepato-portal compartment, with
 * oral and intranasal absorption through it, and apparent noresketamine (pk-models.md section 1.3;
 * values [S] from Table 3 via nlmixr2lib, which also gives the structure).
 */
final class PerezRuixoModel {

    /** Fraction of a swallowed dose that escapes gut metabolism. */
    private static final double FGUT = 0.64;
    /** Fraction of an intranasal dose absorbed through the nasal cavity (one 28 mg device). */
    private static final double FRN = 0.54;
    /** The same for the second and later devices of one dose: 38 % lower. */
    private static final double FRN_LATER = FRN * 0.62;
    /** One nasal spray device (mg), and the time between devices (h): 5 min, as on the Spravato label. */
    private static final double DEVICE_MG = 28;
    private static final double DEVICE_INTERVAL_H = 5.0 / 60;

    private PerezRuixoModel() {
    }

    static BuiltInModel perezRuixo2021() {
        PkModel model = SKetamineRoutes.addTo(PkModel.of("perez-ruixo-2021", 192, 0)
                        .withPeripheral(new Peripheral(143, 84.3))
                        .withPeripheral(new Peripheral(417, 37.6))
                        .withLiver(new HepaticCompartment(101, 151, 1.11, 2.77))
                        .withMetabolite(new Metabolite("noresketamine", 1, 1, 70.0, 38.0,
                                Optional.of(new Peripheral(115, 26.1))))
                        .withEffectSite(EffectSite.OLOFSEN_2012))
                .withRoute(Route.ORAL, new Absorption(FGUT, 0.97, 0, 0.32, AbsorptionTarget.LIVER, Optional.empty()))
                .withRoute(Route.INTRANASAL, List.of(
                        new Absorption(FRN, 2.93, 0, 0, AbsorptionTarget.CENTRAL, Optional.empty(),
                                Optional.of(new DeviceDosing(DEVICE_MG, DEVICE_INTERVAL_H, FRN_LATER))),
                        new Absorption((1 - FRN) * FGUT, 1.45, 0, 0.53, AbsorptionTarget.LIVER, Optional.empty(),
                                Optional.of(new DeviceDosing(DEVICE_MG, DEVICE_INTERVAL_H, (1 - FRN_LATER) * FGUT)))));
        Map<Route, RouteNote> routes = new EnumMap<>(SKetamineRoutes.NOTES);
        routes.put(Route.ORAL, new RouteNote(true, "Perez-Ruixo 2021 oral solution: Fgut 0.64 of the dose, zero-order "
                + "over Dpo 0.32 h, then ka_po 0.97 /h into the liver compartment, whose first pass (extraction 0.722) "
                + "gives an overall F of 0.178 [S, C]"));
        routes.put(Route.INTRANASAL, new RouteNote(true, "Perez-Ruixo 2021 nasal spray, two paths sharing each dose: "
                + "FRn 0.54 through the nasal cavity, ka_n 2.93 /h into the central compartment; the swallowed rest, "
                + "(1 - FRn) x Fgut, zero-order over Dsw 0.53 h, then ka_sw 1.45 /h into the liver [S]. A dose is given "
                + "by 28 mg devices 5 min apart (Spravato label [V]); the second and later devices have a 38 % lower "
                + "FRn (0.335) [S]. An amount that is not a multiple of 28 mg ends with a partial device [U]"));
        ModelCard card = new ModelCard("perez-ruixo-2021",
                "Perez-Ruixo 2021 esketamine (3 compartments) with a hepato-portal first-pass compartment and apparent "
                        + "noresketamine",
                ModelDrug.S_KETAMINE, Optional.of("noresketamine (S-norketamine; apparent, mass-based)"),
                "820 healthy subjects and patients with treatment-resistant depression, esketamine nasal spray, IV and "
                        + "oral (typical values: Caucasian, 60 years or younger)",
                new double[] {40, 150}, "not stated in the sources read",
                List.of("Perez-Ruixo C, Rossenu S, Zannikos P, Nandy P, Singh J, Drevets WC, Perez-Ruixo JJ. Population "
                        + "pharmacokinetics of esketamine nasal spray and its metabolite noresketamine in healthy "
                        + "subjects and patients with treatment-resistant depression. Clin Pharmacokinet 2021;60:501-516, "
                        + "doi:10.1007/s40262-020-00953-4"),
                List.of("esketamine Vc 192 L, Q1 84.3 L/h, Vp1 143 L, Q2 37.6 L/h, Vp2 417 L: Table 3 [S, nlmixr2lib "
                                + "PerezRuixo_2020_esketamine]",
                        "liver: Qh 151 L/h, Vh 101 L, kel 1.11 /h to other metabolites, kmet 2.77 /h to noresketamine "
                                + "[S]; systemic CL = Qh x E = 109 L/h [C] (abstract: 114 L/h [V])",
                        "noresketamine (apparent) Vcn/F 70.0 L, CLn/F 38.0 L/h, Vpn/F 115 L, Q3/F 26.1 L/h [S]; formed "
                                + "from the liver at kmet with no molar-mass conversion",
                        "no weight scaling: the model has no weight covariate",
                        SKetamineModels.OLOFSEN),
                List.of("typical values: the age effect on Qh (-2.19 L/h per year above 60) and the Asian effects on "
                                + "kel and CLn/F are not applied",
                        "nlmixr2lib notes that this literal implementation over-predicts the noresketamine AUC about "
                                + "1.4-1.6 fold",
                        "sublingual, sc and iontophoretic routes are the shared S-ketamine routes into the central "
                                + "compartment (no first pass)",
                        "the effect site is not part of Perez-Ruixo 2021; it is added for acute effects (Olofsen 2012)"),
                List.of(Omega.fromCv("Vc", 0.275), Omega.fromCv("Vp1", 0.493), Omega.fromCv("Qh", 0.232),
                        Omega.fromCv("Vh", 0.346), Omega.fromCv("kel", 1.20), Omega.fromCv("ka_n", 0.615),
                        Omega.fromCv("ka_po", 1.32), Omega.fromCv("ka_sw", 1.32), Omega.fromCv("Vcn/F", 0.316),
                        Omega.fromCv("CLn/F", 0.254)),
                List.of("esketamine: log-scale SD 0.276 (phase I/II) [S]", "noresketamine: log-scale SD 0.422 [S]"),
                routes);
        card = card.withResidualModel(List.of(new ResidualError(ResidualError.Analyte.PARENT, ResidualError.Kind.EXPONENTIAL, 0.276, 0),
                new ResidualError(ResidualError.Analyte.METABOLITE, ResidualError.Kind.EXPONENTIAL, 0.422, 0)));
        return new BuiltInModel(card, model);
    }
}
