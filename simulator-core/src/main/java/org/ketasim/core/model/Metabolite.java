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
 * @param formationDelay optional transit chain between the parent's elimination and the formation
 *                       of this metabolite; the fraction applies at its end (Simons 2022)
 */
public record Metabolite(String name, double fraction, double molarMassRatio, double volumeL,
                         double clearanceLPerH, Optional<Peripheral> peripheral, Optional<TransitChain> formationDelay) {
    /** Checks the ranges above. */
    public Metabolite {
        Objects.requireNonNull(name, "name");
        Checks.fraction("metabolite fraction", fraction);
        Checks.positive("metabolite molar mass ratio", molarMassRatio);
        Checks.positive("metabolite V1", volumeL);
        Checks.nonNegative("metabolite CL", clearanceLPerH);
        Objects.requireNonNull(peripheral, "peripheral");
        Objects.requireNonNull(formationDelay, "formationDelay");
    }

    /**
     * A metabolite formed without delay (format v1).
     *
     * @param name           display name
     * @param fraction       fraction of eliminated parent converted, 0 to 1
     * @param molarMassRatio molar mass of metabolite over parent
     * @param volumeL        central volume (L)
     * @param clearanceLPerH clearance (L/h)
     * @param peripheral     optional second compartment
     */
    public Metabolite(String name, double fraction, double molarMassRatio, double volumeL, double clearanceLPerH,
                      Optional<Peripheral> peripheral) {
        this(name, fraction, molarMassRatio, volumeL, clearanceLPerH, peripheral, Optional.empty());
    }

    /**
     * @param volumeFactor    factor on the central volume
     * @param clearanceFactor factor on the clearance
     * @param peripheralScale the scaled peripheral, if any
     * @return this metabolite with scaled volume, clearance and peripheral
     */
    Metabolite scaled(double volumeFactor, double clearanceFactor, Optional<Peripheral> peripheralScale) {
        return new Metabolite(name, fraction, molarMassRatio, volumeL * volumeFactor, clearanceLPerH * clearanceFactor,
                peripheralScale, formationDelay);
    }
}
