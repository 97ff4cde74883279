package org.ketasim.core.metrics;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A band of parent plasma concentrations, {@code [low, high]} ng/mL ({@code high} may be infinite),
 * and the time a concentration curve spends inside it.
 *
 * @param name        a short name used in column names, e.g. {@code analgesia}
 * @param lowNgPerMl  lower bound (ng/mL), &gt;= 0
 * @param highNgPerMl upper bound (ng/mL), &gt; low; {@code Double.POSITIVE_INFINITY} for "above low"
 */
public record ConcentrationWindow(String name, double lowNgPerMl, double highNgPerMl) {

    private static final Pattern SPEC =
            Pattern.compile("([a-z][a-z0-9_]*)=([0-9.]+)-([0-9.]+|inf)", Pattern.CASE_INSENSITIVE);

    /**
     * The default windows:
     * {@code analgesia} 70-160 ng/mL, the analgesic band of racemic ketamine (Zanos et al.,
     * Pharmacol Rev 2018, Table 1 [V]; pk-models.md 5.3), and {@code drug_high} above 71.3 ng/mL, the
     * C50 of the S-ketamine drug high (Simons 2022 part 2 [V]: 0.3 nmol/mL, times the molar mass
     * 237.73 g/mol, is 71.319 ng/mL).
     */
    public static final List<ConcentrationWindow> DEFAULTS = List.of(
            new ConcentrationWindow("analgesia", 70, 160),
            new ConcentrationWindow("drug_high", 71.319, Double.POSITIVE_INFINITY));

    /** Checks the ranges above. */
    public ConcentrationWindow {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a window name is lower-case letters, digits and '_', got '" + name + "'");
        }
        if (!(lowNgPerMl >= 0) || !(highNgPerMl > lowNgPerMl)) {
            throw new IllegalArgumentException("a window needs 0 <= low < high, got " + lowNgPerMl + "-" + highNgPerMl);
        }
    }

    /**
     * @param spec {@code name=low-high} in ng/mL, {@code high} may be {@code inf}
     * @return the window
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static ConcentrationWindow parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a window: write name=low-high in ng/mL, e.g. "
                    + "analgesia=70-160 or high=100-inf");
        }
        double high = m.group(3).equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(3));
        return new ConcentrationWindow(m.group(1).toLowerCase(Locale.ROOT), Double.parseDouble(m.group(2)), high);
    }

    /**
     * The time inside the window, the curve taken as linear between rows (crossing times
     * interpolated).
     *
     * @param timesH row times (h), ascending
     * @param c      concentrations (ng/mL) per row
     * @return hours with low &lt;= c &lt;= high
     */
    public double hoursInside(double[] timesH, double[] c) {
        Hours hours = new Hours();
        for (int i = 0; i < timesH.length; i++) {
            hours.add(timesH[i], c[i]);
        }
        return hours.total();
    }

    /** Accumulates the hours inside the window row by row, for curves that are not kept. */
    public final class Hours {
        private double lastTime = Double.NaN;
        private double lastValue;
        private double total;

        /**
         * @param timeH a row's time (h), after the previous row's
         * @param c     its concentration (ng/mL)
         */
        public void add(double timeH, double c) {
            if (!Double.isNaN(lastTime)) {
                total += (timeH - lastTime) * fractionInside(lastValue, c);
            }
            lastTime = timeH;
            lastValue = c;
        }

        /** @return the hours inside so far */
        public double total() {
            return total;
        }
    }

    /** @return the fraction of a linear segment from a to b that lies in [low, high] */
    private double fractionInside(double a, double b) {
        // Wholly inside or wholly outside: the general formula below gives exactly 1 or 0 there.
        if (a >= lowNgPerMl && a <= highNgPerMl && b >= lowNgPerMl && b <= highNgPerMl) {
            return 1;
        }
        if (a < lowNgPerMl && b < lowNgPerMl || a > highNgPerMl && b > highNgPerMl) {
            return 0;
        }
        if (a == b) {
            return a >= lowNgPerMl && a <= highNgPerMl ? 1 : 0;
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double overlap = Math.min(hi, highNgPerMl) - Math.max(lo, lowNgPerMl);
        return Math.max(0, overlap) / (hi - lo);
    }

    /** @return the window as written on the command line, e.g. {@code analgesia=70-160} */
    @Override
    public String toString() {
        return name + "=" + fmt(lowNgPerMl) + "-" + (Double.isInfinite(highNgPerMl) ? "inf" : fmt(highNgPerMl));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
