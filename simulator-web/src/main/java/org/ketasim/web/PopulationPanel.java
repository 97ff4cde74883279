package org.ketasim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.ketasim.core.Ketasim;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.units.Quantity;

/**
 * The designer's population panel: the scenario's patient as a virtual population with the model's
 * published variability (the core's {@link org.ketasim.core.simulation.PopulationSimulator}, all
 * processors, a fixed seed so that the same design always gives the same panel), as percentile
 * bands per analyte and as shares of subjects, each with its exact (Clopper–Pearson) 95 % interval
 * for a population of the simulated size. Those intervals cover the sampling of the subjects only,
 * not the uncertainty of the model's parameters, and the answer says so. With them come the core's
 * outcome rows ({@link org.ketasim.core.outcomes.PopulationOutcomes}: the share of patients with
 * relief and with psychomimetic effects, drug and placebo arms, 95 % intervals over the outcome
 * models' parameter uncertainty, and the evidence flags with their reasons).
 */
final class PopulationPanel {

    /** The seed of every panel, so that a design's panel is reproducible ({@code ketasim population --seed 42}). */
    static final long SEED = 42;
    private static final double CONFIDENCE = 0.95;
    /** The most output rows of a panel. */
    static final int PANEL_ROWS = 600;

    private PopulationPanel() {
    }

    /**
     * @param s        the scenario
     * @param subjects how many subjects
     * @param outcomes whether to run the outcome models too (about twice the time of the bands)
     * @return the bands, the shares and what the intervals cover
     * @throws InputException if the size is out of bounds or the model has no variability
     */
    static Map<String, Object> of(Scenario scenario, int subjects, boolean outcomes) {
        Scenario s = panelGrid(scenario);
        CompiledScenario c = s.compile();
        long rows = c.plan().grid().size();
        if (subjects < 1 || subjects > WebLimits.MAX_SUBJECTS) {
            throw Json.problem("subjects", "the number of subjects must be 1 to "
                    + WebLimits.MAX_SUBJECTS + ", got " + subjects);
        }
        if (subjects * rows > WebLimits.MAX_SUBJECT_ROWS) {
            throw Json.problem("subjects", subjects + " subjects of " + rows
                    + " output rows are more than the server simulates at once (" + WebLimits.MAX_SUBJECT_ROWS
                    + " subject-rows); use fewer subjects or 'ketasim population'");
        }
        PopulationSettings settings = PopulationSettings.of(subjects, SEED)
                .withThreads(PopulationSettings.defaultThreads())
                .withOutcomeReplicates(outcomes ? PopulationSettings.DEFAULT_OUTCOME_REPLICATES : 0);
        PopulationResult p = Ketasim.population(s, settings).result();
        double[] t = p.timesH();
        double[][] cpBands = p.bands().get(Observable.PARENT);
        int[] keep = Thinning.rows(cpBands[cpBands.length / 2], null, WebLimits.MAX_CURVE_POINTS);
        Map<String, Object> bands = new LinkedHashMap<>();
        bands.put("t", Thinning.pick(t, keep));
        for (Map.Entry<Observable, double[][]> e : p.bands().entrySet()) {
            List<float[]> byPercentile = new ArrayList<>();
            for (double[] band : e.getValue()) {
                byPercentile.add(Thinning.pick(band, keep));
            }
            bands.put(e.getKey().column(), byPercentile);
        }
        List<Map<String, Object>> shares = new ArrayList<>();
        List<AnalyteWindow> windows = p.windows();
        for (int w = 0; w < windows.size(); w++) {
            AnalyteWindow win = windows.get(w);
            if (p.counts().inside()[w] < 0) {
                continue;
            }
            String range = Double.isInfinite(win.highNgPerMl()) ? "above " + AnalyteWindow.bound(win.lowNgPerMl()) + " ng/mL"
                    : AnalyteWindow.bound(win.lowNgPerMl()) + " to " + AnalyteWindow.bound(win.highNgPerMl()) + " ng/mL";
            String where = win.site().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                    + win.analyte().label();
            shares.add(share("inside:" + win.name(), where + " " + range + " at some time (" + win.name()
                    .replace('_', ' ') + ")", p.counts().inside()[w], subjects));
            if (Double.isFinite(win.highNgPerMl())) {
                shares.add(share("above:" + win.name(), where + " above " + AnalyteWindow.bound(win.highNgPerMl()) + " ng/mL",
                        p.counts().above()[w], subjects));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subjects", subjects);
        out.put("seed", SEED);
        out.put("percentiles", settings.percentiles());
        out.put("bands", bands);
        out.put("shares", shares);
        out.put("intervals", "exact 95 % intervals for " + subjects + " simulated subjects: they cover the sampling "
                + "of the subjects, not the uncertainty of the model's parameters; concentrations at "
                + c.plan().grid().size() + " output rows, every " + String.format(java.util.Locale.ROOT, "%.3g min",
                s.simulation().stepH() * 60));
        out.put("variabilityNotApplied", p.variability().notApplied());
        out.put("outcomes", p.outcomes().map(o -> o.rows().stream().map(PopulationPanel::outcome).toList())
                .orElse(List.of()));
        return out;
    }

    /**
     * @param s a scenario
     * @return it on an output grid of at most {@value #PANEL_ROWS} rows: a panel's bands are drawn
     *         at a few hundred points, and the subjects' work grows with the rows
     */
    static Scenario panelGrid(Scenario s) {
        double step = s.simulation().stepH();
        double coarse = s.simulation().durationH() / PANEL_ROWS;
        return coarse <= step ? s : s.withSimulation(new SimulationSpec(s.simulation().duration(),
                Quantity.of(coarse * 60, "min")));
    }

    /**
     * @param r an outcome row of the core's outcome models
     * @return it as {arm, measure, time, p, pLo, pHi, outsideEvidence, reasons}
     */
    private static Map<String, Object> outcome(OutcomeRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arm", r.arm().id());
        m.put("measure", r.measure().id());
        m.put("time", r.time());
        m.put("p", r.p());
        m.put("pLo", Json.number(r.pLo()));
        m.put("pHi", Json.number(r.pHi()));
        m.put("outsideEvidence", r.outsideEvidence());
        m.put("reasons", r.reasons().stream().map(EvidenceReason::text).toList());
        return m;
    }

    private static Map<String, Object> share(String id, String label, long count, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("label", label);
        m.put("p", count / (double) n);
        m.put("pLo", exactLower(count, n));
        m.put("pHi", exactUpper(count, n));
        return m;
    }

    /**
     * The Clopper–Pearson bounds as beta quantiles (Commons Math's ClopperPearsonInterval fails at 0
     * and n successes, where the bounds are 0 and 1).
     *
     * @param k successes
     * @param n trials
     * @return the lower 95 % bound
     */
    static double exactLower(long k, int n) {
        return k == 0 ? 0 : new BetaDistribution(k, n - k + 1.0).inverseCumulativeProbability((1 - CONFIDENCE) / 2);
    }

    /**
     * @param k successes
     * @param n trials
     * @return the upper 95 % bound (see {@link #exactLower})
     */
    static double exactUpper(long k, int n) {
        return k == n ? 1 : new BetaDistribution(k + 1.0, n - k).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }
}
