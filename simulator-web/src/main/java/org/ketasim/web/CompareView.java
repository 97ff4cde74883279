package org.ketasim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.compare.Comparison;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.Scenario;

/**
 * The compare view: several regimens on their own patients, each computed by the core's
 * {@link Comparison} (the numbers of {@code ketasim compare}'s {@code comparison.csv} and report
 * table) with its plasma curve. Only the browser chooses the shared time axis.
 */
final class CompareView {

    private CompareView() {
    }

    /**
     * One regimen to compare.
     *
     * @param label  what the browser calls it
     * @param family its catalogue family, or {@code mine}
     * @param design the design
     */
    record Item(String label, String family, Design design) {
    }

    /**
     * The request.
     *
     * @param items the regimens, 1 to {@link WebLimits#MAX_COMPARED}
     */
    record Request(List<Item> items) {
    }

    /**
     * @param request the regimens
     * @param designs how designs become scenarios
     * @return per regimen its label, title, curve and row, and the windows' names
     * @throws InputException naming the regimen, for too many regimens or a design that cannot be simulated
     */
    static Map<String, Object> of(Request request, Designs designs) {
        if (request.items() == null || request.items().isEmpty() || request.items().size() > WebLimits.MAX_COMPARED) {
            throw Json.problem("items", "compare 1 to " + WebLimits.MAX_COMPARED + " regimens");
        }
        Comparison comparison = new Comparison(Engine.MODAL, WindowChoice.PUBLISHED, Optional.of(PopulationSettings
                .of(Comparison.DEFAULT_SUBJECTS, Comparison.DEFAULT_SEED)
                .withThreads(PopulationSettings.defaultThreads())));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            if (item == null || item.design() == null) {
                throw Json.problem("items[" + i + "]", "each regimen needs a design, got none");
            }
            Scenario s = designs.scenario(item.design());
            CompiledScenario c = s.compile();
            Comparison.Result r = comparison.of(c, item.family() == null ? "" : item.family());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", item.label());
            m.put("title", s.title());
            m.put("source", s.source());
            m.put("t", r.timesH());
            m.put("cp", r.cp());
            m.put("row", row(r.row()));
            m.put("warnings", PatientView.warnings(c.warnings()));
            items.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("windows", WindowChoice.PUBLISHED.names());
        out.put("population", Comparison.DEFAULT_SUBJECTS + " virtual patients per regimen (seed "
                + Comparison.DEFAULT_SEED + "), "
                + PopulationSettings.DEFAULT_OUTCOME_REPLICATES + " replicates of the outcome models' parameter "
                + "uncertainty: shares with 95 % intervals");
        return out;
    }

    private static Map<String, Object> row(ComparisonRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("setting", r.setting());
        m.put("routes", r.routes());
        m.put("drug", r.drug());
        m.put("model", r.model());
        m.put("analyte", r.analyte());
        m.put("weightKg", r.weightKg());
        m.put("totalDoseMg", r.totalDoseMg());
        m.put("peakRateMgPerH", r.peakRateMgPerH());
        m.put("infusionHours", r.infusionHours());
        m.put("courseEndH", r.courseEndH());
        m.put("cmax", r.cmax());
        m.put("auc", r.auc());
        m.put("cmaxMetabolite", Json.number(r.cmaxMetabolite()));
        m.put("windowHours", r.windowHours());
        m.put("sKetamineDoseMg", r.sKetamineDoseMg());
        m.put("volunteerPeakDrugHigh", Json.number(r.peakDrugHighScore()));
        m.put("pkVariability", r.pkVariability());
        OutcomeResult o = r.outcomes().orElseThrow();
        String fourWeeks = OutcomeTime.FOUR_WEEKS.label();
        m.put("relief4Weeks", share(o.row(Arm.DRUG, Measure.MEETS_30_PERCENT, fourWeeks)));
        m.put("placeboRelief4Weeks", share(o.row(Arm.PLACEBO, Measure.MEETS_30_PERCENT, fourWeeks)));
        m.put("psychomimetic", share(o.row(Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE)));
        m.put("placeboPsychomimetic", share(o.row(Arm.PLACEBO, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE)));
        List<EvidenceReason> reasons = o.drugEvidenceReasons();
        m.put("outsideEvidence", !reasons.isEmpty());
        m.put("reasons", reasons.stream().map(EvidenceReason::text).toList());
        return m;
    }

    private static Map<String, Object> share(OutcomeRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p", r.p());
        m.put("pLo", Json.number(r.pLo()));
        m.put("pHi", Json.number(r.pHi()));
        return m;
    }
}
