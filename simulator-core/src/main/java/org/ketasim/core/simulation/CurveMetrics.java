package org.ketasim.core.simulation;

import java.util.List;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
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

    /** Observes every row of one run; read the metrics with {@link #metrics()} after the last row. */
    public static final class Recorder implements Observer {
        private final AnalyteWindow.Hours[] hours;
        private final Observable[] curves;
        private final double[] peaks;
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
            this.curves = new Observable[count];
            this.peaks = new double[count];
            for (int w = 0; w < count; w++) {
                Observable curve = windows.get(w).observable();
                curves[w] = plan.system().has(curve) ? curve : null;
                hours[w] = windows.get(w).new Hours();
                peaks[w] = curves[w] == null ? Double.NaN : Double.NEGATIVE_INFINITY;
            }
            this.pd = new PdCurves.Accumulator(sKetamineFraction, baselineNrs, 0);
            this.effect = plan.system().has(Observable.EFFECT);
            this.pain = plan.system().has(Observable.PAIN_EFFECT);
        }

        @Override
        public void row(int row, Propagator p) {
            double t = p.timeH();
            for (int w = 0; w < hours.length; w++) {
                if (curves[w] != null) {
                    double v = p.value(curves[w]);
                    hours[w].add(t, v);
                    peaks[w] = Math.max(peaks[w], v);
                }
            }
            pd.add(effect ? p.value(Observable.EFFECT) : Double.NaN, pain ? p.value(Observable.PAIN_EFFECT) : Double.NaN);
        }

        /** @return the metrics of the rows seen */
        public CurveMetrics metrics() {
            double[] inside = new double[hours.length];
            for (int w = 0; w < hours.length; w++) {
                inside[w] = curves[w] == null ? Double.NaN : hours[w].total();
            }
            PdCurves max = pd.curves();
            return new CurveMetrics(inside, peaks, max.maxDrugHighScore(), max.maxResponderNrsReduction());
        }
    }
}
