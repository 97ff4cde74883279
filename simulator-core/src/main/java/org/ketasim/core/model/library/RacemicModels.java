package org.ketasim.core.model.library;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;

/**
 * The built-in racemic ketamine models used by TCI programs (pk-models.md section 2). They report
 * total ketamine, IV only. Where a source gives V1 per kg and rate constants (1/min), the model is
 * stored as volumes and clearances of a 70 kg patient, scaled linearly with weight: that is the same
 * model, since V1 is proportional to weight and the rate constants are fixed.
 */
final class RacemicModels {

    private static final double REFERENCE_KG = 70;
    private static final String LINEAR_IN_WEIGHT = "weight: V1 proportional to weight with fixed rate constants, "
            + "so every volume and clearance is proportional to weight (exponent 1)";
    private static final String NO_VARIABILITY = "none published in the sources read";

    private RacemicModels() {
    }

    /**
     * A mammillary model given as V1 per kg and rate constants per minute, for 70 kg.
     *
     * @param k rate constants k10, k12, k21 and optionally k13, k31 (1/min)
     */
    private static PkModel fromRateConstants(String id, double v1PerKg, double ke0PerMin, double... k) {
        double v1 = v1PerKg * REFERENCE_KG;
        PkModel m = PkModel.of(id, v1, k[0] * v1 * 60)
                .withPeripheral(new Peripheral(k[1] * v1 / k[2], k[1] * v1 * 60));
        if (k.length == 5) {
            m = m.withPeripheral(new Peripheral(k[3] * v1 / k[4], k[3] * v1 * 60));
        }
        return m.withEffectSite(new EffectSite(ke0PerMin * 60))
                .withScaling(AllometricScaling.uniform(REFERENCE_KG, 1, 1));
    }

    /** Domino, 3 compartments. */
    static BuiltInModel domino() {
        PkModel model = fromRateConstants("domino", 0.063, 0.238, 0.4381, 0.5921, 0.2470, 0.5900, 0.0146);
        ModelCard card = new ModelCard("domino", "Domino racemic ketamine (3 compartments), as used by TCI programs",
                ModelDrug.RACEMIC_KETAMINE, Optional.empty(), "adult volunteers (details not in the sources read)",
                new double[] {40, 120}, "not stated in the sources read",
                List.of("Domino EF, et al. Ketamine kinetics in unmedicated and diazepam-premedicated subjects. "
                        + "Clin Pharmacol Ther 1984;36:645 [R]; opentiva gives PMID 7198883, a 1982 Domino paper [U]"),
                List.of("V1 0.063 L/kg; k10 0.4381, k12 0.5921, k13 0.5900, k21 0.2470, k31 0.0146 /min [S: opentiva "
                                + "ketamine.py class Domino, SimTIVA pharmacology.js, fus_anes; the three agree]",
                        "at 70 kg [C]: V1 4.41 L, CL 1.932 L/min, V2 10.57 L, V3 178.2 L",
                        LINEAR_IN_WEIGHT,
                        "ke0 0.238 /min: SimTIVA, from the analgesia nociception index (Navarrete, J Clin Monit "
                                + "Comput 2025;39:349-354) [S]"),
                List.of("total (racemic) ketamine; the sampling site is unknown"),
                List.of(), List.of(NO_VARIABILITY), Map.of());
        return new BuiltInModel(card, model);
    }

    /** Clements 1981 ("Clements250"), 2 compartments. */
    static BuiltInModel clements1981() {
        PkModel model = fromRateConstants("clements-1981", 1.7522, 5.2, 0.0109, 0.0186, 0.0137);
        ModelCard card = new ModelCard("clements-1981",
                "Clements 1981 racemic ketamine (2 compartments, 250 ug/kg IV bolus data), as used by TCI programs",
                ModelDrug.RACEMIC_KETAMINE, Optional.empty(), "adult volunteers after 250 ug/kg IV (details not in the "
                        + "sources read)", new double[] {40, 120}, "not stated in the sources read",
                List.of("Clements JA, Nimmo WS. Pharmacokinetics and analgesic effect of ketamine in man. Br J Anaesth "
                        + "1981;53:27, doi:10.1093/bja/53.1.27 (authors and title recalled [R]; DOI from opentiva [S])"),
                List.of("V1 1.7522 L/kg; k10 0.0109, k12 0.0186, k21 0.0137 /min [S: opentiva class Clements250]",
                        "at 70 kg [C]: V1 122.7 L, CL 19.1 mL/min/kg, Vss 4.13 L/kg",
                        LINEAR_IN_WEIGHT,
                        "ke0 5.2 /min: opentiva, from an assumed time to peak effect of 1 min, not measured [U]"),
                List.of("V1 of 1.75 L/kg is unusually large and probably reflects sparse early sampling, so early "
                        + "concentrations after a bolus are low", "ke0 is not data"),
                List.of(), List.of(NO_VARIABILITY), Map.of());
        return new BuiltInModel(card, model);
    }

