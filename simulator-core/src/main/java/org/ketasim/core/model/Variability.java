package org.ketasim.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSquareMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Log-normal inter-individual variability: a subject's parameter k is its typical value times
 * {@code exp(eta_k)}, with {@code eta ~ N(0, Omega)}, Omega the published variance-covariance
 * matrix (log scale, correlations included) of the parameters ketasim can vary. Omegas on
 * parameters the engine does not have (absorption rates, transit times, liver flows, ...) are
 * listed in {@link #notApplied()} and left out: the population is then narrower than published.
 * Immutable and thread-safe.
 */
public final class Variability {

    private final List<IndividualParameter> parameters;
    private final double[][] covariance;
    private final double[][] lower;
    private final List<String> notApplied;

    private Variability(List<IndividualParameter> parameters, double[][] covariance, List<String> notApplied) {
        this.parameters = List.copyOf(parameters);
        this.covariance = covariance;
        this.notApplied = List.copyOf(notApplied);
        if (parameters.isEmpty()) {
            lower = new double[0][0];
            return;
        }
        RealMatrix omega = new Array2DRowRealMatrix(covariance);
        try {
            lower = new CholeskyDecomposition(omega, 1e-12, 1e-14).getL().getData();
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException | NonSquareMatrixException e) {
            throw new IllegalArgumentException("the variability matrix over " + names(parameters)
                    + " is not positive definite: no population can have these variances and correlations together "
                    + "(check the signs and sizes of the correlations)", e);
        }
    }

    /**
     * @param omegas the published elements (variances and covariances; each covariance's two
     *               variances must be given)
     * @param model  the typical model, to check every varied parameter exists in it
     * @return the variability over the parameters ketasim can vary
     * @throws IllegalArgumentException for a repeated element, a negative variance, a covariance
     *                                  without its variances, or a matrix that is not positive definite
     */
    public static Variability of(List<Omega> omegas, PkModel model) {
        Map<IndividualParameter, Integer> index = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Omega o : omegas) {
            if (o.row().equals(o.column())) {
                var p = IndividualParameter.byCardName(o.row());
                if (p.isEmpty() || !appliesTo(p.get(), model)) {
                    skipped.add(o.row());
                } else if (index.putIfAbsent(p.get(), index.size()) != null) {
                    throw new IllegalArgumentException("the variance of '" + o.row() + "' is given twice");
                } else if (!(o.value() >= 0)) {
                    throw new IllegalArgumentException("the variance of '" + o.row() + "' must be >= 0, got " + o.value());
                }
            }
        }
        double[][] c = new double[index.size()][index.size()];
        for (Omega o : omegas) {
            Integer i = IndividualParameter.byCardName(o.row()).map(index::get).orElse(null);
            Integer j = IndividualParameter.byCardName(o.column()).map(index::get).orElse(null);
            if (i == null || j == null) {
                if (!o.row().equals(o.column()) && (i != null || j != null)) {
                    throw new IllegalArgumentException("the covariance of '" + o.row() + "' and '" + o.column()
                            + "' has no variance for one of them");
                }
                continue;
            }
            c[i][j] = o.value();
            c[j][i] = o.value();
        }
        return new Variability(List.copyOf(index.keySet()), c, skipped);
    }

    /**
     * @param model a model
     * @return the names of the parameters it has that variability can apply to, e.g. CL, V1
     */
    public static List<String> parameterNames(PkModel model) {
        return java.util.Arrays.stream(IndividualParameter.values()).filter(p -> appliesTo(p, model))
                .map(IndividualParameter::cardName).toList();
    }

    private static boolean appliesTo(IndividualParameter p, PkModel model) {
        try {
            p.apply(model, 1);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> names(List<IndividualParameter> ps) {
        return ps.stream().map(IndividualParameter::cardName).toList();
    }

    /** @return the varied parameters, in the order of {@link #sample} */
    public List<IndividualParameter> parameters() {
        return parameters;
    }

    /** @return the omega names on the card that are not varied (the engine lacks the parameter) */
    public List<String> notApplied() {
        return notApplied;
    }

    /**
     * @param i row
     * @param j column
     * @return the (log-scale) covariance of parameters i and j
     */
    public double covariance(int i, int j) {
        return covariance[i][j];
    }

    /**
     * Draws one subject's etas: {@code L z} with {@code L} the Cholesky factor of Omega and
     * {@code z} independent standard normal deviates taken in parameter order.
     *
     * @param normal the subject's standard normal sampler
     * @return eta per parameter (log scale)
     */
    public double[] sample(NormalizedGaussianSampler normal) {
        int n = parameters.size();
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = normal.sample();
        }
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += lower[i][k] * z[k];
            }
            eta[i] = s;
        }
        return eta;
    }

    /**
     * @param model an individual model, weight scaling already applied
     * @param eta   as drawn by {@link #sample}
     * @return the model with each varied parameter multiplied by {@code exp(eta)}
     */
    public PkModel apply(PkModel model, double[] eta) {
        PkModel m = model;
        for (int k = 0; k < parameters.size(); k++) {
            m = parameters.get(k).apply(m, Math.exp(eta[k]));
        }
        return m;
    }
}
