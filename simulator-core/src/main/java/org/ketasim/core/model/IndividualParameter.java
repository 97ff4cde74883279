package org.ketasim.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A model parameter that inter-individual variability can act on, by the names the built-in
 * model cards use for their omegas ({@link org.ketasim.core.model.Omega}). A subject's
 * value is the typical value times {@code exp(eta)} (log-normal variability).
 */
public enum IndividualParameter {
    /** Parent central volume. */
    V1("V1", "Vc"),
    /** Parent elimination clearance. */
    CL("CL"),
    /** Parent first peripheral volume. */
    V2("V2", "Vp1"),
    /** Parent first inter-compartmental flow. */
    Q2("Q2"),
    /** Parent second peripheral volume. */
    V3("V3"),
    /** Parent second inter-compartmental flow. */
    Q3("Q3"),
    /** Metabolite central volume. */
    METABOLITE_V1("metabolite V1", "Vcn/F"),
    /** Metabolite clearance. */
    METABOLITE_CL("metabolite CL", "CLn/F"),
    /** Metabolite peripheral volume. */
    METABOLITE_V2("metabolite V2"),
    /** Metabolite inter-compartmental flow. */
    METABOLITE_Q2("metabolite Q2"),
    /** Second metabolite central volume. */
    METABOLITE2_V1("metabolite2 V1"),
    /** Second metabolite clearance. */
    METABOLITE2_CL("metabolite2 CL"),
    /** Second metabolite peripheral volume. */
    METABOLITE2_V2("metabolite2 V2"),
    /** Second metabolite inter-compartmental flow. */
    METABOLITE2_Q2("metabolite2 Q2"),
    /** Hepatic blood flow of the hepato-portal compartment. */
    LIVER_Q("liver Q", "Qh"),
    /** Volume of the hepato-portal compartment. */
    LIVER_V("liver V", "Vh"),
    /** Elimination rate constant from the hepato-portal compartment to other metabolites. */
    LIVER_KEL("liver kel", "kel");

    private final String cardName;
    private final List<String> aliases;

    IndividualParameter(String cardName, String... aliases) {
        this.cardName = cardName;
        this.aliases = List.of(aliases);
    }

    /** @return ketasim's name, e.g. {@code metabolite CL} */
    public String cardName() {
        return cardName;
    }

    /**
     * @param name a model card's parameter name: ketasim's, or the publication's where a card uses
     *             it (Perez-Ruixo 2021: Vc, Vp1, Vcn/F, CLn/F, Qh, Vh, kel)
     * @return the parameter, or empty if ketasim cannot vary it
     */
    public static Optional<IndividualParameter> byCardName(String name) {
        return Arrays.stream(values()).filter(p -> p.cardName.equals(name) || p.aliases.contains(name)).findFirst();
    }

    /**
     * @param model  an individual model (scaling already applied)
     * @param factor the multiplier, &gt; 0
     * @return the model with this parameter multiplied
     * @throws IllegalArgumentException if the model lacks the compartment this parameter belongs to
     */
    public PkModel apply(PkModel model, double factor) {
        return switch (this) {
            case V1 -> with(model, model.volumeL() * factor, model.clearanceLPerH(), model.peripherals());
            case CL -> with(model, model.volumeL(), model.clearanceLPerH() * factor, model.peripherals());
            case V2, Q2, V3, Q3 -> with(model, model.volumeL(), model.clearanceLPerH(),
                    peripherals(model.peripherals(), this == V2 || this == Q2 ? 0 : 1, this == V2 || this == V3,
                            factor));
            case LIVER_Q, LIVER_V, LIVER_KEL -> liver(model, factor);
            default -> metabolite(model, factor);
        };
    }

    private PkModel liver(PkModel model, double factor) {
        HepaticCompartment h = model.liver().orElseThrow(() -> new IllegalArgumentException(
                "model '" + model.name() + "' has no hepato-portal compartment for '" + cardName + "'"));
        return model.withLiver(new HepaticCompartment(this == LIVER_V ? h.volumeL() * factor : h.volumeL(),
                this == LIVER_Q ? h.bloodFlowLPerH() * factor : h.bloodFlowLPerH(),
                this == LIVER_KEL ? h.otherEliminationPerH() * factor : h.otherEliminationPerH(), h.metabolismPerH()));
    }

    private PkModel metabolite(PkModel model, double factor) {
        boolean second = name().startsWith("METABOLITE2");
        Metabolite m = (second ? model.secondMetabolite() : model.metabolite()).orElseThrow(() ->
                new IllegalArgumentException("model '" + model.name() + "' has no " + (second ? "second " : "")
                        + "metabolite for '" + cardName + "'"));
        String which = cardName.substring(cardName.indexOf(' ') + 1);
        double volume = which.equals("V1") ? m.volumeL() * factor : m.volumeL();
        double clearance = which.equals("CL") ? m.clearanceLPerH() * factor : m.clearanceLPerH();
        Optional<Peripheral> peripheral = m.peripheral();
        if (which.equals("V2") || which.equals("Q2")) {
            peripheral = Optional.of(scaled(peripheral.orElseThrow(() -> new IllegalArgumentException(
                    "model '" + model.name() + "' has no metabolite peripheral for '" + cardName + "'")),
                    which.equals("V2"), factor));
        }
        Metabolite varied = new Metabolite(m.name(), m.fraction(), m.molarMassRatio(), volume, clearance, peripheral,
                m.formationDelay());
        return second ? model.withSecondMetabolite(varied) : model.withMetabolite(varied);
    }

    private List<Peripheral> peripherals(List<Peripheral> list, int index, boolean volume, double factor) {
        if (index >= list.size()) {
            throw new IllegalArgumentException("the model has no peripheral compartment for '" + cardName + "'");
        }
        Peripheral[] copy = list.toArray(new Peripheral[0]);
        copy[index] = scaled(copy[index], volume, factor);
        return List.of(copy);
    }

    private static Peripheral scaled(Peripheral p, boolean volume, double factor) {
        return volume ? new Peripheral(p.volumeL() * factor, p.flowLPerH())
                : new Peripheral(p.volumeL(), p.flowLPerH() * factor);
    }

    private static PkModel with(PkModel m, double volumeL, double clearanceLPerH, List<Peripheral> peripherals) {
        return new PkModel(m.name(), volumeL, clearanceLPerH, peripherals, m.routes(), m.metabolite(),
                m.secondMetabolite(), m.liver(), m.effectSite(), m.painEffectSite(), m.scaling());
    }
}
