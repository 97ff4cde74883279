package org.ketasim.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.problems.Warning;

/**
 * The short list under the benefit–harm chart: per setting, the regimens whose intervals are best,
 * each with the caveats that apply to it. Only regimens inside the evidence of the outcome models
 * and without an implausible dose are ranked, and of those only the ones on the benefit–harm
 * frontier: a regimen is left out when another gives at least as large a share with at least 30 %
 * relief at 4 weeks and no larger a share with psychomimetic effects (at the point estimates), one of
 * them strictly, so that more relief is never listed without the harm that comes with it. The
 * frontier is ordered by the lower end of the 95 % relief interval (the share one can be fairly
 * sure of), then by the upper end of the psychomimetic interval (the harm one cannot rule out), then
 * by id. The rest are counted with their reasons, never dropped silently.
 *
 * @param setting  the setting ("inpatient", "outpatient", or "" for none given)
 * @param ranked   the best regimens, best first, at most {@link #SIZE}
 * @param eligible how many regimens of the setting could be ranked
 * @param unranked the regimens not ranked, with why, by reason, in order of how many
 */
record Ranking(String setting, List<Ranked> ranked, int eligible, Map<String, Long> unranked) {

    /** How many regimens a setting's list shows. */
    static final int SIZE = 5;

    /**
     * One ranked regimen.
     *
     * @param row      the regimen
     * @param caveats  what to keep in mind when reading its place, in words
     */
    record Ranked(ReportRow row, List<String> caveats) {
    }

    /**
     * @param rows the numbered rows (those without population outcomes are left out)
     * @return one ranking per setting present, inpatient first
     */
    static List<Ranking> of(List<ReportRow> rows) {
        Map<Integer, List<ReportRow>> bySetting = new TreeMap<>(rows.stream().filter(r -> r.relief().isPresent())
                .collect(Collectors.groupingBy(r -> ReportRow.settingOrder(r.row().setting()))));
        List<Ranking> out = new ArrayList<>();
        for (List<ReportRow> setting : bySetting.values()) {
            out.add(rank(setting));
        }
        return out;
    }

    private static Ranking rank(List<ReportRow> rows) {
        List<ReportRow> inside = rows.stream().filter(r -> !r.outsideEvidence() && !r.implausible()).toList();
        List<ReportRow> eligible = inside.stream().filter(r -> inside.stream().noneMatch(o -> dominates(o, r)))
                .sorted(Comparator.comparingDouble((ReportRow r) -> -r.relief().get().pLo())
                        .thenComparingDouble(r -> r.harm().get().pHi())
                        .thenComparing(r -> r.row().id()))
                .toList();
        List<Ranked> ranked = new ArrayList<>();
        for (ReportRow r : eligible.subList(0, Math.min(SIZE, eligible.size()))) {
            ranked.add(new Ranked(r, caveats(r, ranked.isEmpty() ? r : ranked.get(0).row())));
        }
        Function<ReportRow, String> why = r -> r.implausible() ? "an implausible dose as written"
                : r.outsideEvidence() ? r.evidenceReasons().stream().map(EvidenceReason::limit).map(Labels::evidence)
                .distinct().collect(Collectors.joining(", "))
                : "another regimen gives at least as much relief with no more psychomimetic effects";
        Map<String, Long> unranked = rows.stream().filter(r -> !eligible.contains(r))
                .collect(Collectors.groupingBy(why, Collectors.counting()));
        Map<String, Long> byCount = new java.util.LinkedHashMap<>();
        unranked.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> byCount.put(e.getKey(), e.getValue()));
        return new Ranking(rows.get(0).row().setting(), ranked, eligible.size(), byCount);
    }

    /**
     * @return whether {@code a} gives at least as large a relief share and no larger a psychomimetic
     *         share than {@code b}, one of them strictly (point estimates)
     */
    static boolean dominates(ReportRow a, ReportRow b) {
        double reliefA = a.relief().get().p();
        double reliefB = b.relief().get().p();
        double harmA = a.harm().get().p();
        double harmB = b.harm().get().p();
        return reliefA >= reliefB && harmA <= harmB && (reliefA > reliefB || harmA < harmB);
    }

    /** @return the caveats of a ranked regimen, given the first of its list */
    static List<String> caveats(ReportRow r, ReportRow first) {
        List<String> caveats = new ArrayList<>();
        OutcomeRow relief = r.relief().orElseThrow();
        OutcomeRow placebo = r.placebo().orElseThrow();
        if (!(relief.pLo() > placebo.p())) {
            caveats.add("its interval reaches down to the placebo share (" + Figures.percent(placebo.p())
                    + "): not shown to beat placebo");
        }
        OutcomeRow top = first.relief().orElseThrow();
        if (r != first && relief.pHi() >= top.pLo()) {
            caveats.add("its interval overlaps that of regimen " + first.number() + ": the order between them is "
                    + "not a shown difference");
        }
        if (!r.row().pkVariability()) {
            caveats.add("the model has no published variability: every virtual patient has the typical exposure");
        }
        for (Warning w : r.warnings()) {
            caveats.add(Labels.warning(w.kind()) + ": " + w.message());
        }
        return caveats;
    }
}
