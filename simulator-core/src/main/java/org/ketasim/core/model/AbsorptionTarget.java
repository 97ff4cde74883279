package org.ketasim.core.model;

/** Where an absorption path delivers the absorbed drug. */
public enum AbsorptionTarget {
    /** The parent's central compartment (systemic circulation). */
    CENTRAL,
    /** The hepato-portal compartment of a model with a {@link HepaticCompartment} (first pass). */
    LIVER,
    /**
     * Straight into the parent's metabolism, never reaching the systemic parent: the start of the
     * metabolite's formation delay (Simons 2022's swallowed thin-film fraction).
     */
    METABOLISM
}
