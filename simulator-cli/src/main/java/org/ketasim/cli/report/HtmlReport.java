package org.ketasim.cli.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketasim.core.compare.ComparisonRow;
import org.ketasim.core.metrics.ConcentrationWindow;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.pd.PdAssumptions;
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
     * @param windows   the concentration windows, in column order
     * @param rows      the comparison rows
     * @param scenarios the scenarios, for their sources and notes (first of each id)
     * @param warnings  every warning of the run
     * @return the page
     */
    public String render(String title, List<String> context, List<ConcentrationWindow> windows,
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
        html.append("<h2>Method</h2>\n<ul>\n<li>Exact simulation (modal closed form) of each scenario with its model; "
                + "Cmax, AUC, hours in windows and the drug high over the scenario's simulated time; the expected NRS "
                + "reduction at the end of the course and 4 and 12 weeks later, and its largest value up to 12 weeks "
                + "after the course.</li>\n");
        windows.forEach(w -> html.append("<li>Window ").append(escapeHtml4(w.toString()))
                .append(" ng/mL: hours with the parent concentration inside it, linear between output rows.</li>\n"));
        PdAssumptions.LINES.forEach(l -> html.append("<li>").append(escapeHtml4(l)).append("</li>\n"));
        html.append("<li>Effective reduction definitions of the Dutch survey: at least 2 NRS points, at least 3 points, "
                + "at least 30 %, more than 50 % of the baseline NRS.</li>\n</ul>\n</body>\n</html>\n");
        return html.toString();
    }

    private void table(List<ConcentrationWindow> windows, List<ComparisonRow> rows) {
        html.append("<h2>Table</h2>\n<table>\n<tr><th>id</th><th>family</th><th>model</th><th>setting</th><th>route</th>"
                + "<th>drug</th><th>dose mg</th><th>dose mg/kg</th><th>peak mg/h</th><th>infusion h</th>"
                + "<th>Cmax ng/mL</th><th>AUC ng&middot;h/mL</th><th>metabolite Cmax</th>");
        windows.forEach(w -> html.append("<th>h in ").append(escapeHtml4(w.toString())).append("</th>"));
        html.append("<th>peak drug high</th><th>NRS &minus; end</th><th>NRS &minus; 4 wk</th><th>NRS &minus; 12 wk</th>");
        for (EffectiveReduction d : EffectiveReduction.values()) {
            html.append("<th>").append(escapeHtml4(d.column())).append("</th>");
        }
        html.append("</tr>\n");
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
            windows.forEach(w -> num(r.windowHours().get(w.name())));
            num(r.peakDrugHigh());
            num(r.nrsEnd());
            num(r.nrs4Weeks());
            num(r.nrs12Weeks());
            for (EffectiveReduction d : EffectiveReduction.values()) {
                Boolean met = r.meets().get(d);
                text(met == null ? "" : met ? "yes" : "no");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void text(String s) {
        html.append("<td class=\"t\">").append(escapeHtml4(s)).append("</td>");
    }

    private void num(double v) {
        html.append("<td>").append(Double.isNaN(v) ? "" : new BigDecimal(v).round(new MathContext(3))
                .stripTrailingZeros().toPlainString()).append("</td>");
    }
}
