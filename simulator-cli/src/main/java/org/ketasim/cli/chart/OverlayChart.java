package org.ketasim.cli.chart;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several scenarios' parent plasma concentration curves on one chart, for comparisons. Not
 * thread-safe; make one per chart.
 */
public final class OverlayChart {

    /** One curve. */
    public record Curve(String label, double[] timesH, double[] concentrations) {
    }

    private final XYChart chart;

    /**
     * @param title   chart title
     * @param yAxis   y-axis title, e.g. "S-ketamine (ng/mL)"
     * @param curves  the curves (labels must be unique)
     */
    public OverlayChart(String title, String yAxis, List<Curve> curves) {
        chart = new XYChartBuilder().width(1200).height(650).title(title).xAxisTitle("Time (h)").yAxisTitle(yAxis)
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAntiAlias(true);
        for (Curve c : curves) {
            XYSeries s = chart.addSeries(c.label(), c.timesH(), c.concentrations());
            s.setMarker(SeriesMarkers.NONE);
        }
    }

    /**
     * @param out where to write the PNG; not closed
     * @throws IOException if writing fails
     */
    public void writePng(OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
}
