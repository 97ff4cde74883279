package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.pd.PdCurves;

/**
 * Writes {@code summary.csv}, one row per scenario: the fixed columns of the format page
 * ({@code id, total_dose_mg, dose_mg_per_kg, cmax_ng_per_ml, tmax_h, auc_ng_h_per_ml}), then the
 * peak in continuous time ({@code cmax_exact_ng_per_ml, tmax_exact_h}: turning points between rows
 * included), then
 * {@code cmax_metabolite_ng_per_ml}, {@code auc_metabolite_ng_h_per_ml} and
 * {@code cmax_effect_ng_per_ml} (empty where the model has no metabolite or effect site), and the
 * labels {@code model}, {@code parent_analyte} and {@code metabolite_analyte} that say what each
 * concentration is; then the pharmacodynamic curves' largest values ({@link PdCurves}): the
 * drug-high score of a typical healthy volunteer ({@code max_drug_high_score}, 0 to 1), the baseline
 * NRS, and the largest NRS reduction of a responder ({@code responder_max_nrs_reduction}: one
 * patient who responds, with the typical C50; not the relief a patient can expect, for which see
 * the population outcomes). Empty where the model lacks the effect site.
 * Stateless and thread-safe.
 */
public final class SummaryWriter {

    /** The header line's columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml",
            "tmax_h", "auc_ng_h_per_ml", "cmax_exact_ng_per_ml", "tmax_exact_h", "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml",
            "cmax_effect_ng_per_ml", "model", "parent_analyte", "metabolite_analyte", "max_drug_high_score",
            "baseline_nrs", "responder_max_nrs_reduction");

    /**
     * One scenario's row.
     *
     * @param id                the scenario id
     * @param model             the model id or inline name
     * @param parentAnalyte     what the parent concentrations are, e.g. "S-ketamine"
     * @param metaboliteAnalyte what the metabolite concentrations are, or empty
     * @param summary           the numbers
     * @param pd                the pharmacodynamic curves
     */
    public record Row(String id, String model, String parentAnalyte, String metaboliteAnalyte, Summary summary,
                      PdCurves pd) {
    }

    /**
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeHeader(Writer out) throws IOException {
        out.write(Csv.header(COLUMNS));
    }

    /**
     * @param row the scenario's row
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeRow(Row row, Writer out) throws IOException {
        Summary s = row.summary();
        PdCurves pd = row.pd();
        List<String> cells = new ArrayList<>(List.of(Csv.text(row.id()), Csv.number(s.totalDoseMg()),
                Csv.number(s.doseMgPerKg()), Csv.number(s.cmaxNgPerMl()), Csv.number(s.tmaxH()),
                Csv.number(s.aucNgHPerMl()), Csv.number(s.cmaxExactNgPerMl()), Csv.number(s.tmaxExactH()),
                Csv.number(s.metaboliteCmaxNgPerMl()), Csv.number(s.metaboliteAucNgHPerMl()),
                Csv.number(s.effectCmaxNgPerMl()), Csv.text(row.model()), Csv.text(row.parentAnalyte()),
                Csv.text(row.metaboliteAnalyte()), Csv.number(pd.maxDrugHighScore()),
                Csv.number(pd.baselineNrs()), Csv.number(pd.maxResponderNrsReduction())));
        out.write(Csv.line(cells));
    }
}
