package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.metrics.ConcentrationWindow;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.pd.PdOutcome;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.Subject;
import org.ketasim.core.scenario.Sweep;
import org.ketasim.core.scenario.SweepAxis;
import org.ketasim.core.sweep.SweepPoint;

/**
 * Writes a sweep's tidy tables, one line per grid point ({@code sweep.csv}) and, for populations,
 * one per subject ({@code sweep_subjects.csv}).
 *
 * <p>{@code sweep.csv}: {@code point}, {@code scenario} (the base file, relative to the sweep
 * file), one column per axis (its key, the value as written), the
 * typical patient's {@code total_dose_mg, dose_mg_per_kg, cmax_ng_per_ml, tmax_h, auc_ng_h_per_ml,
 * cmax_metabolite_ng_per_ml, auc_metabolite_ng_h_per_ml, cmax_effect_ng_per_ml},
 * {@code hours_in_<window>} per window, {@code max_drug_high_probability, drug_high_hours,
 * max_nrs_reduction} and {@code meets_*}; with a {@code subjects} axis also {@code seed},
 * {@code p_inside_<window>}, {@code p_above_<window>} per window, {@code p_drug_high} and
 * {@code p_meets_*}; last, {@code problem}: empty, or why the point could not be simulated (its
 * other cells are then empty).
 *
 * <p>{@code sweep_subjects.csv}: {@code point}, {@code scenario}, the axes, {@code subject, weight_kg,
 * cmax_ng_per_ml, tmax_h, auc_ng_h_per_ml, cmax_metabolite_ng_per_ml}, {@code hours_in_<window>},
 * {@code max_drug_high_probability, max_nrs_reduction}. Stateless and thread-safe.
 */
public final class SweepWriter {

    private final Sweep sweep;
    private final List<ConcentrationWindow> windows;
    private final boolean populations;
    private final int columns;

    /**
     * @param sweep   the sweep
     * @param windows the windows reported per point
     */
    public SweepWriter(Sweep sweep, List<ConcentrationWindow> windows) {
        this.sweep = sweep;
        this.windows = List.copyOf(windows);
        this.populations = sweep.axes().stream().anyMatch(a -> a.field() == SweepAxis.Field.SUBJECTS);
        this.columns = header().strip().split(",").length;
    }

    /** @return the header of {@code sweep.csv}, with its line break */
    public String header() {
        List<String> h = new ArrayList<>(List.of("point", "scenario"));
        sweep.axes().forEach(a -> h.add(a.field().key()));
        h.addAll(List.of("total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml", "tmax_h", "auc_ng_h_per_ml",
                "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml", "cmax_effect_ng_per_ml"));
        windows.forEach(w -> h.add("hours_in_" + w.name()));
        h.addAll(List.of("max_drug_high_probability", "drug_high_hours", "max_nrs_reduction"));
        for (EffectiveReduction d : EffectiveReduction.values()) {
            h.add(d.column());
        }
        if (populations) {
            h.add("seed");
            for (ConcentrationWindow w : windows) {
                h.add("p_inside_" + w.name());
                h.add("p_above_" + w.name());
            }
            h.add("p_drug_high");
            for (EffectiveReduction d : EffectiveReduction.values()) {
                h.add("p_" + d.column());
            }
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
        if (p.patient().isEmpty()) {
            while (cells.size() < columns - 1) {
                cells.add("");
            }
            cells.add(Csv.text(p.problem()));
            out.write(Csv.line(cells));
            return;
        }
        Summary s = p.patient().get().summary();
        PdOutcome pd = p.patient().get().pd();
        for (double v : new double[] {s.totalDoseMg(), s.doseMgPerKg(), s.cmaxNgPerMl(), s.tmaxH(), s.aucNgHPerMl(),
            s.metaboliteCmaxNgPerMl(), s.metaboliteAucNgHPerMl(), s.effectCmaxNgPerMl()}) {
            cells.add(Csv.number(v));
        }
        var series = p.patient().get().series();
        for (ConcentrationWindow w : windows) {
            cells.add(Csv.number(w.hoursInside(series.timesH(), series.values(Observable.PARENT))));
        }
        cells.add(Csv.number(pd.maxDrugHighProbability()));
        cells.add(Csv.number(pd.drugHighHours()));
        cells.add(Csv.number(pd.maxNrsReduction()));
        for (EffectiveReduction d : EffectiveReduction.values()) {
            cells.add(Double.isNaN(pd.maxNrsReduction()) ? "" : String.valueOf(d.isMet(pd.maxNrsReduction(),
                    pd.baselineNrs())));
        }
        if (populations) {
            PopulationResult r = p.population().orElseThrow();
            cells.add(Long.toString(r.settings().seed()));
            for (int w = 0; w < windows.size(); w++) {
                cells.add(Csv.number(r.probabilityInside(w)));
                cells.add(Csv.number(r.probabilityAbove(w)));
            }
            cells.add(Csv.number(r.probabilityDrugHigh()));
            for (EffectiveReduction d : EffectiveReduction.values()) {
                cells.add(Csv.number(r.probabilityMet(d)));
            }
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
        windows.forEach(w -> h.add("hours_in_" + w.name()));
        h.addAll(List.of("max_drug_high_probability", "max_nrs_reduction"));
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
            cells.add(Csv.number(s.maxDrugHighProbability()));
            cells.add(Csv.number(s.maxNrsReduction()));
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
