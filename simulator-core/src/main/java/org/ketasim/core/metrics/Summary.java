package org.ketasim.core.metrics;

import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.RowRun;
import org.ketasim.core.model.Observable;
import org.ketasim.core.regimen.Breakpoints;

/**
 * The summary of one simulated subject, as in the {@code summary.csv} columns of the scenario
 * format page, plus the peak in continuous time.
 *
 * @param totalDoseMg             amount administered from 0 to the last row (mg), before
 *                                bioavailability; infusions running past it count only up to it
 * @param doseMgPerKg             {@code totalDoseMg} per kg of body weight (mg/kg)
 * @param cmaxNgPerMl             the largest parent plasma concentration among the output rows (ng/mL)
 * @param tmaxH                   the first row time at which it occurs (h)
 * @param aucNgHPerMl             exact integral of the parent plasma concentration from 0 to the last
 *                                row (ng&middot;h/mL)
 * @param metaboliteCmaxNgPerMl   the largest metabolite plasma concentration among the rows, NaN
 *                                without a metabolite
 * @param metaboliteAucNgHPerMl   exact metabolite AUC from 0 to the last row, NaN without one
 * @param effectCmaxNgPerMl       the largest effect-site concentration among the rows, NaN without
 *                                an effect site
 * @param cmaxExactNgPerMl        the largest parent plasma concentration in continuous time from 0 to
 *                                the last row, turning points between rows included (ng/mL)
 * @param tmaxExactH              the first time it occurs (h)
 */
public record Summary(double totalDoseMg, double doseMgPerKg, double cmaxNgPerMl, double tmaxH, double aucNgHPerMl,
                      double metaboliteCmaxNgPerMl, double metaboliteAucNgHPerMl, double effectCmaxNgPerMl,
                      double cmaxExactNgPerMl, double tmaxExactH) {

    /**
     * Computes a subject's summary as its run goes; read it with {@link #summary()} once the last
     * row was reported.
     */
    public static final class Recorder implements Observer {
        /** A relative distance beyond which two times are surely not one instant ({@link Breakpoints#same}). */
        private static final double FAR_H = 1000 * Breakpoints.TOLERANCE_H;
        private final double weightKg;
        private final int lastRow;
        private final double endH;
        private final boolean metabolite;
        private final boolean effect;
        private double cmax = Double.NEGATIVE_INFINITY;
        private double tmax;
        private double cmaxM = Double.NEGATIVE_INFINITY;
        private double cmaxE = Double.NEGATIVE_INFINITY;
        private double peak = Double.NEGATIVE_INFINITY;
        private double peakTime;
        /** The time of the last row seen (h): an interval starting there starts at a value already counted. */
        private double lastRowH = Double.NaN;
        private Summary summary;
        /** One row read from the propagator: its time (h), the parent's, metabolite's, effect site's values (ng/mL). */
        private final double[] rowTime = new double[1];
        private final double[] rowParent = new double[1];
        private final double[] rowMetabolite = new double[1];
        private final double[] rowEffect = new double[1];

        /**
         * @param plan     the plan observed
         * @param weightKg the subject's body weight (kg), for the dose per kg
         */
        public Recorder(Plan plan, double weightKg) {
            this.weightKg = weightKg;
            this.lastRow = plan.grid().size() - 1;
            this.endH = plan.grid().endH();
            this.metabolite = plan.system().has(Observable.METABOLITE);
            this.effect = plan.system().has(Observable.EFFECT);
        }

        @Override
        public void interval(double fromH, double toH, Propagator p) {
            // An interval that starts at a row can only add a turning point inside it; one that starts
            // elsewhere (after an event between rows) also adds its start.
            boolean beforeEnd = fromH < endH
                    && (endH - fromH > FAR_H * (1 + Math.abs(endH)) || !Breakpoints.same(fromH, endH));
            if (beforeEnd && (fromH != lastRowH || p.stepper().turnsInLastInterval(Observable.PARENT))) {
                double[] inside = p.stepper().peakInLastInterval(Observable.PARENT);
                if (inside[1] > peak) {
                    peak = inside[1];
                    peakTime = fromH + inside[0];
                }
            }
        }

        @Override
        public boolean takesRowRuns() {
            return true;
        }

        /** A run holds no turning point of the parent: the peak between its rows is among them. */
        @Override
        public boolean watchesTurns(Observable o) {
            return o == Observable.PARENT;
        }

        /**
         * A run's intervals start at rows and do not turn ({@link #interval} adds nothing for them),
         * and a run never holds the last row.
         */
        @Override
        public void rows(RowRun run) {
            take(run.timesH(), run.values(Observable.PARENT), metabolite ? run.values(Observable.METABOLITE) : null,
                    effect ? run.values(Observable.EFFECT) : null, run.count());
        }

        @Override
        public void row(int row, Propagator p) {
            rowTime[0] = p.timeH();
            rowParent[0] = p.value(Observable.PARENT);
            rowMetabolite[0] = metabolite ? p.value(Observable.METABOLITE) : Double.NaN;
            rowEffect[0] = effect ? p.value(Observable.EFFECT) : Double.NaN;
            take(rowTime, rowParent, rowMetabolite, rowEffect, 1);
            if (row == lastRow) {
                double dose = p.administeredMg();
                summary = new Summary(dose, dose / weightKg, cmax, tmax, p.stepper().auc(Observable.PARENT),
                        metabolite ? cmaxM : Double.NaN,
                        metabolite ? p.stepper().auc(Observable.METABOLITE) : Double.NaN,
                        effect ? cmaxE : Double.NaN, peak, peakTime);
            }
        }

        /**
         * Takes in rows, in order: the first {@code count} of each array.
         *
         * @param times      their times (h)
         * @param parent     the parent's values (ng/mL)
         * @param metabolite the metabolite's, ignored without one
         * @param effect     the acute effect site's, ignored without one
         */
        private void take(double[] times, double[] parent, double[] metabolite, double[] effect, int count) {
            double high = cmax;
            double highAt = tmax;
            double top = peak;
            double topAt = peakTime;
            for (int j = 0; j < count; j++) {
                double t = times[j];
                double cp = parent[j];
                if (cp > high) {
                    high = cp;
                    highAt = t;
                }
                if (cp > top || cp == top && t < topAt) {
                    top = cp;
                    topAt = t;
                }
            }
            cmax = high;
            tmax = highAt;
            peak = top;
            peakTime = topAt;
            if (this.metabolite) {
                cmaxM = max(cmaxM, metabolite, count);
            }
            if (this.effect) {
                cmaxE = max(cmaxE, effect, count);
            }
            lastRowH = times[count - 1];
        }

        /** @return the largest of {@code from} and the first {@code count} values, taken in turn by {@link Math#max} */
        private static double max(double from, double[] values, int count) {
            double m = from;
            for (int j = 0; j < count; j++) {
                m = Math.max(m, values[j]);
            }
            return m;
        }

        /**
         * @return the summary
         * @throws IllegalStateException before the last row was reported
         */
        public Summary summary() {
            if (summary == null) {
                throw new IllegalStateException("the run has not reached its last row");
            }
            return summary;
        }
    }
}
