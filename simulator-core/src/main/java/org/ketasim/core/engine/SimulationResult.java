package org.ketasim.core.engine;

import java.util.function.ToDoubleFunction;
import org.ketasim.core.model.LinearSystem;

/**
 * The output of one simulation, by row of the output grid: time, pump rate, the full state, and
 * the concentrations derived from it. Immutable; accessors return copies.
 */
public final class SimulationResult {

    private final LinearSystem system;
    private final double[] timesH;
    private final double[] pumpRatesMgPerH;
    private final double[][] states;

    /**
     * @param system          the system simulated
     * @param timesH          row times (h)
     * @param pumpRatesMgPerH pump rate from each row's time on (mg/h)
     * @param states          the state at each row (see {@link LinearSystem} for the layout)
     */
    SimulationResult(LinearSystem system, double[] timesH, double[] pumpRatesMgPerH, double[][] states) {
        this.system = system;
        this.timesH = timesH;
        this.pumpRatesMgPerH = pumpRatesMgPerH;
        this.states = states;
    }

    /** @return the system simulated */
    public LinearSystem system() {
        return system;
    }

    /** @return the number of rows */
    public int size() {
        return timesH.length;
    }

    /** @return row times (h) */
    public double[] timesH() {
        return timesH.clone();
    }

    /** @return the total pump rate from each row's time on (mg/h), before bioavailability */
    public double[] pumpRatesMgPerH() {
        return pumpRatesMgPerH.clone();
    }

    /**
     * @param row a row index
     * @return a copy of the state at that row
     */
    public double[] state(int row) {
        return states[row].clone();
    }

    /** @return parent plasma concentration per row (ng/mL) */
    public double[] parentConcentration() {
        return column(system::parentConcentration);
    }

    /** @return metabolite plasma concentration per row (ng/mL); NaN without a metabolite */
    public double[] metaboliteConcentration() {
        return column(system::metaboliteConcentration);
    }

    /** @return second metabolite plasma concentration per row (ng/mL); NaN without one */
    public double[] secondMetaboliteConcentration() {
        return column(system::secondMetaboliteConcentration);
    }

    /** @return effect-site concentration per row (ng/mL); NaN without an effect site */
    public double[] effectConcentration() {
        return column(system::effectConcentration);
    }

    /** @return pain-relief effect-site concentration per row (ng/mL); NaN without that site */
    public double[] painEffectConcentration() {
        return column(system::painEffectConcentration);
    }

    /** @return exact AUC of the parent plasma concentration from 0 to the last row (ng&middot;h/mL) */
    public double parentAuc() {
        return system.parentAuc(states[states.length - 1]);
    }

    /** @return exact AUC of the metabolite plasma concentration from 0 to the last row, or NaN */
    public double metaboliteAuc() {
        return system.metaboliteAuc(states[states.length - 1]);
    }

    private double[] column(ToDoubleFunction<double[]> f) {
        double[] out = new double[states.length];
        for (int i = 0; i < states.length; i++) {
            out[i] = f.applyAsDouble(states[i]);
        }
        return out;
    }
}
