package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.pd.PdCurves;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.Subject;
import org.ketasim.core.scenario.Sweep;
import org.ketasim.core.scenario.SweepAxis;
import org.ketasim.core.simulation.CurveMetrics;
import org.ketasim.core.sweep.SweepPoint;

/**
 * Writes a sweep's tidy tables, one line per grid point ({@code sweep.csv}) and, for populations,
 * one per subject ({@code sweep_subjects.csv}).
 *
 * <p>{@code sweep.csv}: {@code point}, {@code scenario} (the base file, relative to the sweep
 * file), one column per axis (its key, the value as written), the
 * typical patient's {@code total_dose_mg, dose_mg_per_kg, cmax_ng_per_ml, tmax_h, auc_ng_h_per_ml,
 * cmax_metabolite_ng_per_ml, auc_metabolite_ng_h_per_ml, cmax_effect_ng_per_ml},
 * {@code hours_in_<window>} per window (the typical patient's), {@code max_drug_high_score,
 * responder_max_nrs_reduction} (see {@link PdCurves}); with a {@code subjects} axis also
 * {@code seed}, {@code p_inside_<window>}, {@code p_above_<window>} per window and the population
 * outcomes ({@link OutcomeColumns}); last, {@code problem}: empty, or why the point could not be simulated (its
 * other cells are then empty).
 *
 * <p>{@code sweep_subjects.csv}: {@code point}, {@code scenario}, the axes, {@code subject, weight_kg,
 * cmax_ng_per_ml, tmax_h, auc_ng_h_per_ml, cmax_metabolite_ng_per_ml}, {@code hours_in_<window>},
 * {@code max_drug_high_score, responder_max_nrs_reduction}. Stateless and thread-safe.
 */
public final class SweepWriter {

    private final Sweep sweep;
    private final WindowChoice windows;
    private final boolean populations;
    private final int columns;

    /**
     * @param sweep   the sweep
     * @param windows the windows reported per point
     */
    public SweepWriter(Sweep sweep, WindowChoice windows) {
        this.sweep = sweep;
        this.windows = windows;
        this.populations = sweep.axes().stream().anyMatch(a -> a.field() == SweepAxis.Field.SUBJECTS);
        this.columns = header().strip().split(",").length;
    }

    /** @return the header of {@code sweep.csv}, with its line break */
    public String header() {
        List<String> h = new ArrayList<>(List.of("point", "scenario"));
        sweep.axes().forEach(a -> h.add(a.field().key()));
        h.addAll(List.of("total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml", "tmax_h", "auc_ng_h_per_ml",
                "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml", "cmax_effect_ng_per_ml"));
        windows.names().forEach(w -> h.add("hours_in_" + w));
        h.addAll(List.of("max_drug_high_score", "responder_max_nrs_reduction"));
        if (populations) {
            h.add("seed");
            for (String w : windows.names()) {
                h.add("p_inside_" + w);
                h.add("p_above_" + w);
            }
            h.addAll(OutcomeColumns.names());
        }
        h.add("problem");
        return Csv.header(h);
    }

    /**
     * @param p   a simulated point
     * @param out where to write its line; not closed
     * @throws IOException if writing fails
     */
    public void writeRow(SweepPoint p, Writer out) throws IOException {
        List<String> cells = start(p);
        if (p.typical().isEmpty()) {
            while (cells.size() < columns - 1) {
                cells.add("");
            }
            cells.add(Csv.text(p.problem()));
            out.write(Csv.line(cells));
            return;
        }
        Summary s = p.typical().get().summary();
        CurveMetrics curves = p.typical().get().curves();
        for (double v : new double[] {s.totalDoseMg(), s.doseMgPerKg(), s.cmaxNgPerMl(), s.tmaxH(), s.aucNgHPerMl(),
            s.metaboliteCmaxNgPerMl(), s.metaboliteAucNgHPerMl(), s.effectCmaxNgPerMl()}) {
            cells.add(Csv.number(v));
        }
        for (double hours : curves.hoursInWindow()) {
            cells.add(Csv.number(hours));
        }
        cells.add(Csv.number(curves.maxDrugHighScore()));
        cells.add(Csv.number(curves.maxResponderNrsReduction()));
        if (populations) {
            PopulationResult r = p.population().orElseThrow();
            cells.add(Long.toString(r.settings().seed()));
            for (int w = 0; w < r.windows().size(); w++) {
                cells.add(Csv.number(r.probabilityInside(w)));
                cells.add(Csv.number(r.probabilityAbove(w)));
            }
            cells.addAll(OutcomeColumns.cells(r.outcomes()));
        }
        cells.add("");
        out.write(Csv.line(cells));
    }

    /** @return the header of {@code sweep_subjects.csv}, with its line break */
    public String subjectsHeader() {
        List<String> h = new ArrayList<>(List.of("point", "scenario"));
        sweep.axes().forEach(a -> h.add(a.field().key()));
        h.addAll(List.of("subject", "weight_kg", "cmax_ng_per_ml", "tmax_h", "auc_ng_h_per_ml",
                "cmax_metabolite_ng_per_ml"));
        windows.names().forEach(w -> h.add("hours_in_" + w));
        h.addAll(List.of("max_drug_high_score", "responder_max_nrs_reduction"));
        return Csv.header(h);
    }

    /**
     * @param p   a simulated point
     * @param out where to write one line per subject (none without a population); not closed
     * @throws IOException if writing fails
     */
    public void writeSubjects(SweepPoint p, Writer out) throws IOException {
        for (Subject s : p.subjects()) {
            List<String> cells = start(p);
            cells.add(Integer.toString(s.index()));
            Summary m = s.summary();
            for (double v : new double[] {s.weightKg(), m.cmaxNgPerMl(), m.tmaxH(), m.aucNgHPerMl(),
                m.metaboliteCmaxNgPerMl()}) {
                cells.add(Csv.number(v));
            }
            for (double h : s.hoursInWindow()) {
                cells.add(Csv.number(h));
            }
            cells.add(Csv.number(s.maxDrugHighScore()));
            cells.add(Csv.number(s.maxResponderNrsReduction()));
            out.write(Csv.line(cells));
        }
    }

    private List<String> start(SweepPoint p) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(p.index()));
        cells.add(Csv.text(sweep.base(p.index()).name()));
        p.values().forEach(v -> cells.add(Csv.text(v)));
        return cells;
    }
}
