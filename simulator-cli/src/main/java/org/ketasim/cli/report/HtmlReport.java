package org.ketasim.cli.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.OutcomeAssumptions;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.Scenario;

/**
 * Builds {@code report.html} for a comparison, a self-contained page that leads with the answer:
 * the benefit–harm chart and, per setting, the regimens whose intervals are best with their caveats;
 * then the tables, the concentration charts, the scenarios' sources and the method. Every text from
 * a scenario is escaped (Commons Text); the page's Content-Security-Policy allows only its own
 * stylesheet and sorting script ({@link ReportAssets}), and the page is complete without the script.
 * It prints on A4 landscape with a page break before each section. Not thread-safe; one per report.
 */
public final class HtmlReport {

    /**
     * A chart in the report.
     *
     * @param caption what it shows
     * @param png     the picture
     */
    public record Figure(String caption, byte[] png) {
    }

    /**
     * What the report is about.
     *
     * @param title       the page title
     * @param context     lines about the run (version, reference patient, models, population)
     * @param windows     the concentration windows, as published (for the exposure table's legend)
     * @param withModel   whether several models were compared (rows then name theirs)
     * @param benefitHarm the benefit–harm chart, empty without population outcomes
     * @param charts      the concentration charts
     * @param scenarios   the scenarios compared, for their sources and notes
     * @param problems    failures and warnings not tied to a row of the table
     */
    public record Contents(String title, List<String> context, List<AnalyteWindow> windows, boolean withModel,
                           Optional<Figure> benefitHarm, List<Figure> charts, List<CompiledScenario> scenarios,
                           List<String> problems) {
    }

    private final StringBuilder html = new StringBuilder(1 << 18);

