package org.ketasim.cli.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.ketasim.core.engine.Series;
import org.ketasim.core.model.Observable;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.titration.TitrationEvent;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One scenario's chart: parent plasma, metabolite and effect-site concentrations (ng/mL) over time
 * on top, the pump rate (mg/h) as a step plot below (on a log scale when loading pulses tower over
 * the maintenance rate, see {@link #spansDecades}); the decisions of a rule-based titration that
 * held, reduced or stopped the rate are red vertical lines on both. Not thread-safe (XChart charts are mutable);
 * make one per chart.
 */
public final class ScenarioChart {

    private static final int WIDTH = 1000;
    private static final int TOP_HEIGHT = 520;
    private static final int BOTTOM_HEIGHT = 230;
    /** Peak over median pump rate beyond which the pump panel is logarithmic. */
    private static final double LOG_SPAN = 30;

    private final XYChart concentrations;
    private final XYChart rate;

    /**
     * @param patient a simulated patient (its scenario gives the title and the substance names)
     */
    public ScenarioChart(PatientResult patient) {
        Series result = patient.series();
        var scenario = patient.scenario().scenario();
        double[] t = result.timesH();
        String title = scenario.title().isBlank() ? scenario.id() : scenario.title();
        concentrations = new XYChartBuilder().width(WIDTH).height(TOP_HEIGHT).title(title)
                .xAxisTitle("Time (h)").yAxisTitle("Concentration (ng/mL)").build();
        style(concentrations);
        concentrations.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        line(concentrations, "Parent plasma (Cp)", t, result.values(Observable.PARENT), new Color(0x1f77b4));
        if (result.has(Observable.METABOLITE)) {
            String name = patient.scenario().metaboliteAnalyte().orElse("metabolite");
            line(concentrations, capitalise(name) + " plasma (Cm)", t, result.values(Observable.METABOLITE),
                    new Color(0xd62728));
        }
        if (result.has(Observable.EFFECT)) {
            line(concentrations, "Effect site (Ce)", t, result.values(Observable.EFFECT), new Color(0x2ca02c))
                    .setLineStyle(SeriesLines.DASH_DASH);
        }

        double[] pumpRates = result.pumpRatesMgPerH();
        boolean logarithmic = spansDecades(pumpRates);
        rate = new XYChartBuilder().width(WIDTH).height(BOTTOM_HEIGHT).title("")
                .xAxisTitle("Time (h)").yAxisTitle(logarithmic ? "Pump rate (mg/h, log scale)" : "Pump rate (mg/h)")
                .build();
        style(rate);
        rate.getStyler().setLegendVisible(false);
        if (logarithmic) {
            rate.getStyler().setYAxisLogarithmic(true);
            rate.getStyler().setYAxisMin(null);
            pumpRates = java.util.Arrays.stream(pumpRates).map(r -> r > 0 ? r : Double.NaN).toArray();
        }
        XYSeries pump = line(rate, "Pump rate", t, pumpRates, new Color(0x555555));
        pump.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        pump.setFillColor(new Color(0x55, 0x55, 0x55, 0x40));
        for (XYChart chart : new XYChart[] {concentrations, rate}) {
            chart.getStyler().setAnnotationLineColor(new Color(0xd6, 0x27, 0x28, 0x90));
            for (TitrationEvent e : patient.events()) {
                if (e.action().equals("hold") || e.action().equals("reduce") || e.action().equals("stop")) {
                    chart.addAnnotation(new AnnotationLine(e.timeH(), true, false));
                }
            }
        }
    }

    /**
     * @return whether the highest pump rate is more than {@link #LOG_SPAN} times the median of the
     *         rates running: loading pulses (a TCI's) would flatten the maintenance rate to the
     *         axis, so the panel is drawn on a log scale, with the times the pump is off left out
     */
    static boolean spansDecades(double[] rates) {
        double[] running = java.util.Arrays.stream(rates).filter(r -> r > 0).sorted().toArray();
        return running.length > 0 && running[running.length - 1] > LOG_SPAN * running[running.length / 2];
    }

    private static void style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        s.setXAxisMin(0.0);
        s.setYAxisMin(0.0);
        s.setAntiAlias(true);
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        return series;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * @param format the file format
     * @param out    where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(ChartFormat format, OutputStream out) throws IOException {
        int height = TOP_HEIGHT + BOTTOM_HEIGHT;
        if (format == ChartFormat.PNG) {
            BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            paint(g);
            g.dispose();
            ImageIO.write(image, "png", out);
        } else {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g);
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, height)).writeTo(out);
        }
    }

    /**
     * Paints both panels, the one with the narrower y-axis labels shifted right so that the two
     * plot areas, and so their time axes, line up.
     */
    private void paint(Graphics2D g) {
        double topLeft = plotLeft(concentrations, TOP_HEIGHT);
        double rateLeft = plotLeft(rate, BOTTOM_HEIGHT);
        int shiftTop = (int) Math.max(0, Math.round(rateLeft - topLeft));
        int shiftRate = (int) Math.max(0, Math.round(topLeft - rateLeft));
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, TOP_HEIGHT + BOTTOM_HEIGHT);
        paintAt(g, concentrations, shiftTop, 0, TOP_HEIGHT);
        paintAt(g, rate, shiftRate, TOP_HEIGHT, BOTTOM_HEIGHT);
    }

    /** @return the x pixel where a panel's plot area (time 0) starts when painted at full width */
    private static double plotLeft(XYChart chart, int height) {
        BufferedImage scratch = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        chart.paint(g, WIDTH, height);
        g.dispose();
        return chart.getScreenXFromChart(0.0);
    }

    private static void paintAt(Graphics2D g, XYChart chart, int x, int y, int height) {
        Graphics2D panel = (Graphics2D) g.create(x, y, WIDTH - x, height);
        chart.paint(panel, WIDTH - x, height);
        panel.dispose();
    }
}