    /** Hijazi 2003, 2 compartments, adult ICU patients. */
    static BuiltInModel hijazi2003() {
        PkModel model = fromRateConstants("hijazi-2003", 1.08, 4.773, 0.0333, 0.0088, 0.0030);
        ModelCard card = new ModelCard("hijazi-2003",
                "Hijazi 2003 racemic ketamine (2 compartments), adult ICU patients with brain or spinal cord injury",
                ModelDrug.RACEMIC_KETAMINE, Optional.empty(),
                "adult intensive care patients with brain or spinal cord injury", new double[] {40, 120},
                "not stated in the sources read",
                List.of("Hijazi Y, et al. Pharmacokinetics and haemodynamics of ketamine in intensive care patients "
                        + "with brain or spinal cord injury. Br J Anaesth 2003;90:155-160, doi:10.1093/bja/aeg028"),
                List.of("V1 1.08 L/kg; k10 0.0333, k12 0.0088, k21 0.0030 /min [S: opentiva class Hijazi]",
                        "consistent with the abstract [V]: clearance 36.0 (SD 13.3) mL/min/kg, here "
                                + "1.08 x 0.0333 = 0.036 L/min/kg [C]",
                        LINEAR_IN_WEIGHT,
                        "ke0 4.773 /min: opentiva, from an assumed time to peak effect of 1 min, not measured [U]"),
                List.of("ke0 is not data"),
                List.of(), List.of(NO_VARIABILITY), Map.of());
        return new BuiltInModel(card, model);
    }

    /** Kamp 2020 pooled raw-data model, arterial three-compartment part. */
    static BuiltInModel kamp2020() {
        PkModel model = PkModel.of("kamp-2020", 25, 84)
                .withPeripheral(new Peripheral(56, 161))
                .withPeripheral(new Peripheral(157, 79))
                .withEffectSite(new EffectSite((0.1876 * Math.log(REFERENCE_KG) + 0.5932) * 60))
                .withScaling(AllometricScaling.uniform(REFERENCE_KG, 1, 0.75));
        ModelCard card = new ModelCard("kamp-2020",
                "Kamp 2020 pooled ketamine model, arterial part (3 compartments)",
                ModelDrug.RACEMIC_KETAMINE, Optional.empty(),
                "14 pooled raw data sets of the Ketamine PK Study Group (systematic review and population analysis)",
                new double[] {40, 120}, "arterial (the central compartment of the raw-data model)",
                List.of("Kamp J, Olofsen E, Henthorn TK, van Velzen M, Niesters M, Dahan A. Ketamine pharmacokinetics: "
                        + "a systematic review of the literature, meta-analysis, and population analysis. "
                        + "Anesthesiology 2020;133:1192-1213, doi:10.1097/ALN.0000000000003577"),
                List.of("V1 25 L, V2 56 L, V3 157 L, CL 84 L/h, Q2 161 L/h, Q3 79 L/h at 70 kg [S: SimTIVA "
                                + "pharmacology.js model Kamp; opentiva class Klamp]",
                        "weight: (WT/70)^1 on volumes and (WT/70)^0.75 on clearances and flows, as in SimTIVA [S]",
                        "ke0 0.1876 ln(WT) + 0.5932 /min (SimTIVA, Navarrete 2025, analgesia nociception index) [S], "
                                + "evaluated at 70 kg: 1.39 /min"),
                List.of("clearance exponent 0.75 (SimTIVA) rather than 1 (opentiva): the two programs disagree [U]; "
                                + "0.75 is the theory-based allometric exponent the Leiden group uses in its other "
                                + "models (Otto/Fanta scaling, Simons 2022) and is consistent with the meta-analytic "
                                + "CL of 79 L/h at 70 kg",
                        "arterial sampling: the two venous delay compartments of the paper were not found, so venous "
                                + "concentrations early after a dose are over-predicted",
                        "whether the values are for racemic or S-ketamine is not confirmed [U]; ketasim treats the model "
                                + "as racemic (total ketamine), as the TCI programs do",
                        "ke0 is evaluated at 70 kg for every weight"),
                List.of(), List.of(NO_VARIABILITY), Map.of());
        return new BuiltInModel(card, model);
    }
}
