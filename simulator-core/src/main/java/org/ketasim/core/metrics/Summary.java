package org.ketasim.core.metrics;

import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.regimen.Regimen;

/**
 * The summary of one simulated scenario, as in the {@code summary.csv} columns of the scenario
 * format page.
 *
 * @param totalDoseMg             amount administered from 0 to the end time (mg), before
 *                                bioavailability; infusions running past the end count only up to it
 * @param doseMgPerKg             {@code totalDoseMg} per kg of body weight (mg/kg)
 * @param cmaxNgPerMl             the largest parent plasma concentration among the output rows (ng/mL)
 * @param tmaxH                   the first row time at which it occurs (h)
 * @param aucNgHPerMl             exact integral of the parent plasma concentration from 0 to the end
 *                                time (ng&middot;h/mL)
 * @param metaboliteCmaxNgPerMl   the largest metabolite plasma concentration among the rows, NaN
 *                                without a metabolite
 * @param metaboliteAucNgHPerMl   exact metabolite AUC from 0 to the end time, NaN without one
 * @param effectCmaxNgPerMl       the largest effect-site concentration among the rows, NaN without
 *                                an effect site
 */
public record Summary(double totalDoseMg, double doseMgPerKg, double cmaxNgPerMl, double tmaxH, double aucNgHPerMl,
                      double metaboliteCmaxNgPerMl, double metaboliteAucNgHPerMl, double effectCmaxNgPerMl) {

    /**
     * @param result   the simulation
     * @param regimen  the regimen simulated (for the administered amount)
     * @param weightKg the patient's body weight (kg)
     * @return the summary
     */
    public static Summary of(SimulationResult result, Regimen regimen, double weightKg) {
        double[] times = result.timesH();
        double[] cp = result.parentConcentration();
        int peak = 0;
        for (int i = 1; i < cp.length; i++) {
            if (cp[i] > cp[peak]) {
                peak = i;
            }
        }
        double end = times[times.length - 1];
        double dose = regimen.administeredMg(end);
        return new Summary(dose, dose / weightKg, cp[peak], times[peak], result.parentAuc(),
                max(result.metaboliteConcentration()), result.metaboliteAuc(), max(result.effectConcentration()));
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
