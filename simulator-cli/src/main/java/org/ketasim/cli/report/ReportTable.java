package org.ketasim.cli.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.problems.Warning;

/**
 * The report's two tables, grouped by family and setting (one {@code tbody} each, headed by its
 * name): the regimens (doses as given, the S-ketamine in them, the population outcomes with their
 * intervals, the evidence flag and warnings in a line under the row), and the exposure of each
 * regimen's typical patient (peaks, AUC, hours in each window). Every cell shows a formatted value
 * and, for sorting, carries the full one in {@code data-v}; every text is escaped.
 */
final class ReportTable {

    private record Column(String header, String unit, Function<ReportRow, Cell> cell) {
    }

    private record Cell(String text, String sortKey) {
        static Cell number(String text, double v) {
            return new Cell(text, Figures.sortKey(v));
        }

        static Cell share(java.util.Optional<OutcomeRow> r) {
            return r.map(o -> new Cell(Figures.share(o), Figures.sortKey(o.p()))).orElse(new Cell("", ""));
        }
    }

    private final StringBuilder html;
    private final boolean withModel;

    /**
     * @param html      where the tables are written
     * @param withModel whether rows name their model (several models were compared)
     */
    ReportTable(StringBuilder html, boolean withModel) {
        this.html = html;
        this.withModel = withModel;
    }

    /** Writes the regimens' table: doses, outcomes and flags. */
    void regimens(List<ReportRow> rows) {
        List<Column> columns = List.of(
                new Column("Route", "", r -> new Cell(Labels.routes(r.row().routes()), r.row().routes())),
                new Column("Drug as given", "", r -> new Cell(Labels.drug(r.row().drug()), r.row().drug())),
                new Column("Dose as given", "mg", r -> Cell.number(Figures.dose(r.row().totalDoseMg()),
                        r.row().totalDoseMg())),
                new Column("S-ketamine in it", "mg", r -> Cell.number(Figures.dose(r.row().sKetamineDoseMg()),
                        r.row().sKetamineDoseMg())),
                new Column("Dose per kg", "mg/kg", r -> Cell.number(Figures.perKg(r.row().totalDoseMg()
                        / r.row().weightKg()), r.row().totalDoseMg() / r.row().weightKg())),
                new Column("Highest pump rate", "mg/h", r -> Cell.number(Figures.dose(r.row().peakRateMgPerH()),
                        r.row().peakRateMgPerH())),
                new Column("Pump running", "h", r -> Cell.number(Figures.hours(r.row().infusionHours()),
                        r.row().infusionHours())),
                new Column("\u2265 30 % relief at 4 weeks", "% of patients (95 % interval)",
                        r -> Cell.share(r.relief())),
                new Column("Same on placebo", "% of patients", r -> Cell.share(r.placebo())),
                new Column("Psychomimetic effects", "% of patients (95 % interval)", r -> Cell.share(r.harm())),
                new Column("Drug high, typical volunteer", "peak, % of scale maximum",
                        r -> Cell.number(Figures.percent(r.row().peakDrugHighScore()), r.row().peakDrugHighScore())));
        table("regimens", "Regimens: doses, outcomes and flags", columns, rows, true);
    }

    /** Writes the exposure table: the typical patient's concentrations and hours in each window. */
    void exposure(List<ReportRow> rows, List<AnalyteWindow> windows) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                new Column("Peak plasma", "ng/mL", r -> Cell.number(Figures.concentration(r.row().cmax()),
                        r.row().cmax())),
                new Column("Analyte", "", r -> new Cell(r.row().analyte(), r.row().analyte())),
                new Column("AUC", "ng\u00b7h/mL", r -> Cell.number(Figures.auc(r.row().auc()), r.row().auc())),
                new Column("Peak metabolite", "ng/mL", r -> Cell.number(Figures.concentration(r.row().cmaxMetabolite()),
                        r.row().cmaxMetabolite()))));
        for (AnalyteWindow w : windows) {
            columns.add(new Column("Hours in " + Labels.window(w.name()), "h", r -> {
                double h = r.row().windowHours().getOrDefault(w.name(), Double.NaN);
                return Cell.number(Figures.hours(h), h);
            }));
        }
        table("exposure", "Exposure of each regimen's typical patient", columns, rows, false);
    }

    private void table(String id, String caption, List<Column> columns, List<ReportRow> rows, boolean notes) {
        int span = columns.size() + 2;
        html.append("<table class=\"sortable\" id=\"").append(id).append("\">\n<caption>").append(escapeHtml4(caption))
                .append("</caption>\n<thead><tr><th scope=\"col\">No.</th><th scope=\"col\" class=\"t\">Regimen</th>");
        for (Column c : columns) {
            html.append("<th scope=\"col\">").append(escapeHtml4(c.header()));
            if (!c.unit().isEmpty()) {
                html.append("<span class=\"u\">").append(escapeHtml4(c.unit())).append("</span>");
            }
            html.append("</th>");
        }
        html.append("</tr></thead>\n");
        Map<String, List<ReportRow>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(Labels.family(r.row().family()) + " \u00b7 "
                + Labels.setting(r.row().setting()).toLowerCase(java.util.Locale.ROOT), g -> new java.util.ArrayList<>())
                .add(r));
        for (var group : groups.entrySet()) {
            html.append("<tbody>\n<tr class=\"g\"><th colspan=\"").append(span).append("\" scope=\"rowgroup\">")
                    .append(escapeHtml4(group.getKey())).append(" <span class=\"u\">(")
                    .append(group.getValue().size()).append(")</span></th></tr>\n");
            for (ReportRow r : group.getValue()) {
                row(r, columns, notes, span);
            }
            html.append("</tbody>\n");
        }
        html.append("</table>\n");
    }

    private void row(ReportRow r, List<Column> columns, boolean notes, int span) {
        boolean flagged = r.outsideEvidence() || !r.warnings().isEmpty();
        html.append("<tr class=\"r").append(r.outsideEvidence() ? " out" : "").append("\"><td data-v=\"")
                .append(r.number()).append("\">").append(r.number()).append("</td><td class=\"t\" data-v=\"")
                .append(escapeHtml4(r.row().id())).append("\"><a href=\"#s-").append(escapeHtml4(r.row().id()))
                .append("\">").append(escapeHtml4(r.title())).append("</a><span class=\"id\">")
                .append(escapeHtml4(r.label(withModel))).append("</span></td>");
        for (Column c : columns) {
            Cell cell = c.cell().apply(r);
            html.append("<td data-v=\"").append(escapeHtml4(cell.sortKey())).append("\">")
                    .append(escapeHtml4(cell.text())).append("</td>");
        }
        html.append("</tr>\n");
        if (notes && flagged) {
            html.append("<tr class=\"n\"><td></td><td colspan=\"").append(span - 1).append("\">");
            if (r.outsideEvidence()) {
                html.append("<span class=\"flag\">Outside the evidence:</span> ");
                html.append(escapeHtml4(String.join("; ", r.evidenceReasons().stream().map(EvidenceReason::limit)
                        .map(Labels::evidence).distinct().toList()))).append(". ");
            }
            for (Warning w : r.warnings()) {
                html.append("<span class=\"warn\">").append(escapeHtml4(Labels.capitalise(Labels.warning(w.kind()))))
                        .append(":</span> ").append(escapeHtml4(w.message())).append(" ");
            }
            html.append("</td></tr>\n");
        }
    }
}
