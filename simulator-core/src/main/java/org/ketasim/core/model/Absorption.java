package org.ketasim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One absorption path from a route's depot: a fraction F of each dose enters the depot after the
 * lag, at once or, with a zero-order phase, evenly over {@code zeroOrderH}; the depot empties at
 * {@code ka}, through an optional transit chain, into the target. A route may have several paths
 * that share each dose (a nasal spray is partly absorbed nasally, partly swallowed).
 *
 * <p>The zero-order phase is exact for boluses. For an infusion given by such a route the depot
 * input would be piecewise linear; the engine then approximates the phase by a further lag of
 * half its duration (the same mean input time).
 *
 * @param bioavailability fraction F of the dose that takes this path, 0 to 1.5 (Simons 2022's
 *                        swallowed thin-film fraction is 1.16 of the film dose)
 * @param kaPerH          absorption rate constant ka (1/h), &gt; 0
 * @param lagH            absorption lag (h), &gt;= 0
 * @param zeroOrderH      duration of the zero-order input into the depot (h), &gt;= 0 (0 for none)
 * @param target          where the absorbed drug goes
 * @param transit         an optional transit chain between the depot and the target
 * @param devices         optional device dosing of the route (every path of a route has the same
 *                        device amount and interval)
 */
public record Absorption(double bioavailability, double kaPerH, double lagH, double zeroOrderH,
                         AbsorptionTarget target, Optional<TransitChain> transit, Optional<DeviceDosing> devices) {

    /** The largest F accepted, for a path that carries more than the nominal dose (see above). */
    public static final double MAX_BIOAVAILABILITY = 1.5;

    /** Checks the ranges above. */
    public Absorption {
        if (!(bioavailability >= 0 && bioavailability <= MAX_BIOAVAILABILITY)) {
            throw new IllegalArgumentException("bioavailability F must be between 0 and " + MAX_BIOAVAILABILITY
                    + ", got " + bioavailability);
        }
        Checks.positive("absorption rate constant ka", kaPerH);
        Checks.nonNegative("absorption lag", lagH);
        Checks.nonNegative("zero-order absorption duration", zeroOrderH);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(transit, "transit");
        Objects.requireNonNull(devices, "devices");
    }

    /**
     * A path without device dosing.
     *
     * @param bioavailability F
     * @param kaPerH          ka (1/h)
     * @param lagH            lag (h)
     * @param zeroOrderH      zero-order phase (h)
     * @param target          target
     * @param transit         optional transit chain
     */
    public Absorption(double bioavailability, double kaPerH, double lagH, double zeroOrderH, AbsorptionTarget target,
                      Optional<TransitChain> transit) {
        this(bioavailability, kaPerH, lagH, zeroOrderH, target, transit, Optional.empty());
    }

    /**
     * The first-order absorption of format v1: straight into the central compartment.
     *
     * @param bioavailability F, 0 to 1
     * @param kaPerH          ka (1/h)
     * @param lagH            lag (h)
     */
    public Absorption(double bioavailability, double kaPerH, double lagH) {
        this(bioavailability, kaPerH, lagH, 0, AbsorptionTarget.CENTRAL, Optional.empty(), Optional.empty());
        Checks.fraction("bioavailability F", bioavailability);
    }
}
