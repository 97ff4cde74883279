package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class GaussHermiteTest {

    @Test
    void everyNodeAndWeightIsCommonsMathsToTheLastBit() {
        GaussIntegrator reference = new GaussIntegratorFactory().hermite(GaussHermite.POINTS);
        assertEquals(reference.getNumberOfPoints(), GaussHermite.POINTS);
        for (int k = 0; k < GaussHermite.POINTS; k++) {
            assertEquals(Double.doubleToRawLongBits(reference.getPoint(k)),
                    Double.doubleToRawLongBits(GaussHermite.node(k)), "node " + k);
            assertEquals(Double.doubleToRawLongBits(reference.getWeight(k)),
                    Double.doubleToRawLongBits(GaussHermite.weight(k)), "weight " + k);
        }
    }

    @Test
    void integratesTheGaussianMomentsExactly() {
        // ∫ e^(-x²) x^(2j) dx = Γ(j + 1/2): sqrt(pi), sqrt(pi)/2, 3 sqrt(pi)/4, 15 sqrt(pi)/8
        double[] expected = {1, 0.5, 0.75, 1.875};
        for (int j = 0; j < expected.length; j++) {
            double sum = 0;
            for (int k = 0; k < GaussHermite.POINTS; k++) {
                sum += GaussHermite.weight(k) * Math.pow(GaussHermite.node(k), 2 * j);
            }
            assertEquals(expected[j], sum / Math.sqrt(Math.PI), 1e-13, "moment " + 2 * j);
        }
    }
}
