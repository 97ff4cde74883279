package org.ketasim.core.model;

/**
 * First-order absorption from a route's depot into the central compartment.
 *
 * @param bioavailability fraction F of the dose that reaches the depot, 0 to 1
 * @param kaPerH          absorption rate constant ka (1/h), &gt; 0
 * @param lagH            absorption lag (h), &gt;= 0: a dose given at t enters the depot at t + lag
 */
public record Absorption(double bioavailability, double kaPerH, double lagH) {
    /** Checks the ranges above. */
    public Absorption {
        Checks.fraction("bioavailability F", bioavailability);
        Checks.positive("absorption rate constant ka", kaPerH);
        Checks.nonNegative("absorption lag", lagH);
    }
}
