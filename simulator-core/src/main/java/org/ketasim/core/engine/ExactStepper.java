package org.ketasim.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ketasim.core.model.LinearSystem;

/**
 * The exact dense stepper: over an interval h of constant input u,
 * {@code x(t+h) = e^{Ah} x(t) + (\int_0^h e^{As} ds) u}, with both matrices read off one
 * exponential of the augmented matrix {@code [[A, I], [0, 0]] h} (Van Loan, IEEE Trans Autom
 * Control 23(3), 1978, doi:10.1109/TAC.1978.1101743; {@link MatrixExponential}). The pair is
 * computed once per distinct interval length and kept (least recently used first out, shared with
 * the stepper's copies), so a regular output step costs two small matrix-vector products. Exact for
 * any matrix, so it is also the fallback of {@link Engine#MODAL} for systems that are not safely
 * diagonalisable.
 *
 * <p>The error is that of the matrix exponential, a few units of double precision relative to the
 * state's magnitude per interval. Not thread-safe.
 */
public final class ExactStepper extends DenseStepper {

    /** Distinct interval lengths kept per subject before the least recently used is dropped. */
    private static final int CACHE_SIZE = 1024;

    private final Map<Double, double[][]> cache;
    private double lastH = Double.NaN;
    private double[][] lastPropagator;

    /** @param system the subject's system */
    public ExactStepper(LinearSystem system) {
        this(system, new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Double, double[][]> eldest) {
                return size() > CACHE_SIZE;
            }
        });
    }

    private ExactStepper(LinearSystem system, Map<Double, double[][]> cache) {
        super(system);
        this.cache = cache;
    }

    @Override
    DenseStepper fresh() {
        return new ExactStepper(system, cache);
    }

    @Override
    void step(double[] from, double h, double[] out) {
        if (h != lastH) {
            lastPropagator = cache.computeIfAbsent(h, this::propagator);
            lastH = h;
        }
        double[][] p = lastPropagator;
        for (int i = 0; i < n; i++) {
            double[] row = p[i];
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += row[j] * from[j];
            }
            if (input) {
                for (int j = 0; j < n; j++) {
                    s += row[n + j] * u[j];
                }
            }
            out[i] = s;
        }
    }

    /** @return rows {@code [e^{Ah} | \int_0^h e^{As} ds]}, n x 2n */
    private double[][] propagator(double h) {
        double[][] m = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i][j] * h;
            }
            m[i][n + i] = h;
        }
        double[][] e = MatrixExponential.exp(m);
        double[][] p = new double[n][];
        System.arraycopy(e, 0, p, 0, n);
        return p;
    }
}
