package org.ketasim.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look every ketasim chart shares: white, light grid, readable fonts, round axis numbers. */
final class ChartStyle {

    private ChartStyle() {
    }

    /**
     * @param width  px
     * @param height px
     * @param title  the panel's title ("" for none; keep it short, XChart does not wrap it)
     * @param yAxis  the y axis's title
     * @return a styled chart, y from 0
     */
    static XYChart chart(int width, int height, String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).yAxisTitle(yAxis).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(new Color(0xe4e4e4));
        s.setPlotGridLinesStroke(new BasicStroke(1));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setChartTitleBoxVisible(false);
        s.setYAxisMin(0.0);
        s.setYAxisDecimalPattern("#,##0.##");
        s.setXAxisDecimalPattern("#,##0.##");
        s.setAntiAlias(true);
        return chart;
    }

    /**
     * @param chart  the chart
     * @param name   the series' legend entry
     * @param x      x values
     * @param y      y values
     * @param colour its colour
     * @param stroke its line
     * @return the series, a line without markers
     */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(stroke);
        return series;
    }

    /**
     * Adds a shaded band between two curves on the same times.
     *
     * @return the series
     */
    static XYSeries band(XYChart chart, String name, double[] x, double[] lo, double[] hi, Color fill) {
        double[] bx = new double[2 * x.length];
        double[] by = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            bx[i] = x[i];
            by[i] = lo[i];
            bx[bx.length - 1 - i] = x[i];
            by[by.length - 1 - i] = hi[i];
        }
        XYSeries band = chart.addSeries(name, bx, by);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(fill);
        band.setLineColor(new Color(0, 0, 0, 0));
        return band;
    }

    /**
     * @param s a text
     * @return it with its first letter upper case, for labels made from analyte names
     */
    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
