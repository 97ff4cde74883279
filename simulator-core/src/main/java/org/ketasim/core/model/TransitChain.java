package org.ketasim.core.model;

/**
 * A delay made of {@code compartments} equal first-order transit compartments in series with a
 * total mean transit time; each compartment drains at {@code compartments / meanTransitTime}
 * (Savic et al., J Pharmacokinet Pharmacodyn 2007, doi:10.1007/s10928-007-9066-0).
 *
 * @param compartments      number of compartments, 1 to 20
 * @param meanTransitTimeH  total mean transit time (h), &gt; 0
 */
public record TransitChain(int compartments, double meanTransitTimeH) {
    /** Checks the ranges above. */
    public TransitChain {
        if (compartments < 1 || compartments > 20) {
            throw new IllegalArgumentException("a transit chain has 1 to 20 compartments, got " + compartments);
        }
        Checks.positive("mean transit time", meanTransitTimeH);
    }

    /** @return the rate constant of each compartment (1/h) */
    public double ratePerH() {
        return compartments / meanTransitTimeH;
    }
}
