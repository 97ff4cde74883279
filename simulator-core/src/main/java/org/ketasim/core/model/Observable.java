package org.ketasim.core.model;

/**
 * A concentration the engine reports, each a fixed linear combination of the states of a
 * {@link LinearSystem} (see {@link LinearSystem#readout(Observable)}), in ng/mL.
 */
public enum Observable {
    /** The parent's plasma concentration (central amount over V1). */
    PARENT("cp"),
    /** The first metabolite's plasma concentration (mass of metabolite over its V1). */
    METABOLITE("cm"),
    /** The second metabolite's plasma concentration, formed from the first. */
    METABOLITE2("cm2"),
    /** The acute effect-site concentration, driven by the parent's plasma concentration. */
    EFFECT("ce"),
    /** The slow effect-site concentration of chronic pain relief (Dahan 2011). */
    PAIN_EFFECT("ce_pain");

    private final String column;

    Observable(String column) {
        this.column = column;
    }

    /** @return the short name used in column names, e.g. {@code cp} */
    public String column() {
        return column;
    }

    /** @return whether the engine keeps its exact running integral (AUC): the parent and the first metabolite */
    public boolean hasAuc() {
        return this == PARENT || this == METABOLITE;
    }
}
