package org.ketasim.core.model;

/**
 * A route whose doses are given by fixed-size devices one after another (the esketamine nasal spray:
 * 28 mg devices 5 minutes apart, Spravato label): a bolus of more than one device's amount is given
 * as several devices, and every device after the first takes its path with
 * {@code laterBioavailability} instead of the path's F (Perez-Ruixo 2021: the nasal fraction of the
 * second and later devices is 38 % lower).
 *
 * @param deviceMg             the amount one device gives (mg), &gt; 0
 * @param intervalH            the time between devices (h), &gt;= 0
 * @param laterBioavailability F of this path for the second and later devices
 */
public record DeviceDosing(double deviceMg, double intervalH, double laterBioavailability) {
    /** Checks the ranges above. */
    public DeviceDosing {
        Checks.positive("device amount", deviceMg);
        Checks.nonNegative("interval between devices", intervalH);
        if (!(laterBioavailability >= 0 && laterBioavailability <= Absorption.MAX_BIOAVAILABILITY)) {
            throw new IllegalArgumentException("bioavailability of later devices must be between 0 and "
                    + Absorption.MAX_BIOAVAILABILITY + ", got " + laterBioavailability);
        }
    }
}
