package org.ketasim.core.model;

/**
 * A peripheral compartment linked to its central compartment by a flow.
 *
 * @param volumeL       volume of distribution (L), &gt; 0
 * @param flowLPerH     inter-compartmental clearance Q (L/h), &gt;= 0
 */
public record Peripheral(double volumeL, double flowLPerH) {
    /** Checks the ranges above. */
    public Peripheral {
        Checks.positive("peripheral volume", volumeL);
        Checks.nonNegative("inter-compartmental clearance", flowLPerH);
    }
}
