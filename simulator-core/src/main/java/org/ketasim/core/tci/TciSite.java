package org.ketasim.core.tci;

/** The concentration a target-controlled infusion aims at. */
public enum TciSite {
    /** The parent's plasma concentration (Jacobs 1990). */
    PLASMA,
    /** The effect-site concentration (Shafer and Gregg 1992); the model needs an effect site. */
    EFFECT
}
