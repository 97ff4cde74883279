package org.ketasim.core.model.library;

import java.util.Objects;

/**
 * A published residual-error model of one analyte, for simulated observations: the observation is
 * {@code IPRED (1 + sd z1) + additive z2} (proportional) or {@code IPRED exp(sd z1) + additive z2}
 * (exponential, i.e. additive on the log scale), with {@code z1}, {@code z2} standard normal.
 * Simulated observations may be negative under a proportional or additive error; they are not
 * censored.
 *
 * @param analyte             which concentration it applies to
 * @param kind                proportional or exponential
 * @param sd                  the proportional (fraction) or log-scale standard deviation, &gt;= 0
 * @param additiveSdNgPerMl   the additive standard deviation (ng/mL), &gt;= 0
 */
public record ResidualError(Analyte analyte, Kind kind, double sd, double additiveSdNgPerMl) {

    /**
     * The largest proportional or log-scale SD an inline model may declare: 5, a coefficient of
     * variation of 500 %, far beyond any assay's (a limit of ketasim's, as the inline variances' is).
     */
    public static final double MAX_SD = 5;

    /** The concentration a residual error applies to. */
    public enum Analyte {
        /** The parent's plasma concentration. */
        PARENT,
        /** The (first) metabolite's plasma concentration. */
        METABOLITE
    }

    /** How the error scales with the prediction. */
    public enum Kind {
        /** {@code IPRED (1 + sd z)}. */
        PROPORTIONAL,
        /** {@code IPRED exp(sd z)}. */
        EXPONENTIAL
    }

    /** Checks the ranges above. */
    public ResidualError {
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(kind, "kind");
        if (!(sd >= 0) || !(additiveSdNgPerMl >= 0) || Double.isInfinite(sd) || Double.isInfinite(additiveSdNgPerMl)) {
            throw new IllegalArgumentException("residual error SDs must be finite and >= 0, got " + sd + " and "
                    + additiveSdNgPerMl);
        }
    }

    /**
     * @param ipred the individual prediction (ng/mL)
     * @param z1    a standard normal deviate for the proportional or log-scale part
     * @param z2    a standard normal deviate for the additive part
     * @return the simulated observation (ng/mL)
     */
    public double observe(double ipred, double z1, double z2) {
        double scaled = kind == Kind.PROPORTIONAL ? ipred * (1 + sd * z1) : ipred * Math.exp(sd * z1);
        return scaled + additiveSdNgPerMl * z2;
    }
}
