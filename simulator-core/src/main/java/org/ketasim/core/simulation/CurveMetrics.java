package org.ketasim.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.RowRun;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.pd.PdCurves;

/**
 * What a subject's rows add up to besides its {@link org.ketasim.core.metrics.Summary}: the hours
 * inside each concentration window and each window curve's largest row, and the largest
 * pharmacodynamic values ({@link PdCurves}), computed as the run goes, without keeping the rows.
 * Populations and sweep points use it; a single patient's {@link PatientResult} computes the same
 * numbers from its kept rows.
 *
 * @param hoursInWindow            per window, the hours its curve spends inside it (the curve linear between
 *                                 rows); NaN for a window on a curve the model does not have
 * @param windowPeaks              per window, the largest value of its curve among the rows (ng/mL), NaN as above
 * @param maxDrugHighScore         the largest drug-high score of a typical volunteer (0 to 1), NaN without an
 *                                 acute effect site
 * @param maxResponderNrsReduction the largest NRS reduction of a responder with the typical C50 (NRS points),
 *                                 NaN without a pain effect site
 */
public record CurveMetrics(double[] hoursInWindow, double[] windowPeaks, double maxDrugHighScore,
                           double maxResponderNrsReduction) {

    /** Copies the arrays. */
    public CurveMetrics {
        hoursInWindow = hoursInWindow.clone();
        windowPeaks = windowPeaks.clone();
    }

    @Override
    public double[] hoursInWindow() {
        return hoursInWindow.clone();
    }

    @Override
    public double[] windowPeaks() {
        return windowPeaks.clone();
    }

    /**
     * Observes every row of one run; read the metrics with {@link #metrics()} after the last row.
     * Windows on one curve share its reading and its peak: each row reads every curve once.
     */
    public static final class Recorder implements Observer {
        private final AnalyteWindow.Hours[] hours;
        /** The curves the windows lie on, each once, the system's only. */
        private final Observable[] curves;
        /** Per window, its curve's index in {@link #curves}, -1 for a curve the system lacks. */
        private final int[] curveOf;
        /** One row read from the propagator: its time (h), each curve's value, the effect sites' (ng/mL). */
        private final double[] rowTime = new double[1];
        private final double[][] rowValues;
        private final double[] rowEffect = new double[1];
        private final double[] rowPain = new double[1];
        /** Per curve, the values of the run being read. */
        private final double[][] runValues;
        /** Per curve, the largest row so far (ng/mL); NaN once a row was NaN, as {@link Math#max} keeps it. */
        private final double[] peaks;
        /** Per curve, the least and the greatest value of the rows being taken (NaN once a row was NaN). */
        private final double[] runLeast;
        private final double[] runGreatest;
        private final PdCurves.Accumulator pd;
        private final boolean effect;
        private final boolean pain;

        /**
         * @param plan              the plan observed
         * @param windows           the windows, each in the plan's parent analyte
         * @param sKetamineFraction fraction of the parent concentration that is S-ketamine (0.5 racemic, 1 otherwise)
         * @param baselineNrs       the patient's NRS before treatment, 0 to 10
         */
        public Recorder(Plan plan, List<AnalyteWindow> windows, double sKetamineFraction, double baselineNrs) {
            int count = windows.size();
            this.hours = new AnalyteWindow.Hours[count];
            this.curveOf = new int[count];
            List<Observable> distinct = new ArrayList<>();
            for (int w = 0; w < count; w++) {
                Observable curve = windows.get(w).observable();
                hours[w] = windows.get(w).new Hours();
                if (!plan.system().has(curve)) {
                    curveOf[w] = -1;
                } else {
                    if (!distinct.contains(curve)) {
                        distinct.add(curve);
                    }
                    curveOf[w] = distinct.indexOf(curve);
                }
            }
            this.curves = distinct.toArray(Observable[]::new);
            this.rowValues = new double[curves.length][1];
            this.runValues = new double[curves.length][];
            this.peaks = new double[curves.length];
            this.runLeast = new double[curves.length];
            this.runGreatest = new double[curves.length];
            Arrays.fill(peaks, Double.NEGATIVE_INFINITY);
            this.pd = new PdCurves.Accumulator(sKetamineFraction, baselineNrs, 0);
            this.effect = plan.system().has(Observable.EFFECT);
            this.pain = plan.system().has(Observable.PAIN_EFFECT);
        }

        @Override
        public void row(int row, Propagator p) {
            rowTime[0] = p.timeH();
            for (int k = 0; k < curves.length; k++) {
                rowValues[k][0] = p.value(curves[k]);
            }
            rowEffect[0] = effect ? p.value(Observable.EFFECT) : Double.NaN;
            rowPain[0] = pain ? p.value(Observable.PAIN_EFFECT) : Double.NaN;
            take(rowTime, rowValues, effect ? rowEffect : null, pain ? rowPain : null, 1);
        }

        @Override
        public boolean takesRowRuns() {
            return true;
        }

        @Override
        public void rows(RowRun run) {
            for (int k = 0; k < curves.length; k++) {
                runValues[k] = run.values(curves[k]);
            }
            take(run.timesH(), runValues, effect ? run.values(Observable.EFFECT) : null,
                    pain ? run.values(Observable.PAIN_EFFECT) : null, run.count());
        }

        /**
         * Takes in rows: each curve's peak, each window's hours and the pharmacodynamics, each over
         * all the rows in turn.
         *
         * @param times  the rows' times (h)
         * @param values per curve, its values at the rows (ng/mL)
         * @param ce     the acute effect site's values, null without one
         * @param cePain the pain effect site's values, null without one
         * @param count  how many rows
         */
        private void take(double[] times, double[][] values, double[] ce, double[] cePain, int count) {
            for (int k = 0; k < curves.length; k++) {
                double[] v = values[k];
                double peak = peaks[k];
                double least = Double.POSITIVE_INFINITY;
                double greatest = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < count; j++) {
                    double x = v[j];
                    if (x > peak || Double.isNaN(x)) {
                        peak = x;
                    }
                    if (x < least) {
                        least = x;
                    }
                    if (x > greatest) {
                        greatest = x;
                    }
                }
                peaks[k] = peak;
                // a NaN row (the peak keeps it) leaves the bounds unknown
                runLeast[k] = Double.isNaN(peak) ? Double.NaN : least;
                runGreatest[k] = Double.isNaN(peak) ? Double.NaN : greatest;
            }
            for (int w = 0; w < hours.length; w++) {
                int k = curveOf[w];
                if (k >= 0) {
                    hours[w].add(times, values[k], count, runLeast[k], runGreatest[k]);
                }
            }
            pd.add(ce, cePain, count);
        }

        /** @return the metrics of the rows seen */
        public CurveMetrics metrics() {
            double[] inside = new double[hours.length];
            double[] windowPeaks = new double[hours.length];
            for (int w = 0; w < hours.length; w++) {
                int k = curveOf[w];
                inside[w] = k < 0 ? Double.NaN : hours[w].total();
                windowPeaks[w] = k < 0 ? Double.NaN : peaks[k];
            }
            PdCurves max = pd.curves();
            return new CurveMetrics(inside, windowPeaks, max.maxDrugHighScore(), max.maxResponderNrsReduction());
        }
    }
}
