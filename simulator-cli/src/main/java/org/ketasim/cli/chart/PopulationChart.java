package org.ketasim.cli.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.ketasim.core.model.Observable;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A population's chart: per analyte (parent plasma, and metabolite plasma where the model has
 * one) the median as a line and each pair of outer percentiles (e.g. 5-95 and 25-75) as a shaded
 * band, the outer band lighter. Not thread-safe; make one per chart.
 */
public final class PopulationChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    private final XYChart chart;

    /**
     * @param s the scenario simulated
     * @param r the population (its percentiles should be symmetric around 50 to give bands)
     */
    public PopulationChart(CompiledScenario s, PopulationResult r) {
        chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(s.id() + String.format(Locale.ROOT,
                        " - %d subjects, seed %d", r.subjects(), r.settings().seed()))
                .xAxisTitle("Time (h)").yAxisTitle("Concentration (ng/mL)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAntiAlias(true);
        add(r, Observable.PARENT, s.parentAnalyte(), new Color(0x1f77b4));
        if (r.bands().containsKey(Observable.METABOLITE)) {
            add(r, Observable.METABOLITE, s.metaboliteAnalyte().orElse("metabolite"), new Color(0xd62728));
        }
    }

    private void add(PopulationResult r, Observable analyte, String name, Color color) {
        double[] p = r.settings().percentiles();
        double[][] bands = r.bands().get(analyte);
        double[] t = r.timesH();
        for (int lo = 0, hi = p.length - 1; lo < hi; lo++, hi--) {
            double[] x = new double[2 * t.length];
            double[] y = new double[2 * t.length];
            for (int i = 0; i < t.length; i++) {
                x[i] = t[i];
                y[i] = bands[lo][i];
                x[x.length - 1 - i] = t[i];
                y[y.length - 1 - i] = bands[hi][i];
            }
            XYSeries band = chart.addSeries(String.format(Locale.ROOT, "%s %s-%s %%", name,
                    PopulationSettings.label(p[lo]), PopulationSettings.label(p[hi])), x, y);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40 + 30 * lo));
            band.setLineColor(new Color(0, 0, 0, 0));
        }
        int median = -1;
        for (int k = 0; k < p.length; k++) {
            if (p[k] == 50) {
                median = k;
            }
        }
        if (median >= 0) {
            XYSeries line = chart.addSeries(name + " median", t, bands[median]);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(color);
        }
    }


    /**
     * @param format the file format
     * @param out    where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(ChartFormat format, OutputStream out) throws IOException {
        if (format == ChartFormat.PNG) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } else {
            VectorGraphics2D g = new VectorGraphics2D();
            chart.paint(g, WIDTH, HEIGHT);
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT)).writeTo(out);
        }
    }
}
