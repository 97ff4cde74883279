package org.ketasim.cli.report;

import java.util.List;
import java.util.Optional;
import org.ketasim.cli.chart.BenefitHarmChart;
import org.ketasim.core.outcomes.OutcomeRow;

/** The benefit–harm chart of the report's rows: their points, families and placebo line. */
public final class BenefitHarmFigure {

    private BenefitHarmFigure() {
    }

    /**
     * @param rows the numbered rows
     * @return the chart, or empty when no row has population outcomes
     */
    public static Optional<BenefitHarmChart> of(List<ReportRow> rows) {
        List<ReportRow> with = rows.stream().filter(r -> r.relief().isPresent()).toList();
        if (with.isEmpty()) {
            return Optional.empty();
        }
        List<String> families = with.stream().map(r -> Labels.family(r.row().family())).distinct().toList();
        List<BenefitHarmChart.Point> points = with.stream().map(r -> {
            OutcomeRow b = r.relief().get();
            OutcomeRow h = r.harm().get();
            return new BenefitHarmChart.Point(r.number(), Labels.family(r.row().family()),
                    Labels.setting(r.row().setting()), h.p(), h.pLo(), h.pHi(), b.p(), b.pLo(), b.pHi(),
                    r.outsideEvidence());
        }).toList();
        double[] placebo = with.stream().mapToDouble(r -> r.placebo().get().p()).sorted().toArray();
        return Optional.of(new BenefitHarmChart(points, families, placebo[placebo.length / 2]));
    }
}
