package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.metrics.ConcentrationWindow;
import org.ketasim.core.pd.EffectiveReduction;

/**
 * Writes {@code comparison.csv}, one row per scenario and model. Columns: {@code id, family,
 * setting, route, drug, model, analyte, weight_kg, total_dose_mg, total_dose_mg_per_kg,
 * peak_rate_mg_per_h, peak_rate_mg_per_kg_per_h, infusion_hours, course_end_h, cmax_ng_per_ml,
 * auc_ng_h_per_ml, cmax_metabolite_ng_per_ml, auc_metabolite_ng_h_per_ml}, then
 * {@code hours_in_<window>} per concentration window, then {@code peak_drug_high_probability,
 * nrs_reduction_end, nrs_reduction_4_weeks, nrs_reduction_12_weeks, max_nrs_reduction} and the
 * four {@code meets_*} columns of the survey's definitions. Empty cells where the model cannot give
 * the value. Stateless and thread-safe.
 */
public final class ComparisonWriter {

    /**
     * @param windows the windows, in column order
     * @return the header's columns, unique (see {@link Csv#uniqueNames})
     */
    public static List<String> columns(List<ConcentrationWindow> windows) {
        List<String> c = new ArrayList<>(List.of("id", "family", "setting", "route", "drug", "model", "analyte",
                "weight_kg", "total_dose_mg", "total_dose_mg_per_kg", "peak_rate_mg_per_h", "peak_rate_mg_per_kg_per_h",
                "infusion_hours", "course_end_h", "cmax_ng_per_ml", "auc_ng_h_per_ml", "cmax_metabolite_ng_per_ml",
                "auc_metabolite_ng_h_per_ml"));
        windows.forEach(w -> c.add("hours_in_" + w.name()));
        c.addAll(List.of("peak_drug_high_probability", "nrs_reduction_end", "nrs_reduction_4_weeks",
                "nrs_reduction_12_weeks", "max_nrs_reduction"));
        for (EffectiveReduction d : EffectiveReduction.values()) {
            c.add(d.column());
        }
        return Csv.uniqueNames(c);
    }

    /**
     * @param windows the windows, in column order
     * @param rows    the rows
     * @param out     where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(List<ConcentrationWindow> windows, List<ComparisonRow> rows, Writer out) throws IOException {
        out.write(Csv.header(columns(windows)));
        for (ComparisonRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(Csv.text(r.id()), Csv.text(r.family()), Csv.text(r.setting()),
                    Csv.text(r.routes()), Csv.text(r.drug()), Csv.text(r.model()), Csv.text(r.analyte()),
                    Csv.number(r.weightKg()), Csv.number(r.totalDoseMg()), Csv.number(r.totalDoseMg() / r.weightKg()),
                    Csv.number(r.peakRateMgPerH()), Csv.number(r.peakRateMgPerH() / r.weightKg()),
                    Csv.number(r.infusionHours()), Csv.number(r.courseEndH()), Csv.number(r.cmax()),
                    Csv.number(r.auc()), Csv.number(r.cmaxMetabolite()), Csv.number(r.aucMetabolite())));
            windows.forEach(w -> cells.add(Csv.number(r.windowHours().get(w.name()))));
            cells.addAll(List.of(Csv.number(r.peakDrugHigh()), Csv.number(r.nrsEnd()), Csv.number(r.nrs4Weeks()),
                    Csv.number(r.nrs12Weeks()), Csv.number(r.maxNrs())));
            for (EffectiveReduction d : EffectiveReduction.values()) {
                Boolean met = r.meets().get(d);
                cells.add(met == null ? "" : met.toString());
            }
            out.write(Csv.line(cells));
        }
    }
}