    /**
     * @param c    what the report is about
     * @param rows the regimens, numbered ({@link ReportRow#numbered})
     * @return the page
     */
    public String render(Contents c, List<ReportRow> rows) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(ReportAssets.contentSecurityPolicy()).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escapeHtml4(c.title())).append("</title>\n<style>").append(ReportAssets.CSS)
                .append("</style>\n</head>\n<body>\n");
        answer(c, rows);
        tables(c, rows);
        charts(c);
        problems(c);
        scenarios(c);
        method();
        html.append("<script>").append(ReportAssets.JS).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private void answer(Contents c, List<ReportRow> rows) {
        html.append("<section class=\"first\" id=\"answer\">\n<h1>").append(escapeHtml4(c.title())).append("</h1>\n");
        html.append("<ul class=\"context\">\n");
        c.context().forEach(line -> html.append("<li>").append(escapeHtml4(line)).append("</li>\n"));
        html.append("</ul>\n");
        if (c.benefitHarm().isEmpty()) {
            html.append("<p class=\"lead\">Only each regimen's typical patient was simulated, so there are no shares "
                    + "of patients with relief or side effects and no ranking. Run without --typical for them.</p>\n"
                    + "</section>\n");
            return;
        }
        html.append("<h2>Benefit against harm</h2>\n<p class=\"lead\">For each regimen: the share of virtual "
                + "patients with at least 30 % pain relief 4 weeks after the course, against the share with "
                + "psychomimetic effects during it, each with its 95 % uncertainty interval. Hollow points lie outside "
                + "the evidence the outcome models rest on. Numbers are the rows of the table.</p>\n");
        figure(c.benefitHarm().get());
        html.append("<h2>Whose intervals are best</h2>\n<p>Per setting, among the regimens inside the evidence "
                + "and without an implausible dose, those on the benefit\u2013harm frontier: a regimen is left out "
                + "when another gives at least as much relief with no more psychomimetic effects. More relief comes "
                + "with more side effects along the list; it is ordered by the lower end of the relief interval "
                + "(the share one can be fairly sure of), then by the upper end of the psychomimetic interval (the "
                + "harm one cannot rule out). Overlapping intervals mean the order is not a shown difference.</p>\n");
        for (Ranking r : Ranking.of(rows)) {
            ranking(r, c.withModel());
        }
        html.append("<h3>Read these first</h3>\n<ul class=\"caveats\">\n"
                + "<li>Every figure is a share of a virtual population with its 95 % interval over the outcome models' "
                + "parameter uncertainty. None is a prediction for one patient, and none is a yes or a no.</li>\n"
                + "<li>The relief model rests on one trial: a 100-hour S-ketamine infusion in 60 patients with CRPS "
                + "type 1 (Dahan 2011, on Sigtermans 2009). Other routes, racemic ketamine, short sessions and much "
                + "longer courses are outside that evidence and are flagged in their row.</li>\n"
                + "<li>The drug-high score in the table is that of a typical healthy volunteer, not of a patient.</li>\n"
                + "<li>Racemic doses are compared by the S-ketamine in them (half of the dose); the table gives "
                + "both.</li>\n</ul>\n</section>\n");
    }

    private void ranking(Ranking r, boolean withModel) {
        html.append("<h3>").append(escapeHtml4(Labels.setting(r.setting()))).append("</h3>\n");
        if (r.ranked().isEmpty()) {
            html.append("<p>No ").append(escapeHtml4(r.setting().isEmpty() ? "" : r.setting() + " "))
                    .append("regimen could be ranked: none lies inside the evidence of the outcome models without an "
                            + "implausible dose.</p>\n");
        } else {
            html.append("<table class=\"rank\">\n<thead><tr><th>Rank</th><th>No.</th><th>Regimen</th>"
                    + "<th>\u2265 30 % relief at 4 weeks</th><th>Placebo</th><th>Psychomimetic effects</th>"
                    + "<th>Caveats</th></tr></thead>\n<tbody>\n");
            int rank = 1;
            for (Ranking.Ranked x : r.ranked()) {
                ReportRow row = x.row();
                html.append("<tr><td>").append(rank++).append("</td><td>").append(row.number()).append("</td><td>")
                        .append(escapeHtml4(row.title())).append("<span class=\"id\">")
                        .append(escapeHtml4(row.label(withModel))).append("</span></td><td>")
                        .append(escapeHtml4(row.relief().map(Figures::share).orElse(""))).append("</td><td>")
                        .append(escapeHtml4(row.placebo().map(OutcomeRow::p).map(Figures::percent).orElse("")))
                        .append("</td><td>").append(escapeHtml4(row.harm().map(Figures::share).orElse("")))
                        .append("</td><td class=\"c\">").append(escapeHtml4(x.caveats().isEmpty() ? "none beyond the "
                                + "general ones below" : Labels.capitalise(String.join("; ", x.caveats()))))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        if (!r.unranked().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> e : r.unranked().entrySet()) {
                parts.add(e.getValue() + " with " + e.getKey());
            }
            html.append("<p>Not ranked, shown hollow in the chart: ").append(escapeHtml4(String.join("; ", parts)))
                    .append(".</p>\n");
        }
    }

    private void tables(Contents c, List<ReportRow> rows) {
        html.append("<section id=\"tables\">\n<h2>Regimens</h2>\n<p>Grouped by family and setting; a click on a "
                + "column header sorts within each group. Doses are as given over the whole course; the S-ketamine "
                + "column is the S-ketamine base in it (half of a racemic dose). Shares are of virtual patients with "
                + "95 % intervals; other relief definitions and times are in "
                + "<a href=\"comparison.csv\">comparison.csv</a>.</p>\n");
        ReportTable table = new ReportTable(html, c.withModel());
        table.regimens(rows);
        table.exposure(rows, c.windows());
        html.append("<p>Windows (hours of the typical patient's concentration inside each, converted to the model's "
                + "analyte where it differs):</p>\n<ul>\n");
        for (AnalyteWindow w : c.windows()) {
            html.append("<li>").append(escapeHtml4(Labels.capitalise(Labels.window(w.name())))).append(": ")
                    .append(escapeHtml4(Labels.windowBand(w))).append(w.source().isEmpty() ? ""
                            : " (" + escapeHtml4(w.source()) + ")").append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private void charts(Contents c) {
        html.append("<section id=\"charts\">\n<h2>Concentration over time</h2>\n<p>The typical patient of each "
                + "regimen, one panel per regimen: sessions in hours, courses in days. Each axis names its analyte "
                + "(racemic ketamine totals are twice their S-ketamine).</p>\n");
        c.charts().forEach(this::figure);
        html.append("</section>\n");
    }

    private void problems(Contents c) {
        if (c.problems().isEmpty()) {
            return;
        }
        html.append("<section id=\"problems\">\n<h2>Not compared, and other problems</h2>\n<ul class=\"failed\">\n");
        c.problems().forEach(p -> html.append("<li>").append(escapeHtml4(p)).append("</li>\n"));
        html.append("</ul>\n</section>\n");
    }

    private void scenarios(Contents c) {
        html.append("<section id=\"sources\">\n<h2>Scenarios: sources and assumptions</h2>\n");
        for (CompiledScenario cs : c.scenarios()) {
            Scenario s = cs.scenario();
            html.append("<h3 id=\"s-").append(escapeHtml4(s.id())).append("\">")
                    .append(escapeHtml4(s.title().isBlank() ? s.id() : s.title())).append("</h3>\n<p><span class=\"id\">")
                    .append(escapeHtml4(s.id())).append(" \u00b7 file ").append(escapeHtml4(s.sourceName()))
                    .append(" \u00b7 model ").append(escapeHtml4(cs.modelId())).append(" \u00b7 ")
                    .append(escapeHtml4(Labels.drug(s.drug().id()))).append(" \u00b7 ")
                    .append(escapeHtml4(Figures.dose(cs.weightKg()))).append(" kg</span>Source: ")
                    .append(escapeHtml4(s.source().isBlank() ? "(none given)" : s.source())).append("</p>\n");
            if (!s.notes().isBlank()) {
                html.append("<pre>").append(escapeHtml4(s.notes())).append("</pre>\n");
            }
        }
        html.append("</section>\n");
    }

    private void method() {
        html.append("<section id=\"method\">\n<h2>Method</h2>\n<ul>\n<li>Each regimen's typical patient is simulated "
                + "exactly with its model (modal closed form): peak concentrations, AUC, hours in the windows, and a "
                + "typical healthy volunteer's drug-high score.</li>\n<li>Pain relief and psychomimetic effects are "
                + "shares of a virtual population, each with its 95 % interval over the outcome models' parameter "
                + "uncertainty; a flagged row lies outside the evidence the models rest on.</li>\n");
        OutcomeAssumptions.LINES.forEach(l -> html.append("<li>").append(escapeHtml4(Labels.words(l)))
                .append("</li>\n"));
        html.append("</ul>\n</section>\n");
    }

    private void figure(Figure f) {
        html.append("<figure><img alt=\"").append(escapeHtml4(f.caption())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>")
                .append(escapeHtml4(f.caption())).append("</figcaption></figure>\n");
    }
}
