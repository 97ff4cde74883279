package org.ketasim.core.engine;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The matrix exponential by scaling and squaring with a degree-13 Pad&eacute; approximant
 * (N. J. Higham, "The scaling and squaring method for the matrix exponential revisited",
 * SIAM J Matrix Anal Appl 26(4), 2005, doi:10.1137/04061101X; coefficients b_k and theta_13 from
 * that paper). Accurate to a few units of double precision relative to the norm of the result for
 * any real square matrix; Commons Math has no matrix exponential. Stateless and thread-safe.
 */
public final class MatrixExponential {

    /** Pad&eacute; (13,13) numerator coefficients b_0 .. b_13 (Higham 2005, Table 10.4 / eq. 10.33). */
    private static final double[] B = {
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
        129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
        40840800.0, 960960.0, 16380.0, 182.0, 1.0,
    };

    /** Largest 1-norm for which the degree-13 approximant is accurate to double precision. */
    private static final double THETA_13 = 5.371920351148152;

    private MatrixExponential() {
    }

    /**
     * @param a a real square matrix (not modified)
     * @return e<sup>a</sup>
     * @throws IllegalArgumentException if {@code a} is not square or holds a NaN or infinity
     */
    public static double[][] exp(double[][] a) {
        int n = a.length;
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double column = 0;
            for (int i = 0; i < n; i++) {
                if (a[i].length != n) {
                    throw new IllegalArgumentException("matrix is not square");
                }
                column += Math.abs(a[i][j]);
            }
            norm = Math.max(norm, column);
        }
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix holds a NaN or infinite value");
        }
        int s = norm <= THETA_13 ? 0 : (int) Math.ceil(Math.log(norm / THETA_13) / Math.log(2));
        double[][] x = scale(a, Math.scalb(1.0, -s));

        double[][] ident = identity(n);
        double[][] x2 = multiply(x, x);
        double[][] x4 = multiply(x2, x2);
        double[][] x6 = multiply(x4, x2);

        double[][] u = multiply(x6, sum(B[13], x6, B[11], x4, B[9], x2));
        u = add(u, sum(B[7], x6, B[5], x4, B[3], x2));
        u = add(u, scale(ident, B[1]));
        u = multiply(x, u);

        double[][] v = multiply(x6, sum(B[12], x6, B[10], x4, B[8], x2));
        v = add(v, sum(B[6], x6, B[4], x4, B[2], x2));
        v = add(v, scale(ident, B[0]));

        RealMatrix p = new Array2DRowRealMatrix(add(v, u), false);
        RealMatrix q = new Array2DRowRealMatrix(add(v, scale(u, -1)), false);
        double[][] r = new LUDecomposition(q).getSolver().solve(p).getData();
        for (int k = 0; k < s; k++) {
            r = multiply(r, r);
        }
        return r;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] scale(double[][] m, double f) {
        int n = m.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = m[i][j] * f;
            }
        }
        return r;
    }

    private static double[][] add(double[][] a, double[][] b) {
        int n = a.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = a[i][j] + b[i][j];
            }
        }
        return r;
    }

    /** @return ca*a + cb*b + cc*c */
    private static double[][] sum(double ca, double[][] a, double cb, double[][] b, double cc, double[][] c) {
        int n = a.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = ca * a[i][j] + cb * b[i][j] + cc * c[i][j];
            }
        }
        return r;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ri = r[i];
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    ri[j] += aik * bk[j];
                }
            }
        }
        return r;
    }
}
