package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.pd.PdOutcome;

/**
 * Writes {@code summary.csv}, one row per scenario: the fixed columns of the format page
 * ({@code id, total_dose_mg, dose_mg_per_kg, cmax_ng_per_ml, tmax_h, auc_ng_h_per_ml}), then the
 * peak in continuous time ({@code cmax_exact_ng_per_ml, tmax_exact_h}: turning points between rows
 * included), then
 * {@code cmax_metabolite_ng_per_ml}, {@code auc_metabolite_ng_h_per_ml} and
 * {@code cmax_effect_ng_per_ml} (empty where the model has no metabolite or effect site), and the
 * labels {@code model}, {@code parent_analyte} and {@code metabolite_analyte} that say what each
 * concentration is; then the pharmacodynamics: the largest drug-high probability and the hours at
 * 50 % or more, the baseline NRS, the largest expected NRS reduction, and whether it meets each
 * effective-reduction definition of the survey ({@code true}/{@code false}; empty where the model
 * lacks the effect site).
 * Stateless and thread-safe.
 */
public final class SummaryWriter {

    /** The header line's columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml",
            "tmax_h", "auc_ng_h_per_ml", "cmax_exact_ng_per_ml", "tmax_exact_h", "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml",
            "cmax_effect_ng_per_ml", "model", "parent_analyte", "metabolite_analyte", "max_drug_high_probability",
            "drug_high_hours", "baseline_nrs", "max_nrs_reduction", "meets_2_points", "meets_3_points",
            "meets_30_percent", "meets_50_percent");

    /**
     * One scenario's row.
     *
     * @param id                the scenario id
     * @param model             the model id or inline name
     * @param parentAnalyte     what the parent concentrations are, e.g. "S-ketamine"
     * @param metaboliteAnalyte what the metabolite concentrations are, or empty
     * @param summary           the numbers
     * @param pd                the pharmacodynamics
     */
    public record Row(String id, String model, String parentAnalyte, String metaboliteAnalyte, Summary summary,
                      PdOutcome pd) {
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
        PdOutcome pd = row.pd();
        List<String> cells = new ArrayList<>(List.of(Csv.text(row.id()), Csv.number(s.totalDoseMg()),
                Csv.number(s.doseMgPerKg()), Csv.number(s.cmaxNgPerMl()), Csv.number(s.tmaxH()),
                Csv.number(s.aucNgHPerMl()), Csv.number(s.cmaxExactNgPerMl()), Csv.number(s.tmaxExactH()),
                Csv.number(s.metaboliteCmaxNgPerMl()), Csv.number(s.metaboliteAucNgHPerMl()),
                Csv.number(s.effectCmaxNgPerMl()), Csv.text(row.model()), Csv.text(row.parentAnalyte()),
                Csv.text(row.metaboliteAnalyte()), Csv.number(pd.maxDrugHighProbability()),
                Csv.number(pd.drugHighHours()), Csv.number(pd.baselineNrs()), Csv.number(pd.maxNrsReduction())));
        for (EffectiveReduction d : EffectiveReduction.values()) {
            cells.add(Double.isNaN(pd.maxNrsReduction()) ? ""
                    : String.valueOf(d.isMet(pd.maxNrsReduction(), pd.baselineNrs())));
        }
        out.write(Csv.line(cells));
    }
}
