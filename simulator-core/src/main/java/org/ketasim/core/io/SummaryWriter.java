package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.ketasim.core.metrics.Summary;

/**
 * Writes {@code summary.csv}, one row per scenario: the fixed columns of the format page
 * ({@code id, total_dose_mg, dose_mg_per_kg, cmax_ng_per_ml, tmax_h, auc_ng_h_per_ml}), then
 * {@code cmax_metabolite_ng_per_ml}, {@code auc_metabolite_ng_h_per_ml} and
 * {@code cmax_effect_ng_per_ml} (empty where the model has no metabolite or effect site).
 * Stateless and thread-safe.
 */
public final class SummaryWriter {

    /** The header line's columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml",
            "tmax_h", "auc_ng_h_per_ml", "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml",
            "cmax_effect_ng_per_ml");

    /**
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeHeader(Writer out) throws IOException {
        out.write(Csv.line(COLUMNS));
    }

    /**
     * @param id      the scenario id
     * @param summary its summary
     * @param out     where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeRow(String id, Summary summary, Writer out) throws IOException {
        out.write(Csv.line(List.of(Csv.text(id), Csv.number(summary.totalDoseMg()), Csv.number(summary.doseMgPerKg()),
                Csv.number(summary.cmaxNgPerMl()), Csv.number(summary.tmaxH()), Csv.number(summary.aucNgHPerMl()),
                Csv.number(summary.metaboliteCmaxNgPerMl()), Csv.number(summary.metaboliteAucNgHPerMl()),
                Csv.number(summary.effectCmaxNgPerMl()))));
    }
}
