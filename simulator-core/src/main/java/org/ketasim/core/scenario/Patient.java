package org.ketasim.core.scenario;

import java.util.Objects;
import java.util.Optional;
import org.ketasim.core.units.Quantity;

/**
 * The scenario's patient.
 *
 * @param weight      body weight (a {@code kg} quantity), 0.3 to 350 kg
 * @param baselineNrs pain score before treatment (NRS 0 to 10), if given; the default is
 *                    {@link #DEFAULT_BASELINE_NRS}
 */
public record Patient(Quantity weight, Optional<Double> baselineNrs) {

    /** The survey guideline's NRS threshold for treatment, used when a scenario gives no baseline. */
    public static final double DEFAULT_BASELINE_NRS = 7;

    /** Checks that nothing is null. */
    public Patient {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(baselineNrs, "baselineNrs");
    }

    /**
     * @param kg body weight (kg)
     * @return a patient of that weight with the default baseline
     */
    public static Patient ofKg(double kg) {
        return new Patient(Quantity.of(kg, "kg"), Optional.empty());
    }

    /** @return the body weight (kg) */
    public double weightKg() {
        return weight.internalValue();
    }

    /** @return the baseline NRS, or the default */
    public double baselineNrsOrDefault() {
        return baselineNrs.orElse(DEFAULT_BASELINE_NRS);
    }

    /**
     * @param kg body weight (kg)
     * @return this patient at that weight
     */
    public Patient withWeightKg(double kg) {
        return new Patient(Quantity.of(kg, "kg"), baselineNrs);
    }
}
