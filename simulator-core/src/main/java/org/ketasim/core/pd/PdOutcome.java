package org.ketasim.core.pd;

import java.util.EnumMap;
import java.util.Map;
import org.ketasim.core.engine.SimulationResult;

/**
 * The pharmacodynamic time series and summary of one simulation.
 *
 * @param drugHighProbability       per row, from the effect-site concentration (0 to 1); NaN without
 *                                  an effect site
 * @param nrsReduction              per row, expected NRS reduction (points); NaN without a pain
 *                                  effect site
 * @param maxDrugHighProbability    the largest drug-high probability among the rows
 * @param drugHighHours             hours with a drug-high probability of 50 % or more (rows times
 *                                  step, counting each row's interval to the next)
 * @param maxNrsReduction           the largest expected NRS reduction among the rows
 * @param baselineNrs               the baseline NRS used
 * @param firstMetH                 per definition, the first row time at which it is met, or NaN
 */
public record PdOutcome(double[] drugHighProbability, double[] nrsReduction, double maxDrugHighProbability,
                        double drugHighHours, double maxNrsReduction, double baselineNrs,
                        Map<EffectiveReduction, Double> firstMetH) {

    /**
     * @param result        the simulation
     * @param sKetamineFraction fraction of the parent concentration that is S-ketamine (0.5 for a
     *                      racemic model, 1 otherwise)
     * @param baselineNrs   the patient's NRS before treatment, 0 to 10
     * @return the outcome
     */
    public static PdOutcome of(SimulationResult result, double sKetamineFraction, double baselineNrs) {
        double[] t = result.timesH();
        double[] ce = result.effectConcentration();
        double[] cePain = result.painEffectConcentration();
        int n = t.length;
        double[] high = new double[n];
        double[] nrs = new double[n];
        double maxHigh = Double.NaN;
        double highHours = 0;
        double maxNrs = Double.NaN;
        Map<EffectiveReduction, Double> first = new EnumMap<>(EffectiveReduction.class);
        for (EffectiveReduction d : EffectiveReduction.values()) {
            first.put(d, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            high[i] = Double.isNaN(ce[i]) ? Double.NaN : DrugHigh.probability(sKetamineFraction * ce[i]);
            nrs[i] = Double.isNaN(cePain[i]) ? Double.NaN
                    : PainRelief.nrsReduction(sKetamineFraction * cePain[i], baselineNrs);
            if (!Double.isNaN(high[i])) {
                maxHigh = Double.isNaN(maxHigh) ? high[i] : Math.max(maxHigh, high[i]);
                if (high[i] >= 0.5 && i + 1 < n) {
                    highHours += t[i + 1] - t[i];
                }
            }
            if (!Double.isNaN(nrs[i])) {
                maxNrs = Double.isNaN(maxNrs) ? nrs[i] : Math.max(maxNrs, nrs[i]);
                for (EffectiveReduction d : EffectiveReduction.values()) {
                    if (Double.isNaN(first.get(d)) && d.isMet(nrs[i], baselineNrs)) {
                        first.put(d, t[i]);
                    }
                }
            }
        }
        return new PdOutcome(high, nrs, maxHigh, Double.isNaN(maxHigh) ? Double.NaN : highHours, maxNrs, baselineNrs,
                first);
    }
}
