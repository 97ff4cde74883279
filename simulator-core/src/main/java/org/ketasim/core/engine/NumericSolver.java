package org.ketasim.core.engine;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.ketasim.core.model.LinearSystem;

/**
 * The numeric solver: Commons Math's adaptive Dormand&ndash;Prince 8(5,3) integrator, restarted on
 * every interval of constant input so that no step crosses a breakpoint. Slower than
 * {@link ExactSolver}; it exists to cross-check it and, later, for non-linear models.
 * Thread-safe: each call builds its own integrator.
 */
public final class NumericSolver implements Solver {

    private final double relativeTolerance;
    private final double absoluteTolerance;

    /**
     * @param relativeTolerance relative error tolerance per step, e.g. 1e-12, &gt; 0
     * @param absoluteTolerance absolute error tolerance per step in state units (mg, mg/L,
     *                          mg&middot;h/L), e.g. 1e-14, &gt; 0
     */
    public NumericSolver(double relativeTolerance, double absoluteTolerance) {
        if (!(relativeTolerance > 0) || !(absoluteTolerance > 0)) {
            throw new IllegalArgumentException("tolerances must be positive, got relative " + relativeTolerance
                    + " and absolute " + absoluteTolerance);
        }
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    /** @return a solver at tolerances tight enough to check the exact one (1e-12 relative, 1e-14 absolute) */
    public static NumericSolver tight() {
        return new NumericSolver(1e-12, 1e-14);
    }

    @Override
    public Propagation propagation(LinearSystem system) {
        double[][] a = system.matrix();
        FirstOrderIntegrator integrator =
                new DormandPrince853Integrator(1e-12, Double.POSITIVE_INFINITY, absoluteTolerance, relativeTolerance);
        return (x, h, u) -> integrator.integrate(new Equations(a, u), 0.0, x, h, x);
    }

    /** {@code x' = A x + u} with constant u. */
    private record Equations(double[][] a, double[] u) implements FirstOrderDifferentialEquations {
        @Override
        public int getDimension() {
            return a.length;
        }

        @Override
        public void computeDerivatives(double t, double[] x, double[] dx) {
            for (int i = 0; i < a.length; i++) {
                double s = u[i];
                double[] row = a[i];
                for (int j = 0; j < row.length; j++) {
                    s += row[j] * x[j];
                }
                dx[i] = s;
            }
        }
    }
}
