package org.ketasim.core.pd;

import java.util.EnumMap;
import java.util.Map;
import org.ketasim.core.engine.Series;
import org.ketasim.core.model.Observable;

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
     * @param result        the rows of a simulation
     * @param sKetamineFraction fraction of the parent concentration that is S-ketamine (0.5 for a
     *                      racemic model, 1 otherwise)
     * @param baselineNrs   the patient's NRS before treatment, 0 to 10
     * @return the outcome
     */
    public static PdOutcome of(Series result, double sKetamineFraction, double baselineNrs) {
        double[] t = result.timesH();
        double[] ce = result.values(Observable.EFFECT);
        double[] cePain = result.values(Observable.PAIN_EFFECT);
        Accumulator acc = new Accumulator(sKetamineFraction, baselineNrs, t.length);
        for (int i = 0; i < t.length; i++) {
            acc.add(t[i], ce[i], cePain[i]);
        }
        return acc.outcome();
    }

    private static final EffectiveReduction[] DEFINITIONS = EffectiveReduction.values();

    /**
     * Computes the outcome row by row, for runs whose rows are not kept (populations): the same
     * numbers as {@link #of}.
     */
    public static final class Accumulator {
        private final double sKetamineFraction;
        private final double baselineNrs;
        private final double[] high;
        private final double[] nrs;
        private int rows;
        private double maxHigh = Double.NaN;
        private double highHours;
        private double highSince = Double.NaN;
        private double maxNrs = Double.NaN;
        private final double[] first = new double[DEFINITIONS.length];
        /** Definitions not met yet: once none is left, rows need not be tested against them. */
        private int unmet = DEFINITIONS.length;

        /**
         * @param sKetamineFraction fraction of the parent concentration that is S-ketamine
         * @param baselineNrs       the patient's NRS before treatment
         * @param keepRows          how many rows to keep the per-row values of (0 for none)
         */
        public Accumulator(double sKetamineFraction, double baselineNrs, int keepRows) {
            this.sKetamineFraction = sKetamineFraction;
            this.baselineNrs = baselineNrs;
            this.high = new double[keepRows];
            this.nrs = new double[keepRows];
            java.util.Arrays.fill(first, Double.NaN);
        }

        /**
         * @param timeH  a row's time (h)
         * @param ce     its effect-site concentration (ng/mL), NaN without one
         * @param cePain its pain-relief effect-site concentration (ng/mL), NaN without one
         */
        public void add(double timeH, double ce, double cePain) {
            double h = Double.isNaN(ce) ? Double.NaN : DrugHigh.probability(sKetamineFraction * ce);
            double r = Double.isNaN(cePain) ? Double.NaN : PainRelief.nrsReduction(sKetamineFraction * cePain,
                    baselineNrs);
            if (rows < high.length) {
                high[rows] = h;
                nrs[rows] = r;
            }
            rows++;
            if (!Double.isNaN(highSince)) {
                highHours += timeH - highSince;
                highSince = Double.NaN;
            }
            if (!Double.isNaN(h)) {
                maxHigh = Double.isNaN(maxHigh) ? h : Math.max(maxHigh, h);
                if (h >= 0.5) {
                    highSince = timeH;
                }
            }
            if (!Double.isNaN(r)) {
                maxNrs = Double.isNaN(maxNrs) ? r : Math.max(maxNrs, r);
                for (int d = 0; d < DEFINITIONS.length && unmet > 0; d++) {
                    if (Double.isNaN(first[d]) && DEFINITIONS[d].isMet(r, baselineNrs)) {
                        first[d] = timeH;
                        unmet--;
                    }
                }
            }
        }

        /** @return the outcome of the rows added */
        public PdOutcome outcome() {
            Map<EffectiveReduction, Double> firstMet = new EnumMap<>(EffectiveReduction.class);
            for (int d = 0; d < DEFINITIONS.length; d++) {
                firstMet.put(DEFINITIONS[d], first[d]);
            }
            return new PdOutcome(java.util.Arrays.copyOf(high, Math.min(rows, high.length)),
                    java.util.Arrays.copyOf(nrs, Math.min(rows, nrs.length)), maxHigh,
                    Double.isNaN(maxHigh) ? Double.NaN : highHours, maxNrs, baselineNrs, firstMet);
        }
    }
}
