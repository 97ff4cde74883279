package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.MeanReductionRow;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.model.IndividualParameter;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Subject;
import org.ketasim.core.model.Variability;
import org.ketasim.core.titration.TitrationEvent;

/**
 * Writes a population's tables, each with the master seed as its first column:
 * <ul>
 * <li>{@code population_bands.csv}: {@code seed, time_h}, then per analyte the model has (parent,
 * metabolite, effect) and per percentile {@code <analyte>_p<percentile>_ng_per_ml};</li>
 * <li>{@code population_subjects.csv}, streamed subject by subject: {@code seed, subject, weight_kg},
 * one {@code eta_<parameter>} per varied parameter, the summary metrics (with the peak in continuous
 * time), {@code hours_in_<window>} per window, the largest drug-high score of a typical volunteer
 * and the largest NRS reduction the subject would have as a responder (neither is an outcome: see
 * {@code population_outcomes.csv});</li>
 * <li>{@code population_probabilities.csv}, tidy: {@code seed, subjects, measure, value} with
 * {@code p_inside_<window>} (any time inside), {@code p_above_<window>} (the window's curve above
 * its upper bound) and {@code mean_hours_in_<window>} (empty for a window on a curve the model does
 * not have);</li>
 * <li>{@code population_outcomes.csv}: {@code seed, subjects, arm, measure, time, p, p_lo, p_hi,
 * outside_evidence, reasons}, one row per arm, measure and time ({@link OutcomeRow}), then
 * {@code reason_details}, the reasons in words;</li>
 * <li>{@code population_mean_reduction.csv}: {@code seed, subjects, time}, the mean NRS reduction of
 * each arm and their difference, each with {@code _lo} and {@code _hi}, then {@code outside_evidence,
 * reasons, reason_details};</li>
 * <li>{@code population_observations.csv} and {@code population_events.csv} (each subject's own
 * titration decisions), streamed.</li>
 * </ul>
 * Numbers in full precision; empty cells for NaN. Stateless and thread-safe, but a {@link Rows}
 * belongs to one writer.
 */
public final class PopulationWriter {

    /**
     * A table written one subject at a time, after its header: a subject's lines are made by
     * {@link #lines}, from any thread and for subjects in any order (so several can be formatted at
     * once), and written by {@link #write}, in subject order.
     */
    public static final class Rows {
        private final Writer out;
        private final Function<Subject, String> format;

        private Rows(Writer out, Function<Subject, String> format) {
            this.out = out;
            this.format = format;
        }

        /**
         * @param s a subject
         * @return its lines of this table, each with its line break; empty for a subject without any
         */
        public String lines(Subject s) {
            return format.apply(s);
        }

        /**
         * @param lines the next subject's {@link #lines}
         * @throws IOException if writing fails
         */
        public void write(String lines) throws IOException {
            out.write(lines);
        }
    }

    /**
     * @param r   a population's outcomes
     * @param out where to write {@code population_outcomes.csv}; not closed
     * @throws IOException if writing fails
     */
    public void writeOutcomes(OutcomeResult r, Writer out) throws IOException {
        out.write(Csv.header(List.of("seed", "subjects", "arm", "measure", "time", "p", "p_lo", "p_hi",
                "outside_evidence", "reasons", "reason_details")));
        for (OutcomeRow row : r.rows()) {
            out.write(Csv.line(List.of(Long.toString(r.seed()), Integer.toString(r.subjects()), row.arm().id(),
                    row.measure().id(), row.time(), Csv.number(row.p()), Csv.number(row.pLo()), Csv.number(row.pHi()),
                    Boolean.toString(row.outsideEvidence()), row.reasonCodes(), details(row.reasons()))));
        }
    }

