package org.ketasim.core.engine;

import static org.ketasim.core.testing.Close.assertClose;

import org.junit.jupiter.api.Test;

/** The matrix exponential against closed forms, to 1e-14 relative (a few ulps). */
class MatrixExponentialTest {

    private static final double TOL = 1e-14;

    private static void assertMatrix(double[][] expected, double[][] actual, double relative) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertClose(expected[i][j], actual[i][j], relative, 1e-300, "e^A[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void zeroGivesIdentity() {
        assertMatrix(new double[][] {{1, 0}, {0, 1}}, MatrixExponential.exp(new double[2][2]), 0);
    }

    @Test
    void diagonalGivesScalarExponentials() {
        double[][] e = MatrixExponential.exp(new double[][] {{-0.5, 0, 0}, {0, 2, 0}, {0, 0, -40}});
        // scaling and squaring (s = 3 here) multiplies the relative error of e^-40 by about 2^3
        assertMatrix(new double[][] {{Math.exp(-0.5), 0, 0}, {0, Math.exp(2), 0}, {0, 0, Math.exp(-40)}}, e, 1e-13);
    }

    @Test
    void rotationGivesCosineAndSine() {
        double w = 7.3;
        double[][] e = MatrixExponential.exp(new double[][] {{0, -w}, {w, 0}});
        assertMatrix(new double[][] {{Math.cos(w), -Math.sin(w)}, {Math.sin(w), Math.cos(w)}}, e, 1e-13);
    }

    @Test
    void defectiveJordanBlockIsExact() {
        double l = -1.7;
        double[][] e = MatrixExponential.exp(new double[][] {{l, 1}, {0, l}});
        double el = Math.exp(l);
        assertMatrix(new double[][] {{el, el}, {0, el}}, e, TOL);
    }

    @Test
    void stiffFirstOrderChainMatchesTheBatemanFunction() {
        // depot -> central with ka = 600/h, k = 0.05/h over 10 h: norm 6000, scaled and squared
        double ka = 600;
        double k = 0.05;
        double t = 10;
        double[][] e = MatrixExponential.exp(new double[][] {{-ka * t, 0}, {ka * t, -k * t}});
        double bateman = ka / (ka - k) * (Math.exp(-k * t) - Math.exp(-ka * t));
        assertMatrix(new double[][] {{Math.exp(-ka * t), 0}, {bateman, Math.exp(-k * t)}}, e, 1e-12);
    }
}
