package org.ketasim.cli.report;

import java.util.Locale;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.problems.Warning;

/**
 * The words the report uses for names that files and code spell as identifiers: families (catalogue
 * folders), settings, concentration windows and kinds of warning.
 */
final class Labels {

    private Labels() {
    }

    /** @return a catalogue folder as words, e.g. "dutch-survey" as "Dutch survey" */
    static String family(String folder) {
        return capitalise(folder.replace('-', ' ').replace('_', ' '));
    }

    /** @return a setting as words: "Inpatient", "Outpatient", or "No setting given" */
    static String setting(String setting) {
        return setting.isEmpty() ? "No setting given" : capitalise(setting);
    }

    /** @return a window's name as words, e.g. {@code analgesia_acute} as "acute analgesia" */
    static String window(String name) {
        return name.equals("analgesia_acute") ? "acute analgesia" : name.replace('_', ' ');
    }

    /**
     * @param w a window
     * @return its band, analyte and site, e.g. "70–160 ng/mL racemic ketamine (R + S total), plasma"
     */
    static String windowBand(AnalyteWindow w) {
        String band = Double.isInfinite(w.highNgPerMl()) ? "above " + Figures.concentration(w.lowNgPerMl())
                : Figures.concentration(w.lowNgPerMl()) + "\u2013" + Figures.concentration(w.highNgPerMl());
        return band + " ng/mL " + w.analyte().label() + ", " + w.site().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ');
    }

    /** @return a kind of warning as a short phrase, e.g. "implausible dose" */
    static String warning(Warning.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** @return routes joined by '+' as words, e.g. "iv+oral" as "IV + oral" */
    static String routes(String routes) {
        return java.util.Arrays.stream(routes.split("\\+")).map(r -> switch (r) {
            case "iv" -> "IV";
            case "sc" -> "SC";
            default -> r;
        }).collect(java.util.stream.Collectors.joining(" + "));
    }

    /** @return a drug as the report names it: "S-ketamine" or "racemic ketamine" */
    static String drug(String id) {
        return switch (id) {
            case "esketamine" -> "S-ketamine";
            case "ketamine" -> "racemic ketamine";
            default -> id;
        };
    }

    /**
     * @param m a population measure
     * @return it in words, e.g. "an NRS reduction of at least 30 % of the baseline"
     */
    static String measure(Measure m) {
        return switch (m) {
            case MEETS_2_POINTS -> "an NRS reduction of at least 2 points";
            case MEETS_3_POINTS -> "an NRS reduction of at least 3 points";
            case MEETS_30_PERCENT -> "an NRS reduction of at least 30 % of the baseline";
            case MEETS_50_PERCENT -> "an NRS reduction of more than 50 % of the baseline";
            case PSYCHOMIMETIC -> "psychomimetic effects during the course";
        };
    }

    /** @return the text with every measure's file name ({@code meets_2_points}, ...) in words */
    static String words(String text) {
        String out = text;
        for (Measure m : Measure.values()) {
            out = out.replace(m.id(), "'" + measure(m) + "'");
        }
        return out;
    }

    /** @return why a regimen is outside the evidence, in a few words */
    static String evidence(EvidenceReason.Limit limit) {
        return switch (limit) {
            case ROUTE -> "a route without outcome evidence";
            case RACEMIC -> "racemic ketamine on an S-ketamine outcome model";
            case PEAK -> "a peak above the calibration trial's";
            case RATE -> "a rate above the calibration trial's";
            case SHORT_COURSE -> "a course much shorter than the trial's 4.2 days";
            case LONG_COURSE -> "a course much longer than the trial's 4.2 days";
            case SESSIONS -> "several sessions instead of one infusion";
            case ACUTE_EFFECT_SITE -> "side effects at an assumed acute effect site (the model has none)";
        };
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
