package org.ketasim.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketasim.core.engine.Series;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.pd.PdCurves;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PatientResult;

/**
 * The designer's answer for the typical patient as JSON-ready maps: the curves (thinned to at most
 * {@link WebLimits#MAX_CURVE_POINTS} rows), the summary metrics in full precision (the same numbers
 * as {@code summary.csv}), the pharmacodynamics of a typical volunteer and of a typical responder
 * (named so: neither is a patient), and every warning with the key of the field it belongs to.
 */
final class PatientView {

    private PatientView() {
    }

    /**
     * @param r a simulated typical patient
     * @return its curves, metrics, pharmacodynamics and warnings
     */
    static Map<String, Object> of(PatientResult r) {
        CompiledScenario c = r.scenario();
        Series s = r.series();
        double[] cp = s.values(Observable.PARENT);
        double[] rate = s.pumpRatesMgPerH();
        int[] rows = Thinning.rows(cp, rate, WebLimits.MAX_CURVE_POINTS);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("t", Thinning.pick(s.timesH(), rows));
        series.put("rate", Thinning.pick(rate, rows));
        series.put("cp", Thinning.pick(cp, rows));
        if (s.has(Observable.METABOLITE)) {
            series.put("cm", Thinning.pick(s.values(Observable.METABOLITE), rows));
        }
        if (s.has(Observable.EFFECT)) {
            series.put("ce", Thinning.pick(s.values(Observable.EFFECT), rows));
        }
        Summary m = r.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("totalDoseMg", m.totalDoseMg());
        summary.put("doseMgPerKg", m.doseMgPerKg());
        summary.put("cmaxNgPerMl", m.cmaxNgPerMl());
        summary.put("tmaxH", m.tmaxH());
        summary.put("aucNgHPerMl", m.aucNgHPerMl());
        summary.put("metaboliteCmaxNgPerMl", Json.number(m.metaboliteCmaxNgPerMl()));
        summary.put("metaboliteAucNgHPerMl", Json.number(m.metaboliteAucNgHPerMl()));
        summary.put("effectCmaxNgPerMl", Json.number(m.effectCmaxNgPerMl()));
        PdCurves pd = r.pd();
        double[] nrs = pd.responderNrsReduction();
        Map<String, Object> pdMap = new LinkedHashMap<>();
        pdMap.put("volunteerPeakDrugHigh", Json.number(pd.maxDrugHighScore()));
        pdMap.put("responderNrsReductionAtEnd", Json.number(nrs.length == 0 ? Double.NaN : nrs[nrs.length - 1]));
        pdMap.put("responderMaxNrsReduction", Json.number(pd.maxResponderNrsReduction()));
        pdMap.put("baselineNrs", c.baselineNrs());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("analyte", c.parentAnalyte());
        out.put("metaboliteAnalyte", c.metaboliteAnalyte().orElse(null));
        out.put("modelId", c.modelId());
        out.put("rows", s.size());
        out.put("series", series);
        out.put("summary", summary);
        out.put("pd", pdMap);
        out.put("warnings", warnings(c.warnings()));
        return out;
    }

    /**
     * @param warnings a compiled scenario's warnings
     * @return each as kind, key, line and message
     */
    static List<Map<String, Object>> warnings(List<Warning> warnings) {
        return warnings.stream().map(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", w.kind().name());
            m.put("key", w.location().key());
            m.put("line", w.location().line());
            m.put("message", w.message());
            m.put("text", w.toString());
            return m;
        }).toList();
    }
}
