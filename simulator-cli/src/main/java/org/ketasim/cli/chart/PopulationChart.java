package org.ketasim.cli.chart;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.ketasim.core.model.Observable;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * A population's chart: per analyte (parent plasma, and metabolite plasma where the model has
 * one) the median as a line and each pair of outer percentiles (e.g. 5-95 and 25-75) as a shaded
 * band, the outer band lighter; in the house style of the other charts (hours for a session, days
 * for a course, round ticks, the Okabe-Ito colours, the legend below). Not thread-safe; make one per
 * chart.
 */
public final class PopulationChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 640;

    private final XYChart chart;
    /** The chart under the scenario's title and the population's size and seed, wrapped to the width. */
    private final ChartGrid grid;

    /**
     * @param s the scenario simulated
     * @param r the population (its percentiles should be symmetric around 50 to give bands)
     */
    public PopulationChart(CompiledScenario s, PopulationResult r) {
        String name = s.scenario().title().isBlank() ? s.id() : s.scenario().title();
        chart = ChartStyle.chart(WIDTH, HEIGHT, "", "Concentration (ng/mL)");
        grid = new ChartGrid(name + String.format(Locale.ROOT, ": %,d virtual patients, seed %d", r.subjects(),
                r.settings().seed()), WIDTH, 1).add(chart, HEIGHT);
        double[] t = r.timesH();
        TimeAxis axis = TimeAxis.forCourse(t[t.length - 1], s.courseEndH());
        axis.apply(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Vertical);
        add(r, axis, Observable.PARENT, ChartStyle.capitalise(s.parentAnalyte()) + " plasma", Palette.colour(0));
        if (r.bands().containsKey(Observable.METABOLITE)) {
            add(r, axis, Observable.METABOLITE, ChartStyle.capitalise(s.metaboliteAnalyte().orElse("metabolite")) + " plasma",
                    Palette.colour(1));
        }
    }

    private void add(PopulationResult r, TimeAxis axis, Observable analyte, String name, Color color) {
        double[] p = r.settings().percentiles();
        double[][] bands = r.bands().get(analyte);
        double[] x = axis.of(r.timesH());
        for (int lo = 0, hi = p.length - 1; lo < hi; lo++, hi--) {
            ChartStyle.band(chart, String.format(Locale.ROOT, "%s, P%s to P%s", name,
                    PopulationSettings.label(p[lo]), PopulationSettings.label(p[hi])), x, bands[lo], bands[hi],
                    Palette.translucent(color, 40 + 30 * lo));
        }
        for (int k = 0; k < p.length; k++) {
            if (p[k] == 50) {
                ChartStyle.line(chart, name + ", median", x, bands[k], color, Palette.line(0, 2f));
            }
        }
    }

    /**
     * @param format the file format
     * @param out    where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(ChartFormat format, OutputStream out) throws IOException {
        grid.write(format, out);
    }
}
