package org.ketasim.core.model;

/**
 * A hypothetical effect compartment of negligible volume: {@code dCe/dt = ke0 * (Cp - Ce)}.
 *
 * @param ke0PerH equilibration rate constant ke0 (1/h), &gt; 0 (t&frac12;ke0 = ln 2 / ke0)
 */
public record EffectSite(double ke0PerH) {

    /** ln 2, once: the quick compiler that runs short commands does not fold {@code Math.log(2)}. */
    private static final double LN2 = Math.log(2);

    /**
     * Effect-site equilibration for acute effects: the mean blood-effect-site t&frac12;ke0 of
     * 6.1 min over endpoints (Olofsen et al., Anesthesiology 2012;117:353) [V], so
     * ke0 = ln 2 / 6.1 min [C]. The built-in S-ketamine models have it, and the outcome models take
     * psychomimetic peaks with it when a model has no acute effect site of its own.
     */
    public static final EffectSite OLOFSEN_2012 = new EffectSite(rateForHalfLifeH(6.1 / 60));

    /** Checks the range above. */
    public EffectSite {
        Checks.positive("ke0", ke0PerH);
    }

    /**
     * @param halfLifeH a half-life (h), &gt; 0
     * @return the first-order rate constant with that half-life, {@code ln 2 / t½} (1/h)
     */
    public static double rateForHalfLifeH(double halfLifeH) {
        return LN2 / halfLifeH;
    }
}
