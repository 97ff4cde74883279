package org.ketasim.core.model;

/**
 * A hypothetical effect compartment of negligible volume: {@code dCe/dt = ke0 * (Cp - Ce)}.
 *
 * @param ke0PerH equilibration rate constant ke0 (1/h), &gt; 0 (t&frac12;ke0 = ln 2 / ke0)
 */
public record EffectSite(double ke0PerH) {
    /** Checks the range above. */
    public EffectSite {
        Checks.positive("ke0", ke0PerH);
    }
}
