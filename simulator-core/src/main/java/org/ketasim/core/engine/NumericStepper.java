package org.ketasim.core.engine;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.ketasim.core.model.LinearSystem;

/**
 * The numeric stepper: Commons Math's adaptive Dormand&ndash;Prince 8(5,3) integrator, restarted
 * on every interval of constant input so that no step crosses a breakpoint, at 1e-12 relative and
 * 1e-14 absolute tolerance (state units: mg, mg/L, mg&middot;h/L). Much slower than the exact
 * steppers; it exists to cross-check them with an independent method (and, later, for non-linear
 * models). Not thread-safe.
 */
public final class NumericStepper extends DenseStepper {

    /** Relative error tolerance per step. */
    public static final double RELATIVE_TOLERANCE = 1e-12;
    /** Absolute error tolerance per step, in state units. */
    public static final double ABSOLUTE_TOLERANCE = 1e-14;

    private final FirstOrderIntegrator integrator =
            new DormandPrince853Integrator(1e-12, Double.POSITIVE_INFINITY, ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE);

    /** @param system the subject's system */
    public NumericStepper(LinearSystem system) {
        super(system);
    }

    @Override
    DenseStepper fresh() {
        return new NumericStepper(system);
    }

    @Override
    void step(double[] from, double h, double[] out) {
        integrator.integrate(new Equations(a, u), 0.0, from, h, out);
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
