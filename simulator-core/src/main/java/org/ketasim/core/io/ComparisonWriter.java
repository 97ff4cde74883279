package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.compare.ComparisonRow;

/**
 * Writes {@code comparison.csv}, one row per scenario and model: {@code id, family, setting, route,
 * drug, model, analyte, weight_kg, total_dose_mg, total_dose_mg_per_kg, s_ketamine_dose_mg,
 * peak_rate_mg_per_h, peak_rate_mg_per_kg_per_h, infusion_hours, course_end_h, cmax_ng_per_ml,
 * auc_ng_h_per_ml, cmax_metabolite_ng_per_ml, auc_metabolite_ng_h_per_ml} (the typical patient's
 * exposure), then {@code hours_in_<window>} per concentration window (the typical patient's), then
 * {@code peak_drug_high_score} (a typical healthy volunteer's, {@code pd.PdCurves}), then
 * {@code pk_variability} and the population outcomes' columns ({@link OutcomeColumns}: the shares
 * {@code p_<measure>_<time>} with {@code _lo} and {@code _hi}, the placebo arm's, and
 * {@code outside_evidence, outside_evidence_reasons}; empty for the typical patient alone). Empty
 * cells where the model cannot give the value. Stateless and thread-safe.
 */
public final class ComparisonWriter {

    /**
     * @param windows the window names, in column order
     * @return the header's columns, unique (see {@link Csv#uniqueNames})
     */
    public static List<String> columns(List<String> windows) {
        List<String> c = new ArrayList<>(List.of("id", "family", "setting", "route", "drug", "model", "analyte",
                "weight_kg", "total_dose_mg", "total_dose_mg_per_kg", "s_ketamine_dose_mg", "peak_rate_mg_per_h",
                "peak_rate_mg_per_kg_per_h", "infusion_hours", "course_end_h", "cmax_ng_per_ml", "auc_ng_h_per_ml",
                "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml"));
        windows.forEach(w -> c.add("hours_in_" + w));
        c.addAll(List.of("peak_drug_high_score", "pk_variability"));
        c.addAll(OutcomeColumns.names());
        return Csv.uniqueNames(c);
    }

    /**
     * @param windows the window names, in column order
     * @param rows    the rows
     * @param out     where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(List<String> windows, List<ComparisonRow> rows, Writer out) throws IOException {
        out.write(Csv.header(columns(windows)));
        for (ComparisonRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(Csv.text(r.id()), Csv.text(r.family()), Csv.text(r.setting()),
                    Csv.text(r.routes()), Csv.text(r.drug()), Csv.text(r.model()), Csv.text(r.analyte()),
                    Csv.number(r.weightKg()), Csv.number(r.totalDoseMg()), Csv.number(r.totalDoseMg() / r.weightKg()),
                    Csv.number(r.sKetamineDoseMg()), Csv.number(r.peakRateMgPerH()),
                    Csv.number(r.peakRateMgPerH() / r.weightKg()), Csv.number(r.infusionHours()),
                    Csv.number(r.courseEndH()), Csv.number(r.cmax()), Csv.number(r.auc()),
                    Csv.number(r.cmaxMetabolite()), Csv.number(r.aucMetabolite())));
            windows.forEach(w -> cells.add(Csv.number(r.windowHours().getOrDefault(w, Double.NaN))));
            cells.add(Csv.number(r.peakDrugHighScore()));
            cells.add(r.outcomes().isPresent() ? Boolean.toString(r.pkVariability()) : "");
            cells.addAll(OutcomeColumns.cells(r.outcomes()));
            out.write(Csv.line(cells));
        }
    }
}
