package org.ketasim.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.ketasim.core.outcomes.OutcomeRow;

/**
 * How the report writes numbers: doses as given (up to three decimals, never rounded to a few
 * significant figures: 1152 mg stays 1152), concentrations to a sensible precision (whole ng/mL from
 * 10 up), hours to a tenth below 10, shares as whole percentages with their interval. NaN is
 * written as an empty string.
 */
final class Figures {

    private Figures() {
    }

    /** @return a dose or rate (mg, mg/h), up to three decimals, trailing zeros dropped */
    static String dose(double mg) {
        return decimals(mg, 3);
    }

    /** @return a dose per kg (mg/kg), up to two decimals */
    static String perKg(double mgPerKg) {
        return decimals(mgPerKg, 2);
    }

    /** @return a concentration (ng/mL): whole from 10 up, else one or two decimals */
    static String concentration(double ngPerMl) {
        if (Double.isNaN(ngPerMl)) {
            return "";
        }
        double a = Math.abs(ngPerMl);
        return decimals(ngPerMl, a >= 10 ? 0 : a >= 1 ? 1 : 2);
    }

    /** @return an AUC (ng·h/mL), whole */
    static String auc(double ngHPerMl) {
        return decimals(ngHPerMl, 0);
    }

    /** @return hours: whole from 10 up, else to a tenth */
    static String hours(double h) {
        if (Double.isNaN(h)) {
            return "";
        }
        return decimals(h, Math.abs(h) >= 10 ? 0 : 1);
    }

    /** @return a fraction 0 to 1 as a whole percentage, e.g. "36 %" */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.0f\u00a0%%", 100 * fraction);
    }

    /**
     * @return a share with its 95 % interval, e.g. "36 % (18–61 %)", a percentage never split from
     *         its number
     */
    static String share(OutcomeRow r) {
        return Double.isNaN(r.pLo()) ? percent(r.p())
                : String.format(Locale.ROOT, "%.0f\u00a0%% (%.0f\u2013%.0f\u00a0%%)", 100 * r.p(), 100 * r.pLo(),
                        100 * r.pHi());
    }

    /** @return the value for sorting, in full ("" for NaN) */
    static String sortKey(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String decimals(double v, int places) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        String s = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