    /**
     * @param r   a population's outcomes
     * @param out where to write {@code population_mean_reduction.csv}; not closed
     * @throws IOException if writing fails
     */
    public void writeMeanReductions(OutcomeResult r, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("seed", "subjects", "time"));
        for (String arm : List.of("drug", "placebo", "difference")) {
            header.addAll(List.of(arm + "_nrs_reduction", arm + "_nrs_reduction_lo", arm + "_nrs_reduction_hi"));
        }
        header.addAll(List.of("outside_evidence", "reasons", "reason_details"));
        out.write(Csv.header(header));
        for (MeanReductionRow m : r.meanReductions()) {
            List<String> cells = new ArrayList<>(List.of(Long.toString(r.seed()), Integer.toString(r.subjects()),
                    m.time()));
            for (MeanReductionRow.Estimate e : List.of(m.drug(), m.placebo(), m.difference())) {
                cells.addAll(List.of(Csv.number(e.value()), Csv.number(e.lo()), Csv.number(e.hi())));
            }
            cells.addAll(List.of(Boolean.toString(m.outsideEvidence()),
                    m.reasons().stream().map(EvidenceReason::code).collect(Collectors.joining(";")),
                    details(m.reasons())));
            out.write(Csv.line(cells));
        }
    }

    private static String details(List<EvidenceReason> reasons) {
        return Csv.text(reasons.stream().map(EvidenceReason::text).collect(Collectors.joining("; ")));
    }

    /**
     * @param r   the population
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeBands(PopulationResult r, Writer out) throws IOException {
        double[] p = r.settings().percentiles();
        List<String> header = new ArrayList<>(List.of("seed", "time_h"));
        for (Observable o : r.bands().keySet()) {
            for (double percentile : p) {
                header.add(column(o) + "_p" + PopulationSettings.label(percentile).replace('.', '_') + "_ng_per_ml");
            }
        }
        out.write(Csv.header(header));
        String seed = Long.toString(r.settings().seed());
        double[] t = r.timesH();
        StringBuilder line = new StringBuilder(256);
        for (int row = 0; row < t.length; row++) {
            line.setLength(0);
            line.append(seed).append(',').append(Csv.number(t[row]));
            for (double[][] band : r.bands().values()) {
                for (double[] percentile : band) {
                    line.append(',').append(Csv.number(percentile[row]));
                }
            }
            out.append(line).append('\n');
        }
    }

    /** @return the band column prefix of an observable: parent, metabolite or effect */
    private static String column(Observable o) {
        return switch (o) {
            case PARENT -> "parent";
            case METABOLITE -> "metabolite";
            case EFFECT -> "effect";
            default -> o.column();
        };
    }

    /**
     * Starts {@code population_subjects.csv}.
     *
     * @param settings    the population's settings
     * @param variability the variability applied
     * @param out         where to write; not closed
     * @return the table, its header written
     * @throws IOException if writing fails
     */
    public Rows subjects(PopulationSettings settings, Variability variability, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("seed", "subject", "weight_kg"));
        for (IndividualParameter parameter : variability.parameters()) {
            header.add("eta_" + parameter.cardName().replace(' ', '_'));
        }
        header.addAll(List.of("total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml", "tmax_h", "auc_ng_h_per_ml",
                "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml", "cmax_effect_ng_per_ml",
                "cmax_exact_ng_per_ml", "tmax_exact_h"));
        for (String w : settings.windows().names()) {
            header.add("hours_in_" + w);
        }
        header.addAll(List.of("max_drug_high_score", "responder_max_nrs_reduction"));
        out.write(Csv.header(header));
        String seed = Long.toString(settings.seed());
        return new Rows(out, s -> {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(seed);
            cells.add(Integer.toString(s.index()));
            cells.add(Csv.number(s.weightKg()));
            for (double eta : s.eta()) {
                cells.add(Csv.number(eta));
            }
            Summary m = s.summary();
            for (double v : new double[] {m.totalDoseMg(), m.doseMgPerKg(), m.cmaxNgPerMl(), m.tmaxH(),
                m.aucNgHPerMl(), m.metaboliteCmaxNgPerMl(), m.metaboliteAucNgHPerMl(), m.effectCmaxNgPerMl(),
                m.cmaxExactNgPerMl(), m.tmaxExactH()}) {
                cells.add(Csv.number(v));
            }
            for (double h : s.hoursInWindow()) {
                cells.add(Csv.number(h));
            }
            cells.add(Csv.number(s.maxDrugHighScore()));
            cells.add(Csv.number(s.maxResponderNrsReduction()));
            return Csv.line(cells);
        });
    }

    /**
     * @param r   the population
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeProbabilities(PopulationResult r, Writer out) throws IOException {
        out.write(Csv.header(List.of("seed", "subjects", "measure", "value")));
        String prefix = r.settings().seed() + "," + r.subjects() + ",";
        List<AnalyteWindow> windows = r.windows();
        for (int w = 0; w < windows.size(); w++) {
            String name = windows.get(w).name();
            out.write(prefix + "p_inside_" + name + "," + Csv.number(r.probabilityInside(w)) + "\n");
            out.write(prefix + "p_above_" + name + "," + Csv.number(r.probabilityAbove(w)) + "\n");
            out.write(prefix + "mean_hours_in_" + name + "," + Csv.number(r.meanHoursInside(w)) + "\n");
        }
    }

    /**
     * Starts {@code population_observations.csv}: {@code seed, subject, time_h, analyte}
     * ({@code parent} or {@code metabolite}), {@code ipred_ng_per_ml} (the subject's prediction) and
     * {@code dv_ng_per_ml} (with the model's residual error).
     *
     * @param settings the population's settings
     * @param out      where to write; not closed
     * @return the table, its header written
     * @throws IOException if writing fails
     */
    public Rows observations(PopulationSettings settings, Writer out) throws IOException {
        out.write(Csv.header(List.of("seed", "subject", "time_h", "analyte", "ipred_ng_per_ml", "dv_ng_per_ml")));
        String seed = Long.toString(settings.seed());
        return new Rows(out, s -> {
            StringBuilder lines = new StringBuilder();
            for (Subject.Observation o : s.observations()) {
                lines.append(Csv.line(List.of(seed, Integer.toString(s.index()), Csv.number(o.timeH()),
                        o.analyte().name().toLowerCase(Locale.ROOT), Csv.number(o.ipredNgPerMl()),
                        Csv.number(o.dvNgPerMl()))));
            }
            return lines.toString();
        });
    }

    /**
     * Starts {@code population_events.csv}: every subject's own titration decisions, {@code seed,
     * subject}, then the columns of {@code events.csv}.
     *
     * @param settings the population's settings
     * @param out      where to write; not closed
     * @return the table, its header written
     * @throws IOException if writing fails
     */
    public Rows events(PopulationSettings settings, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("seed", "subject"));
        header.addAll(TitrationEventWriter.COLUMNS);
        out.write(Csv.header(header));
        String prefix = settings.seed() + ",";
        return new Rows(out, s -> {
            StringBuilder lines = new StringBuilder();
            for (TitrationEvent e : s.events()) {
                lines.append(prefix).append(s.index()).append(',').append(TitrationEventWriter.line(e));
            }
            return lines.toString();
        });
    }
}
