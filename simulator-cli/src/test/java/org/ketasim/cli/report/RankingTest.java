package org.ketasim.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;

/** The ranked list: the benefit–harm frontier of the regimens inside the evidence. */
class RankingTest {

    private static ReportRow regimen(String id, double relief, double harm, boolean outside) {
        List<EvidenceReason> reasons = outside ? List.of(new EvidenceReason(EvidenceReason.Limit.ROUTE, "route oral"))
                : List.of();
        List<OutcomeRow> rows = List.of(
                new OutcomeRow(Arm.DRUG, Measure.MEETS_30_PERCENT, OutcomeTime.FOUR_WEEKS.label(), relief,
                        relief - 0.2, relief + 0.1, outside, reasons),
                new OutcomeRow(Arm.PLACEBO, Measure.MEETS_30_PERCENT, OutcomeTime.FOUR_WEEKS.label(), 0.2, 0.1, 0.4,
                        false, List.of()),
                new OutcomeRow(Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE, harm, harm - 0.1, harm + 0.05,
                        outside, reasons));
        OutcomeResult o = new OutcomeResult(1, 200, 200, OutcomeTime.DEFAULTS, rows, List.of(), List.of(),
                Optional.empty());
        ComparisonRow row = new ComparisonRow(id, "dutch-survey", "inpatient", "iv", "esketamine", "fanta-otto",
                "S-ketamine", 70, 1000, 1000, 20, 96, 96, 200, 10000, 300, 20000, Map.of(), 0.5, Optional.of(o),
                true);
        return ReportRow.of(row, id, List.of());
    }

    @Test
    void onlyTheFrontierIsRankedAndTheRestIsCountedWithItsReason() {
        List<ReportRow> rows = ReportRow.numbered(List.of(regimen("strong", 0.6, 0.9, false),
                regimen("gentle", 0.5, 0.6, false), regimen("worse", 0.45, 0.7, false),
                regimen("oral", 0.7, 0.3, true)));
        Ranking r = Ranking.of(rows).get(0);
        assertEquals(List.of("strong", "gentle"), r.ranked().stream().map(x -> x.row().row().id()).toList(),
                "'worse' gives less relief with more harm than 'gentle'; 'oral' lies outside the evidence");
        assertEquals(2, r.eligible());
        assertEquals(2, r.unranked().size(), r.unranked().toString());
        assertEquals(1L, r.unranked().get("another regimen gives at least as much relief with no more psychomimetic "
                + "effects"), r.unranked().toString());
        assertTrue(Ranking.dominates(rows.get(1), rows.get(2)), "gentle over worse");
    }

    @Test
    void equalRegimensDoNotDominateEachOther() {
        ReportRow a = regimen("a", 0.5, 0.5, false);
        ReportRow b = regimen("b", 0.5, 0.5, false);
        assertTrue(!Ranking.dominates(a, b) && !Ranking.dominates(b, a));
    }
}
