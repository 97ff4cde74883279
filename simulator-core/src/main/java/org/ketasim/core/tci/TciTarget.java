package org.ketasim.core.tci;

/**
 * A target that holds from its time on, until the next target.
 *
 * @param timeH      when the target starts (h), &gt;= 0
 * @param ngPerMl    the target concentration (ng/mL), &gt;= 0
 */
public record TciTarget(double timeH, double ngPerMl) {
    /** Checks the ranges above. */
    public TciTarget {
        if (!(timeH >= 0) || !(ngPerMl >= 0) || Double.isInfinite(timeH) || Double.isInfinite(ngPerMl)) {
            throw new IllegalArgumentException("a TCI target needs a time >= 0 and a concentration >= 0, got "
                    + ngPerMl + " ng/mL at " + timeH + " h");
        }
    }
}
