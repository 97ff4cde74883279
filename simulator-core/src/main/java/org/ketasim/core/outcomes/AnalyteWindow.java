package org.ketasim.core.outcomes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketasim.core.model.Observable;

/**
 * A band of concentrations {@code [low, high]} (ng/mL; {@code high} may be infinite) that says
 * what it describes: of which analyte, at which site, from which source, for what kind of effect,
 * and how the source sampled. The time a curve spends inside it is computed only for a curve of the
 * same analyte and site: a racemic window is never applied to S-ketamine concentrations unless
 * converted with {@link #in}, whose stated basis goes into {@link #basis()}.
 *
 * @param name        a short name for column names, lower-case letters, digits and '_'
 * @param lowNgPerMl  lower bound (ng/mL), &gt;= 0
 * @param highNgPerMl upper bound (ng/mL), &gt; low; {@code Double.POSITIVE_INFINITY} for "above low"
 * @param analyte     the analyte the bounds are of
 * @param site        where the concentration is
 * @param kind        what kind of effect the band stands for
 * @param sampling    how the source sampled blood
 * @param source      where the numbers come from, with a confidence mark
 * @param basis       how the window was derived from its source, empty if it is the source's own
 */
public record AnalyteWindow(String name, double lowNgPerMl, double highNgPerMl, Analyte analyte, Site site, Kind kind,
                            Sampling sampling, String source, String basis) {

    /** Where a concentration is. */
    public enum Site {
        /** Plasma (or blood, as the source sampled). */
        PLASMA,
        /** The acute effect site (t½ke0 of minutes). */
        ACUTE_EFFECT_SITE,
        /** The slow effect site of chronic pain relief (t½ of days, Dahan 2011). */
        PAIN_EFFECT_SITE
    }

    /** What kind of effect a band stands for. */
    public enum Kind {
        /** An acute effect during an infusion, e.g. analgesia, anaesthesia. */
        ACUTE,
        /** Chronic pain relief over weeks. */
        CHRONIC,
        /** A side effect. */
        SIDE_EFFECT,
        /** A user's window of unstated kind. */
        UNSTATED
    }

    /** How the source sampled blood. */
    public enum Sampling {
        /** Venous samples. */
        VENOUS,
        /** Arterial samples (higher than venous early after a dose; equal at steady state). */
        ARTERIAL,
        /** Not stated by the source. */
        NOT_STATED
    }

    private static final Pattern SPEC = Pattern.compile(
            "([a-z][a-z0-9_]*)=([0-9.]+)-([0-9.]+|inf)(?:@([a-z-]+))?", Pattern.CASE_INSENSITIVE);

    /**
     * The published windows, each in the analyte and at the site its source gives:
     * <ul>
     *   <li>{@code analgesia_acute} 70-160 ng/mL racemic plasma, acute analgesia (Zanos et al.,
     *       Pharmacol Rev 2018;70:621, Table 1 [V]);</li>
     *   <li>{@code dissociation} 100-250 ng/mL racemic plasma (Krystal 1994, via Zanos Table 1 [V]);</li>
     *   <li>{@code anaesthesia} 1200-2400 ng/mL racemic plasma (Zanos Table 1 [V]);</li>
     *   <li>{@code drug_high} above 71.3 ng/mL S-ketamine at the acute effect site, the C50 of the
     *       drug high (Simons 2022, arterial [V]);</li>
     *   <li>{@code external_perception} above 121.2 ng/mL S-ketamine at the acute effect site, the
     *       C50 of external perception and antinociception (Olofsen 2022, arterial [V]);</li>
     *   <li>{@code chronic_relief} above 10.5 ng/mL S-ketamine at the pain effect site, the C50 of
     *       chronic relief in a responder (Dahan 2011, venous [S]).</li>
     * </ul>
     */
    public static final List<AnalyteWindow> PUBLISHED = List.of(
            new AnalyteWindow("analgesia_acute", 70, 160, Analyte.RACEMIC_KETAMINE, Site.PLASMA, Kind.ACUTE,
                    Sampling.NOT_STATED, "Zanos et al., Pharmacol Rev 2018;70:621, Table 1: analgesia after IV "
                    + "0.15 mg/kg etc. [V]", ""),
            new AnalyteWindow("dissociation", 100, 250, Analyte.RACEMIC_KETAMINE, Site.PLASMA, Kind.SIDE_EFFECT,
                    Sampling.NOT_STATED, "Krystal 1994, 0.5 mg/kg over 40 min, via Zanos 2018 Table 1 [V]", ""),
            new AnalyteWindow("anaesthesia", 1200, 2400, Analyte.RACEMIC_KETAMINE, Site.PLASMA, Kind.ACUTE,
                    Sampling.NOT_STATED, "general anaesthesia, Zanos 2018 Table 1 [V]", ""),
            new AnalyteWindow("drug_high", DrugHighScore.C50_NG_PER_ML, Double.POSITIVE_INFINITY, Analyte.S_KETAMINE,
                    Site.ACUTE_EFFECT_SITE, Kind.SIDE_EFFECT, Sampling.ARTERIAL, "drug-high C50 0.3 nmol/mL, "
                    + "healthy volunteers (Simons et al., Front Pain Res 2022;3:946487, abstract [V])", ""),
            new AnalyteWindow("external_perception", PsychomimeticModel.OLOFSEN_EXTERNAL_PERCEPTION_C50_NG_PER_ML,
                    Double.POSITIVE_INFINITY, Analyte.S_KETAMINE, Site.ACUTE_EFFECT_SITE, Kind.SIDE_EFFECT,
                    Sampling.ARTERIAL, "external perception and antinociception C50 0.51 nmol/mL (95 % CI 0.38-0.66), "
                    + "healthy men (Olofsen et al., Anesthesiology 2022;136:792, abstract [V])", ""),
            new AnalyteWindow("chronic_relief", ReliefModel.DAHAN_C50.point(), Double.POSITIVE_INFINITY,
                    Analyte.S_KETAMINE, Site.PAIN_EFFECT_SITE, Kind.CHRONIC, Sampling.VENOUS, "C50 of chronic CRPS-1 "
                    + "relief in a responder, t½ 10.9 days (Dahan et al., Eur J Pain 2011;15:258, abstract [V]; "
                    + "venous [S, Otto 2021 Table 2])", ""));

    /** Checks the ranges above. */
    public AnalyteWindow {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a window name is lower-case letters, digits and '_', got '" + name + "'");
        }
        if (!(lowNgPerMl >= 0) || !(highNgPerMl > lowNgPerMl)) {
            throw new IllegalArgumentException("window '" + name + "' needs 0 <= low < high, got " + lowNgPerMl + "-"
                    + highNgPerMl + " ng/mL");
        }
    }

    /**
     * @param parentAnalyte the model's parent analyte
     * @return the published windows, each converted to that analyte where it is of the other
     */
    public static List<AnalyteWindow> defaults(Analyte parentAnalyte) {
        return PUBLISHED.stream().map(w -> w.in(parentAnalyte)).toList();
    }

    /**
     * The same window for another analyte: unchanged for its own, converted on the basis
     * S-ketamine = half of the racemic total ({@link Analyte#S_FRACTION_OF_RACEMIC}) for the other,
     * with that basis stated in {@link #basis()}.
     *
     * @param target the analyte wanted
     * @return the window in that analyte
     */
    public AnalyteWindow in(Analyte target) {
        if (target == analyte) {
            return this;
        }
        double f = analyte.factorTo(target);
        String how = String.format(Locale.ROOT, "converted from %s %s ng/mL on the basis S-ketamine = half of the "
                + "racemic total [U]", analyte.label(), bounds(lowNgPerMl, highNgPerMl));
        return new AnalyteWindow(name, lowNgPerMl * f, highNgPerMl * f, target, site, kind, sampling, source,
                basis.isEmpty() ? how : basis + "; " + how);
    }

    /**
     * Reads a user's window, {@code name=low-high[@analyte]} in ng/mL of plasma; {@code high} may be
     * {@code inf}; {@code analyte} is {@code s-ketamine} or {@code racemic}. Without one the window
     * is taken to be of the model's parent analyte, and its basis says so.
     *
     * @param spec          the text, e.g. {@code analgesia=70-160@racemic}
     * @param parentAnalyte the model's parent analyte
     * @return the window
     * @throws IllegalArgumentException if the text is not of that form, naming it
     */
    public static AnalyteWindow parse(String spec, Analyte parentAnalyte) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a window: write name=low-high in ng/mL, "
                    + "optionally @s-ketamine or @racemic, e.g. analgesia=70-160@racemic or high=100-inf");
        }
        double high = m.group(3).equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(3));
        Analyte analyte = parentAnalyte;
        String basis = "analyte not stated: taken as the model's parent analyte (" + parentAnalyte.label() + ")";
        if (m.group(4) != null) {
            analyte = Analyte.fromId(m.group(4)).orElseThrow(() -> new IllegalArgumentException("'" + m.group(4)
                    + "' in window '" + spec + "' is not an analyte: use @s-ketamine or @racemic"));
            basis = "";
        }
        return new AnalyteWindow(m.group(1).toLowerCase(Locale.ROOT), Double.parseDouble(m.group(2)), high, analyte,
                Site.PLASMA, Kind.UNSTATED, Sampling.NOT_STATED, "user", basis);
    }

    /**
     * @return the observable whose curve this window is read on: the parent's plasma concentration,
     *         the acute effect site or the pain effect site
     */
    public Observable observable() {
        return switch (site) {
            case PLASMA -> Observable.PARENT;
            case ACUTE_EFFECT_SITE -> Observable.EFFECT;
            case PAIN_EFFECT_SITE -> Observable.PAIN_EFFECT;
        };
    }

    /**
     * The time inside the window, the curve taken as linear between rows (crossing times
     * interpolated).
     *
     * @param timesH  row times (h), ascending
     * @param c       concentrations (ng/mL) per row
     * @param analyte what {@code c} is a concentration of
     * @param site    where {@code c} is
     * @return hours with low &lt;= c &lt;= high
     * @throws IllegalArgumentException if the curve's analyte or site is not the window's, naming both
     */
    public double hoursInside(double[] timesH, double[] c, Analyte analyte, Site site) {
        if (analyte != this.analyte || site != this.site) {
            throw new IllegalArgumentException("window '" + name + "' is of " + this.analyte.label() + " at the "
                    + this.site.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", the curve of "
                    + analyte.label() + " at the " + site.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (analyte != this.analyte ? "; convert the window first (in(...)) on a stated basis" : ""));
        }
        Hours hours = new Hours();
        hours.add(timesH, c, timesH.length);
        return hours.total();
    }

    /**
     * Accumulates the hours inside the window row by row, for curves that are not kept; the rows
     * must be of the window's {@link #observable()} in its analyte.
     */
    public final class Hours {
        private double lastTime = Double.NaN;
        private double lastValue;
        private double total;

        /**
         * Adds rows in turn, each after the one before and the previous call's last (the curve is
         * linear between rows).
         *
         * @param timesH the rows' times (h), ascending
         * @param c      their concentrations (ng/mL)
         * @param count  how many rows of the arrays to add, from the first
         */
        public void add(double[] timesH, double[] c, int count) {
            add(timesH, c, count, Double.NaN, Double.NaN);
        }

        /**
         * {@link #add(double[], double[], int)} for rows whose least and greatest values are known:
         * when they and the row before lie all below the window or all above it, no segment
         * between them adds anything, and the rows are taken without a pass over them (most of a
         * course lies outside the anaesthetic and the effect-site windows).
         *
         * @param timesH  the rows' times (h), ascending
         * @param c       their concentrations (ng/mL)
         * @param count   how many rows of the arrays to add, from the first, at least 1
         * @param lowest  the least of {@code c[0 .. count)}; NaN if unknown or if any of them is NaN
         * @param highest the greatest of them; NaN likewise
         */
        public void add(double[] timesH, double[] c, int count, double lowest, double highest) {
            double low = lowNgPerMl;
            double high = highNgPerMl;
            if (highest < low && lastValue < low || lowest > high && lastValue > high) {
                lastTime = timesH[count - 1];
                lastValue = c[count - 1];
                return;
            }
            double from = lastTime;
            double a = lastValue;
            double sum = total;
            for (int j = 0; j < count; j++) {
                double to = timesH[j];
                double b = c[j];
                if (!Double.isNaN(from)) {
                    // most segments lie wholly inside (the whole step counts) or wholly on one side (nothing
                    // does): settled here, the same sums as fractionInside's 1 and 0 would give
                    if (a >= low && b >= low && a <= high && b <= high) {
                        sum += to - from;
                    } else if (!(a < low && b < low || a > high && b > high)) {
                        sum += (to - from) * fractionInside(a, b);
                    }
                }
                from = to;
                a = b;
            }
            lastTime = from;
            lastValue = a;
            total = sum;
        }

        /** @return the hours inside so far */
        public double total() {
            return total;
        }
    }

    /**
     * @return the fraction of a linear segment from a to b that lies in [low, high], for a segment
     *         that is neither wholly inside nor wholly on one side ({@link Hours#add} settles those)
     */
    private double fractionInside(double a, double b) {
        if (a == b) {
            return 0;
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        return Math.max(0, Math.min(hi, highNgPerMl) - Math.max(lo, lowNgPerMl)) / (hi - lo);
    }

    /** @return the window as written on the command line, e.g. {@code analgesia_acute=70-160@racemic} */
    @Override
    public String toString() {
        return name + "=" + bounds(lowNgPerMl, highNgPerMl) + "@" + analyte.id();
    }

    private static String bounds(double low, double high) {
        return bound(low) + "-" + (Double.isInfinite(high) ? "inf" : bound(high));
    }

    /**
     * @param v a window's bound (ng/mL), finite
     * @return it as labels write it: 7 significant digits without trailing zeros (the drug-high C50,
     *         71.31899999999999, reads 71.319)
     */
    public static String bound(double v) {
        return new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros().toPlainString();
    }
}
