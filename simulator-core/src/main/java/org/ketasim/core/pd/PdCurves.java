package org.ketasim.core.pd;

import java.util.Arrays;
import org.ketasim.core.engine.Series;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.DrugHighScore;
import org.ketasim.core.outcomes.ReliefModel;
import org.ketasim.core.outcomes.ResponderCurve;

/**
 * The pharmacodynamic curves of one simulation, per output row, and their largest values:
 * <ul>
 *   <li>the drug-high score: a typical healthy volunteer's fraction of the maximum on Simons'
 *       drug-high scale at the acute effect-site S-ketamine concentration
 *       ({@link DrugHighScore}; not a probability, not a share of patients);</li>
 *   <li>a responder's NRS reduction: the baseline times the relief fraction of one patient who
 *       responds, with Dahan 2011's typical C50 and the point value of the Hill exponent
 *       ({@link ReliefModel#DAHAN_2011}), at the slow pain effect site ({@link ResponderCurve#LABEL}:
 *       not the relief a patient can expect).</li>
 * </ul>
 * Concentrations of a racemic model are halved to S-ketamine first ({@code sKetamineFraction}).
 *
 * @param drugHighScore            per row, 0 to 1; NaN without an effect site
 * @param responderNrsReduction    per row, NRS points; NaN without a pain effect site
 * @param maxDrugHighScore         the largest drug-high score among the rows, NaN without an effect site
 * @param maxResponderNrsReduction the largest responder's NRS reduction among the rows, NaN without a
 *                                 pain effect site
 * @param baselineNrs              the baseline NRS used, 0 to 10
 */
public record PdCurves(double[] drugHighScore, double[] responderNrsReduction, double maxDrugHighScore,
                       double maxResponderNrsReduction, double baselineNrs) {

    private static final ReliefModel.Parameters RESPONDER = ReliefModel.DAHAN_2011.point();

    /** Copies the arrays. */
    public PdCurves {
        drugHighScore = drugHighScore.clone();
        responderNrsReduction = responderNrsReduction.clone();
    }

    @Override
    public double[] drugHighScore() {
        return drugHighScore.clone();
    }

    @Override
    public double[] responderNrsReduction() {
        return responderNrsReduction.clone();
    }

    /**
     * @param ceSKetamineNgPerMl acute effect-site S-ketamine concentration (ng/mL), NaN for none
     * @return the typical volunteer's drug-high score, 0 to 1 (NaN for NaN)
     */
    public static double drugHighScore(double ceSKetamineNgPerMl) {
        return Double.isNaN(ceSKetamineNgPerMl) ? Double.NaN : DrugHighScore.fractionOfMaximum(ceSKetamineNgPerMl);
    }

    /**
     * @param cePainSKetamineNgPerMl pain effect-site S-ketamine concentration (ng/mL), NaN for none
     * @param baselineNrs            the NRS before treatment, 0 to 10
     * @return a responder's NRS reduction (points; NaN for NaN)
     */
    public static double responderNrsReduction(double cePainSKetamineNgPerMl, double baselineNrs) {
        return Double.isNaN(cePainSKetamineNgPerMl) ? Double.NaN
                : baselineNrs * RESPONDER.fraction(Math.max(0, cePainSKetamineNgPerMl), RESPONDER.c50NgPerMl());
    }

    /**
     * @param result            the rows of a simulation
     * @param sKetamineFraction fraction of the parent concentration that is S-ketamine (0.5 for a
     *                          racemic model, 1 otherwise)
     * @param baselineNrs       the patient's NRS before treatment, 0 to 10
     * @return the curves
     */
    public static PdCurves of(Series result, double sKetamineFraction, double baselineNrs) {
        double[] ce = result.values(Observable.EFFECT);
        double[] cePain = result.values(Observable.PAIN_EFFECT);
        Accumulator acc = new Accumulator(sKetamineFraction, baselineNrs, ce.length);
        acc.add(ce, cePain, ce.length);
        return acc.curves();
    }

    /**
     * Computes the curves row by row, for runs whose rows are not kept (populations): the same
     * numbers as {@link #of}. Both curves are non-decreasing functions of their concentration, and
     * so are their floating-point forms ({@code Math.pow} is semi-monotonic, every other operation
     * correctly rounded), so the largest score is the score of the largest concentration, to the
     * bit: beyond the rows kept, only the largest concentrations are tracked, and the two powers are
     * taken once at the end instead of at every row.
     */
    public static final class Accumulator {
        private final double sKetamineFraction;
        private final double baselineNrs;
        private final double[] high;
        private final double[] nrs;
        private int rows;
        /** The largest acute effect-site concentration added, -inf before any (NaN rows are skipped). */
        private double maxCe = Double.NEGATIVE_INFINITY;
        /** The largest pain effect-site concentration added, -inf before any (NaN rows are skipped). */
        private double maxCePain = Double.NEGATIVE_INFINITY;

        /**
         * @param sKetamineFraction fraction of the parent concentration that is S-ketamine, &gt;= 0
         * @param baselineNrs       the patient's NRS before treatment, &gt;= 0
         * @param keepRows          how many rows to keep the per-row values of (0 for none)
         */
        public Accumulator(double sKetamineFraction, double baselineNrs, int keepRows) {
            this.sKetamineFraction = sKetamineFraction;
            this.baselineNrs = baselineNrs;
            this.high = new double[keepRows];
            this.nrs = new double[keepRows];
        }

        /**
         * Adds rows in turn.
         *
         * @param ce     the rows' acute effect-site concentrations of the parent (ng/mL); NaN, or the
         *               array null, without one
         * @param cePain their pain effect-site concentrations of the parent (ng/mL); NaN, or the array
         *               null, without one
         * @param count  how many rows of the arrays to add, from the first
         */
        public void add(double[] ce, double[] cePain, int count) {
            for (int j = 0; j < count && rows + j < high.length; j++) {
                high[rows + j] = drugHighScore(sKetamineFraction * (ce == null ? Double.NaN : ce[j]));
                nrs[rows + j] = responderNrsReduction(sKetamineFraction * (cePain == null ? Double.NaN : cePain[j]),
                        baselineNrs);
            }
            rows += count;
            maxCe = ce == null ? maxCe : largest(maxCe, ce, count);
            maxCePain = cePain == null ? maxCePain : largest(maxCePain, cePain, count);
        }

        /** @return the largest of {@code from} and the first {@code count} values, NaN values skipped */
        private static double largest(double from, double[] values, int count) {
            double m = from;
            for (int j = 0; j < count; j++) {
                if (values[j] > m) {
                    m = values[j];
                }
            }
            return m;
        }

        /** @return the curves of the rows added */
        public PdCurves curves() {
            int kept = Math.min(rows, high.length);
            double maxHigh = maxCe == Double.NEGATIVE_INFINITY ? Double.NaN : drugHighScore(sKetamineFraction * maxCe);
            double maxNrs = maxCePain == Double.NEGATIVE_INFINITY ? Double.NaN
                    : responderNrsReduction(sKetamineFraction * maxCePain, baselineNrs);
            return new PdCurves(Arrays.copyOf(high, kept), Arrays.copyOf(nrs, kept), maxHigh, maxNrs, baselineNrs);
        }
    }
}
