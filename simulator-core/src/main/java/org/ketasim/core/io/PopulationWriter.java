package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.compare.ConcentrationWindow;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.population.IndividualParameter;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.PopulationResult.Analyte;
import org.ketasim.core.population.Subject;

/**
 * Writes a population's three tables, each with the master seed as its first column:
 * <ul>
 * <li>{@code population_bands.csv}: {@code seed, time_h}, then per analyte the model has (parent,
 * metabolite, effect) and per percentile {@code <analyte>_p<percentile>_ng_per_ml};</li>
 * <li>{@code population_subjects.csv}: {@code seed, subject, weight_kg}, one {@code eta_<parameter>}
 * per varied parameter, the summary metrics, {@code hours_in_<window>} per window, the largest
 * drug-high probability and NRS reduction, and {@code meets_*} per effective-reduction definition;</li>
 * <li>{@code population_probabilities.csv}, tidy: {@code seed, subjects, measure, value} with
 * {@code p_inside_<window>} (any time inside), {@code p_above_<window>} (Cmax above its upper
 * bound), {@code mean_hours_in_<window>}, {@code p_drug_high} (50 % or more at some time) and
 * {@code p_<definition>} per effective-reduction definition (empty without the effect site).</li>
 * </ul>
 * Numbers in full precision; empty cells for NaN. Stateless and thread-safe.
 */
public final class PopulationWriter {

    /**
     * @param r   the population
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeBands(PopulationResult r, Writer out) throws IOException {
        List<Analyte> analytes = present(r);
        double[] p = r.settings().percentiles();
        List<String> header = new ArrayList<>(List.of("seed", "time_h"));
        for (Analyte a : analytes) {
            for (double percentile : p) {
                header.add(a.column() + "_p" + PopulationSettings.label(percentile).replace('.', '_') + "_ng_per_ml");
            }
        }
        out.write(Csv.header(header));
        String seed = Long.toString(r.settings().seed());
        double[] t = r.timesH();
        for (int row = 0; row < t.length; row++) {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(seed);
            cells.add(Csv.number(t[row]));
            for (Analyte a : analytes) {
                for (int k = 0; k < p.length; k++) {
                    cells.add(Csv.number(r.bands()[a.ordinal()][k][row]));
                }
            }
            out.write(Csv.line(cells));
        }
    }

    /**
     * @param r   the population
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeSubjects(PopulationResult r, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("seed", "subject", "weight_kg"));
        for (IndividualParameter parameter : r.variability().parameters()) {
            header.add("eta_" + parameter.cardName().replace(' ', '_'));
        }
        header.addAll(List.of("total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml", "tmax_h", "auc_ng_h_per_ml",
                "cmax_metabolite_ng_per_ml", "auc_metabolite_ng_h_per_ml", "cmax_effect_ng_per_ml"));
        for (ConcentrationWindow w : r.settings().windows()) {
            header.add("hours_in_" + w.name());
        }
        header.addAll(List.of("max_drug_high_probability", "max_nrs_reduction"));
        for (EffectiveReduction d : EffectiveReduction.values()) {
            header.add(d.column());
        }
        out.write(Csv.header(header));
        String seed = Long.toString(r.settings().seed());
        for (Subject s : r.subjects()) {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(seed);
            cells.add(Integer.toString(s.index()));
            cells.add(Csv.number(s.weightKg()));
            for (double eta : s.eta()) {
                cells.add(Csv.number(eta));
            }
            Summary m = s.summary();
            for (double v : new double[] {m.totalDoseMg(), m.doseMgPerKg(), m.cmaxNgPerMl(), m.tmaxH(), m.aucNgHPerMl(),
                m.metaboliteCmaxNgPerMl(), m.metaboliteAucNgHPerMl(), m.effectCmaxNgPerMl()}) {
                cells.add(Csv.number(v));
            }
            for (double h : s.hoursInWindow()) {
                cells.add(Csv.number(h));
            }
            cells.add(Csv.number(s.maxDrugHighProbability()));
            cells.add(Csv.number(s.maxNrsReduction()));
            for (EffectiveReduction d : EffectiveReduction.values()) {
                cells.add(Double.isNaN(s.maxNrsReduction()) ? "" : String.valueOf(s.met().get(d)));
            }
            out.write(Csv.line(cells));
        }
    }

    /**
     * @param r   the population
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeProbabilities(PopulationResult r, Writer out) throws IOException {
        out.write(Csv.header(List.of("seed", "subjects", "measure", "value")));
        List<ConcentrationWindow> windows = r.settings().windows();
        for (int w = 0; w < windows.size(); w++) {
            String name = windows.get(w).name();
            writeMeasure(r, "p_inside_" + name, r.probabilityInside(w), out);
            writeMeasure(r, "p_above_" + name, r.probabilityAbove(w), out);
            writeMeasure(r, "mean_hours_in_" + name, r.meanHoursInside(w), out);
        }
        writeMeasure(r, "p_drug_high", r.probabilityDrugHigh(), out);
        for (EffectiveReduction d : EffectiveReduction.values()) {
            writeMeasure(r, "p_" + d.column(), r.probabilityMet(d), out);
        }
    }

    private static void writeMeasure(PopulationResult r, String measure, double value, Writer out) throws IOException {
        out.write(Csv.line(List.of(Long.toString(r.settings().seed()), Integer.toString(r.subjects().size()),
                Csv.text(measure), Csv.number(value))));
    }

    /**
     * Writes {@code population_observations.csv}: {@code seed, subject, time_h, analyte}
     * ({@code parent} or {@code metabolite}), {@code ipred_ng_per_ml} (the subject's prediction) and
     * {@code dv_ng_per_ml} (with the model's residual error).
     *
     * @param r   the population
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeObservations(PopulationResult r, Writer out) throws IOException {
        out.write(Csv.header(List.of("seed", "subject", "time_h", "analyte", "ipred_ng_per_ml", "dv_ng_per_ml")));
        String seed = Long.toString(r.settings().seed());
        for (Subject s : r.subjects()) {
            for (Subject.Observation o : s.observations()) {
                out.write(Csv.line(List.of(seed, Integer.toString(s.index()), Csv.number(o.timeH()),
                        Csv.text(o.analyte().name().toLowerCase(java.util.Locale.ROOT)), Csv.number(o.ipredNgPerMl()),
                        Csv.number(o.dvNgPerMl()))));
            }
        }
    }

    /** @return the analytes with a band (the parent always; the others where the model has them) */
    private static List<Analyte> present(PopulationResult r) {
        List<Analyte> list = new ArrayList<>();
        for (Analyte a : Analyte.values()) {
            if (a == Analyte.PARENT || !Double.isNaN(r.bands()[a.ordinal()][0][0])) {
                list.add(a);
            }
        }
        return list;
    }
}
