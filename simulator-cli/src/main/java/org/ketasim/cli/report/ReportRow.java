package org.ketasim.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;
import org.ketasim.core.problems.Warning;

/**
 * A regimen as the report shows it: its comparison row, its number (the same in the table, the
 * benefit–harm chart and the ranking), its title, and the warnings of the scenario it came from.
 *
 * @param number   1, 2, ... in table order; 0 before {@link #numbered}
 * @param row      the numbers
 * @param title    the scenario's title (its id when it has none)
 * @param warnings the scenario's warnings, as compiled for this row's model
 */
public record ReportRow(int number, ComparisonRow row, String title, List<Warning> warnings) {

    /** Copies the list. */
    public ReportRow {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param row      the numbers
     * @param title    the title
     * @param warnings the warnings
     * @return an unnumbered row
     */
    public static ReportRow of(ComparisonRow row, String title, List<Warning> warnings) {
        return new ReportRow(0, row, title, warnings);
    }

    /**
     * @param rows the rows, in the order they were simulated
     * @return the rows grouped by family (in order of first appearance), then by setting
     *         (inpatient, outpatient, none), otherwise in their order, numbered from 1
     */
    public static List<ReportRow> numbered(List<ReportRow> rows) {
        List<String> families = rows.stream().map(r -> r.row().family()).distinct().toList();
        List<ReportRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((ReportRow r) -> families.indexOf(r.row().family()))
                .thenComparingInt(r -> settingOrder(r.row().setting())));
        List<ReportRow> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ReportRow r = sorted.get(i);
            out.add(new ReportRow(i + 1, r.row(), r.title(), r.warnings()));
        }
        return out;
    }

    /** @return 0 for inpatient, 1 for outpatient, 2 for anything else */
    static int settingOrder(String setting) {
        return switch (setting) {
            case "inpatient" -> 0;
            case "outpatient" -> 1;
            default -> 2;
        };
    }

    /** @return the share with at least 30 % relief 4 weeks after the course, on the regimen */
    Optional<OutcomeRow> relief() {
        return outcome(Arm.DRUG, Measure.MEETS_30_PERCENT, OutcomeTime.FOUR_WEEKS.label());
    }

    /** @return the same share on placebo */
    Optional<OutcomeRow> placebo() {
        return outcome(Arm.PLACEBO, Measure.MEETS_30_PERCENT, OutcomeTime.FOUR_WEEKS.label());
    }

    /** @return the share with psychomimetic effects during the course */
    Optional<OutcomeRow> harm() {
        return outcome(Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE);
    }

    /** @return whether the outcomes lie outside the evidence of their models */
    boolean outsideEvidence() {
        return !evidenceReasons().isEmpty();
    }

    /** @return why the outcomes lie outside the evidence (relief's reasons, then harm's), empty inside it */
    List<EvidenceReason> evidenceReasons() {
        return row.outcomes().map(OutcomeResult::drugEvidenceReasons).orElse(List.of());
    }

    /** @return whether the scenario has a dose implausible for analgesia */
    boolean implausible() {
        return warnings.stream().anyMatch(w -> w.kind() == Warning.Kind.IMPLAUSIBLE_DOSE);
    }

    /** @return the regimen's label: its id, with the model when several models were compared */
    String label(boolean withModel) {
        return row.id() + (withModel ? " [" + row.model() + "]" : "");
    }

    private Optional<OutcomeRow> outcome(Arm arm, Measure m, String time) {
        return row.outcomes().map(o -> o.row(arm, m, time));
    }
}
