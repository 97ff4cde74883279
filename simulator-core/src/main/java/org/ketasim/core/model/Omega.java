package org.ketasim.core.model;

/**
 * One element of a published inter-individual variability matrix (log scale): a variance when
 * {@code row} equals {@code column}, a covariance otherwise. Stored for the population module.
 *
 * @param row    parameter name, e.g. "V1"
 * @param column parameter name, e.g. "CL"
 * @param value  variance or covariance (log scale)
 */
public record Omega(String row, String column, double value) {

    /**
     * @param parameter parameter name
     * @param variance  log-scale variance
     * @return the diagonal element
     */
    public static Omega variance(String parameter, double variance) {
        return new Omega(parameter, parameter, variance);
    }

    /**
     * A variance from a coefficient of variation, {@code ln(1 + CV^2)}.
     *
     * @param parameter parameter name
     * @param cv        coefficient of variation as a fraction (0.4 for 40 %)
     * @return the diagonal element
     */
    public static Omega fromCv(String parameter, double cv) {
        return new Omega(parameter, parameter, Math.log1p(cv * cv));
    }
}
