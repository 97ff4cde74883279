package org.ketasim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A metabolite formed from the parent's elimination: a fraction of the parent eliminated by its
 * clearance CL becomes metabolite, {@code formation (mg/h) = fraction * molarMassRatio * CL * Cp}.
 *
 * @param name           display name, e.g. "norketamine"
 * @param fraction       fraction of eliminated parent converted to this metabolite, 0 to 1
 * @param molarMassRatio molar mass of metabolite over parent (e.g. 0.941 for norketamine over
 *                       ketamine), &gt; 0; converts parent mass to metabolite mass
 * @param volumeL        metabolite central volume (L), &gt; 0
 * @param clearanceLPerH metabolite elimination clearance (L/h), &gt;= 0
 * @param peripheral     optional second metabolite compartment
 */
public record Metabolite(String name, double fraction, double molarMassRatio, double volumeL,
                         double clearanceLPerH, Optional<Peripheral> peripheral) {
    /** Checks the ranges above. */
    public Metabolite {
        Objects.requireNonNull(name, "name");
        Checks.fraction("metabolite fraction", fraction);
        Checks.positive("metabolite molar mass ratio", molarMassRatio);
        Checks.positive("metabolite V1", volumeL);
        Checks.nonNegative("metabolite CL", clearanceLPerH);
        Objects.requireNonNull(peripheral, "peripheral");
    }
}
