package org.ketasim.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ketasim.core.model.LinearSystem;

/**
 * The exact solver: over an interval h of constant input u,
 * {@code x(t+h) = e^{Ah} x(t) + (\int_0^h e^{As} ds) u}, with both matrices read off one
 * exponential of the augmented matrix {@code [[A, I], [0, 0]] h} (Van Loan, IEEE Trans Autom Control
 * 23(3), 1978, doi:10.1109/TAC.1978.1101743). The pair is computed once per distinct interval
 * length and reused, so a regular output step costs two small matrix-vector products.
 *
 * <p>The error is that of the matrix exponential, a few units of double precision relative to the
 * state's magnitude per interval. Thread-safe: the propagator cache belongs to one call.
 */
public final class ExactSolver implements Solver {

    /** Distinct interval lengths kept per simulation before the least recently used is dropped. */
    private static final int CACHE_SIZE = 1024;

    @Override
    public Propagation propagation(LinearSystem system) {
        return new Exact(system.matrix());
    }

    /** One simulation's propagators, keyed by interval length. */
    private static final class Exact implements Propagation {
        private final double[][] a;
        private final int n;
        private final double[] next;
        private double lastH = Double.NaN;
        private double[][] lastPropagator;
        private final Map<Double, double[][]> cache = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Double, double[][]> eldest) {
                return size() > CACHE_SIZE;
            }
        };

        Exact(double[][] a) {
            this.a = a;
            this.n = a.length;
            this.next = new double[n];
        }

        @Override
        public void advance(double[] x, double h, double[] u) {
            if (h != lastH) {
                lastPropagator = cache.computeIfAbsent(h, this::propagator);
                lastH = h;
            }
            double[][] p = lastPropagator;
            boolean input = false;
            for (double ui : u) {
                input |= ui != 0;
            }
            for (int i = 0; i < n; i++) {
                double[] row = p[i];
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += row[j] * x[j];
                }
                if (input) {
                    for (int j = 0; j < n; j++) {
                        s += row[n + j] * u[j];
                    }
                }
                next[i] = s;
            }
            System.arraycopy(next, 0, x, 0, n);
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
            for (int i = 0; i < n; i++) {
                p[i] = e[i];
            }
            return p;
        }
    }
}
