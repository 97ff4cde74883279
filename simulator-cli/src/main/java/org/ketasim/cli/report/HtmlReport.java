package org.ketasim.cli.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeAssumptions;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.Scenario;

/** Builds {@code report.html} for a comparison. Not thread-safe; one per report. */
public final class HtmlReport {

    private final StringBuilder html = new StringBuilder(1 << 16);
    private final Map<String, byte[]> charts = new LinkedHashMap<>();

    /**
     * @param caption what the chart shows
     * @param png     the chart as PNG bytes
     */
    public void addChart(String caption, byte[] png) {
        charts.put(caption, png);
    }

    /**
     * @param title     the page title
     * @param context   lines about the run (version, reference patient, models, windows)
     * @param windows   the concentration window names, in column order
     * @param rows      the comparison rows
     * @param scenarios the scenarios, for their sources and notes (first of each id)
     * @param warnings  every warning of the run
     * @return the page
     */
    public String render(String title, List<String> context, List<String> windows,
                         List<ComparisonRow> rows, List<CompiledScenario> scenarios, List<String> warnings) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escapeHtml4(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:110em;color:#222}")
                .append("table{border-collapse:collapse;font-size:85%}th,td{border:1px solid #ccc;padding:2px 6px;")
                .append("text-align:right}th{background:#f0f0f0;position:sticky;top:0}td.t{text-align:left}")
                .append("figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}")
                .append("pre{white-space:pre-wrap;background:#f8f8f8;padding:.5em}.w{color:#8a4b00}")
                .append("\n</style>\n</head>\n<body>\n<h1>").append(escapeHtml4(title)).append("</h1>\n<ul>\n");
        context.forEach(c -> html.append("<li>").append(escapeHtml4(c)).append("</li>\n"));
        html.append("</ul>\n<p>The numbers are in <a href=\"comparison.csv\">comparison.csv</a>, one row per scenario "
                + "and model. Concentrations are of the model's parent analyte (S-ketamine for the S-ketamine models) "
                + "in ng/mL.</p>\n");
        table(windows, rows);
        html.append("<h2>Charts</h2>\n");
        charts.forEach((caption, png) -> html.append("<figure><img alt=\"").append(escapeHtml4(caption))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption>").append(escapeHtml4(caption)).append("</figcaption></figure>\n"));
        html.append("<h2>Warnings</h2>\n");
        if (warnings.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<ul>\n");
            warnings.forEach(w -> html.append("<li class=\"w\">").append(escapeHtml4(w)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Scenarios: sources and assumptions</h2>\n");
        for (CompiledScenario c : scenarios) {
            Scenario s = c.scenario();
            html.append("<h3 id=\"").append(escapeHtml4(s.id())).append("\">")
                    .append(escapeHtml4(s.title().isBlank() ? s.id() : s.title())).append(" <small>(")
                    .append(escapeHtml4(s.id())).append(")</small></h3>\n<p>File ").append(escapeHtml4(s.sourceName()))
                    .append("; model ").append(escapeHtml4(c.modelId())).append("; drug ").append(escapeHtml4(s.drug().id()))
                    .append("; ").append(escapeHtml4(String.valueOf(c.weightKg()))).append(" kg</p>\n<p>Source: ")
                    .append(escapeHtml4(s.source().isBlank() ? "(none given)" : s.source())).append("</p>\n");
            if (!s.notes().isBlank()) {
                html.append("<pre>").append(escapeHtml4(s.notes())).append("</pre>\n");
            }
        }
        html.append("<h2>Method</h2>\n<ul>\n<li>Exact simulation (modal closed form) of each scenario's typical "
                + "patient with its model: Cmax, AUC, hours in the concentration windows (each of its own analyte and "
                + "site) and a typical healthy volunteer's drug-high score over the scenario's simulated time.</li>\n"
                + "<li>Pain relief and psychomimetic effects are shares of a virtual population, each with its 95 % "
                + "uncertainty interval over the outcome models' parameter uncertainty; a flagged row lies outside the "
                + "evidence the models rest on.</li>\n");
        OutcomeAssumptions.LINES.forEach(l -> html.append("<li>").append(escapeHtml4(l)).append("</li>\n"));
        html.append("</ul>\n</body>\n</html>\n");
        return html.toString();
    }

    private void table(List<String> windows, List<ComparisonRow> rows) {
        html.append("<h2>Table</h2>\n<table>\n<tr><th>id</th><th>family</th><th>model</th><th>setting</th><th>route</th>"
                + "<th>drug</th><th>dose mg</th><th>dose mg/kg</th><th>peak mg/h</th><th>infusion h</th>"
                + "<th>Cmax ng/mL</th><th>AUC ng&middot;h/mL</th><th>metabolite Cmax</th>");
        windows.forEach(w -> html.append("<th>h in ").append(escapeHtml4(w)).append("</th>"));
        html.append("<th>peak drug-high score</th><th>&ge; 30 % relief at 4 weeks, regimen</th>"
                + "<th>&ge; 30 % relief at 4 weeks, placebo</th><th>psychomimetic effects</th>"
                + "<th>evidence</th></tr>\n");
        for (ComparisonRow r : rows) {
            html.append("<tr><td class=\"t\"><a href=\"#").append(escapeHtml4(r.id())).append("\">")
                    .append(escapeHtml4(r.id())).append("</a></td>");
            text(r.family());
            text(r.model());
            text(r.setting());
            text(r.routes());
            text(r.drug());
            num(r.totalDoseMg());
            num(r.totalDoseMg() / r.weightKg());
            num(r.peakRateMgPerH());
            num(r.infusionHours());
            num(r.cmax());
            num(r.auc());
            num(r.cmaxMetabolite());
            windows.forEach(w -> num(r.windowHours().getOrDefault(w, Double.NaN)));
            num(r.peakDrugHighScore());
            share(r, Arm.DRUG, Measure.MEETS_30_PERCENT, OutcomeTime.FOUR_WEEKS.label());
            share(r, Arm.PLACEBO, Measure.MEETS_30_PERCENT, OutcomeTime.FOUR_WEEKS.label());
            share(r, Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE);
            text(r.outcomes().map(o -> {
                OutcomeRow row = o.row(Arm.DRUG, Measure.MEETS_30_PERCENT, OutcomeTime.FOUR_WEEKS.label());
                return row.outsideEvidence() ? "OUTSIDE: " + row.reasonCodes().replace(';', ' ') : "inside";
            }).orElse(""));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** A share with its interval, e.g. "36 % (18-61 %)"; empty without a population. */
    private void share(ComparisonRow r, Arm arm, Measure m, String time) {
        text(r.outcomes().map(o -> {
            OutcomeRow row = o.row(arm, m, time);
            return String.format(java.util.Locale.ROOT, "%.0f %% (%.0f-%.0f %%)", 100 * row.p(), 100 * row.pLo(),
                    100 * row.pHi());
        }).orElse(""));
    }

    private void text(String s) {
        html.append("<td class=\"t\">").append(escapeHtml4(s)).append("</td>");
    }

    private void num(double v) {
        html.append("<td>").append(Double.isNaN(v) ? "" : new BigDecimal(v).round(new MathContext(3))
                .stripTrailingZeros().toPlainString()).append("</td>");
    }
}
