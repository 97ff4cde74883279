package org.ketasim.web;

import java.util.Locale;
import org.ketasim.core.engine.Series;
import org.ketasim.core.model.Observable;
import org.ketasim.core.simulation.PatientResult;

/**
 * One goal of a teaching exercise, judged on the simulated session: the session's doses given to
 * the exercise's patient, simulated over the exercise's time on a one-minute grid by the same
 * engine as {@code ketasim run}. Concentrations are the model's parent analyte in plasma (ng/mL).
 */
sealed interface Goal {

    /**
     * A goal judged.
     *
     * @param goal   the goal in words
     * @param met    whether it was met
     * @param detail what the session did, in numbers
     */
    record Result(String goal, boolean met, String detail) {
    }

    /**
     * @param r the simulated session
     * @return the goal judged
     */
    Result judge(PatientResult r);

    /**
     * Plasma reaches a level by a time.
     *
     * @param ngPerMl the level
     * @param byH     by when (h)
     */
    record Reach(double ngPerMl, double byH) implements Goal {
        @Override
        public Result judge(PatientResult r) {
            Series s = r.series();
            double[] t = s.timesH();
            double[] cp = s.values(Observable.PARENT);
            double first = Double.NaN;
            for (int i = 0; i < t.length && Double.isNaN(first); i++) {
                if (cp[i] >= ngPerMl) {
                    first = t[i];
                }
            }
            boolean met = !Double.isNaN(first) && first <= byH + 1e-9;
            return new Result(String.format(Locale.ROOT, "plasma reaches %s ng/mL within %s", fmt(ngPerMl),
                    hours(byH)), met, Double.isNaN(first) ? "never reached" : "reached at " + hours(first));
        }
    }

    /**
     * Plasma stays inside a range over a time span.
     *
     * @param lowNgPerMl  the lower limit
     * @param highNgPerMl the upper limit
     * @param fromH       from (h)
     * @param toH         until (h)
     */
    record Stay(double lowNgPerMl, double highNgPerMl, double fromH, double toH) implements Goal {
        @Override
        public Result judge(PatientResult r) {
            double[] t = r.series().timesH();
            double[] cp = r.series().values(Observable.PARENT);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= fromH - 1e-9 && t[i] <= toH + 1e-9) {
                    lo = Math.min(lo, cp[i]);
                    hi = Math.max(hi, cp[i]);
                }
            }
            boolean met = lo >= lowNgPerMl && hi <= highNgPerMl;
            return new Result(String.format(Locale.ROOT, "plasma stays between %s and %s ng/mL from %s to %s",
                    fmt(lowNgPerMl), fmt(highNgPerMl), hours(fromH), hours(toH)), met,
                    String.format(Locale.ROOT, "it was %.0f to %.0f ng/mL", lo, hi));
        }
    }

    /**
     * Plasma never passes a level.
     *
     * @param ngPerMl the level
     */
    record NeverAbove(double ngPerMl) implements Goal {
        @Override
        public Result judge(PatientResult r) {
            double peak = r.summary().cmaxExactNgPerMl();
            return new Result("plasma never passes " + fmt(ngPerMl) + " ng/mL", peak <= ngPerMl,
                    String.format(Locale.ROOT, "the peak was %.0f ng/mL at %s", peak, hours(r.summary().tmaxExactH())));
        }
    }

    /**
     * A typical responder's expected NRS reduction reaches a number of points by the end (Dahan
     * 2011's relief model: a responder's expectation, not a patient's certainty).
     *
     * @param points NRS points
     */
    record ResponderRelief(double points) implements Goal {
        @Override
        public Result judge(PatientResult r) {
            double[] nrs = r.pd().responderNrsReduction();
            double end = nrs[nrs.length - 1];
            return new Result("a typical responder's expected NRS reduction reaches " + fmt(points) + " points by the end",
                    end >= points, String.format(Locale.ROOT, "%.2f points at the end", end));
        }
    }

    /**
     * A typical volunteer's drug-high score (Simons 2022) stays below a value throughout.
     *
     * @param score the score, 0 to 1
     */
    record VolunteerDrugHighBelow(double score) implements Goal {
        @Override
        public Result judge(PatientResult r) {
            double peak = r.pd().maxDrugHighScore();
            return new Result("a typical volunteer's drug-high score stays below " + fmt(score), peak < score,
                    String.format(Locale.ROOT, "its peak was %.2f", peak));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(v);
    }

    /**
     * @param h hours
     * @return e.g. {@code 1 h 05 min}, or {@code 2 d 3 h} past two days
     */
    static String hours(double h) {
        long minutes = Math.round(h * 60);
        if (minutes >= 48 * 60) {
            return String.format(Locale.ROOT, "%d d %d h", minutes / 1440, minutes % 1440 / 60);
        }
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}
