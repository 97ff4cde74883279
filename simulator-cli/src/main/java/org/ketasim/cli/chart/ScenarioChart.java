package org.ketasim.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.Series;
import org.ketasim.core.model.Observable;
import org.ketasim.core.scenario.Plausibility;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.titration.TitrationEvent;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One scenario's chart, three panels on one time axis (hours, or days for a multi-day course:
 * {@link TimeAxis}) under the scenario's title, wrapped to the width:
 * <ol>
 *   <li>concentrations (ng/mL) of the typical patient, so titled (no variation between patients: a
 *       population's bands are its own chart): the metabolite, then parent plasma as a solid line,
 *       then the effect site dashed over it, so that plasma shows between the dashes where the two
 *       coincide;</li>
 *   <li>doses: the pump rate (mg/h) as a step plot, on a log scale when loading pulses tower over the
 *       maintenance rate ({@link #spansDecades}), every bolus and oral dose as a marker with its
 *       amount, and the decisions of a rule titration that held, reduced or stopped the rate as
 *       labelled lines;</li>
 *   <li>what the concentrations mean, each labelled as who it is of: a typical healthy volunteer's
 *       drug-high score and a typical responder's relief (% of the baseline NRS), neither a patient's
 *       expectation.</li>
 * </ol>
 * Notes (e.g. a population's outcome shares with their intervals) go under the panels. Not
 * thread-safe (XChart charts are mutable); make one per chart.
 */
public final class ScenarioChart {

    private static final int WIDTH = 1000;
    private static final int TOP_HEIGHT = 460;
    private static final int DOSE_HEIGHT = 210;
    private static final int OUTCOME_HEIGHT = 250;
    /** Peak over median pump rate beyond which the pump panel is logarithmic. */
    private static final double LOG_SPAN = 30;
    /** Up to this many doses each marker is labelled with its amount. */
    private static final int LABELLED_DOSES = 12;
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final ChartGrid grid;

    /**
     * @param patient a simulated patient (its scenario gives the title and the substance names)
     * @param notes   lines to print under the panels, e.g. a population's outcome shares
     */
    public ScenarioChart(PatientResult patient, List<String> notes) {
        Series result = patient.series();
        var scenario = patient.scenario().scenario();
        double[] hours = result.timesH();
        TimeAxis axis = TimeAxis.forCourse(hours.length == 0 ? 1 : hours[hours.length - 1],
                patient.scenario().courseEndH());
        double[] t = axis.of(hours);
        grid = new ChartGrid(scenario.title().isBlank() ? scenario.id() : scenario.title(), WIDTH, 1);
        grid.add(concentrations(patient, axis, t), TOP_HEIGHT);
        addDoses(patient, axis, t);
        if (!Double.isNaN(patient.pd().maxDrugHighScore()) || !Double.isNaN(patient.pd().maxResponderNrsReduction())) {
            grid.add(outcomes(patient, axis, t), OUTCOME_HEIGHT);
        }
        notes.forEach(grid::note);
    }

    private static XYChart concentrations(PatientResult patient, TimeAxis axis, double[] t) {
        Series result = patient.series();
        XYChart chart = ChartStyle.chart(WIDTH, TOP_HEIGHT, "The typical patient: the model's typical values at "
                + Plausibility.fmt(patient.scenario().weightKg()) + " kg, no variation between patients",
                "Concentration (ng/mL)");
        axis.apply(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Vertical);
        String parent = patient.scenario().parentAnalyte();
        if (result.has(Observable.METABOLITE)) {
            String name = patient.scenario().metaboliteAnalyte().orElse("metabolite");
            ChartStyle.line(chart, ChartStyle.capitalise(name) + " plasma (Cm)", t, result.values(Observable.METABOLITE),
                    Palette.colour(1), Palette.line(0, 2f));
        }
        ChartStyle.line(chart, ChartStyle.capitalise(parent) + " plasma (Cp)", t, result.values(Observable.PARENT),
                Palette.colour(0), Palette.line(0, 2f));
        if (result.has(Observable.EFFECT)) {
            ChartStyle.line(chart, "Effect site (Ce), acute, dashed over plasma", t,
                    result.values(Observable.EFFECT), Palette.colour(2), Palette.line(1, 2f));
        }
        return chart;
    }

    /** The pump rate, the boluses and oral doses, and the titration decisions. */
    private void addDoses(PatientResult patient, TimeAxis axis, double[] t) {
        double[] pumpRates = patient.series().pumpRatesMgPerH();
        boolean pumped = java.util.Arrays.stream(pumpRates).anyMatch(r -> r > 0);
        boolean logarithmic = spansDecades(pumpRates);
        XYChart chart = ChartStyle.chart(WIDTH, DOSE_HEIGHT, "", !pumped ? "Doses"
                : logarithmic ? "Pump rate (mg/h, log scale)" : "Pump rate (mg/h)");
        axis.apply(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        double floor = 0;
        if (logarithmic) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(null);
            floor = java.util.Arrays.stream(pumpRates).filter(r -> r > 0).min().orElse(1);
            pumpRates = java.util.Arrays.stream(pumpRates).map(r -> r > 0 ? r : Double.NaN).toArray();
        }
        if (pumped) {
            XYSeries pump = ChartStyle.line(chart, "Pump rate", t, pumpRates, new Color(0x444444),
                    new BasicStroke(1.5f));
            pump.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            pump.setFillColor(new Color(0x44, 0x44, 0x44, 0x30));
        } else {
            chart.getStyler().setYAxisMax(1.0).setYAxisTicksVisible(false);
        }
        List<double[]> doses = doses(patient.scenario().plan().timeline());
        if (!doses.isEmpty()) {
            double y = pumped ? floor : 0.1;
            boolean same = doses.stream().allMatch(d -> d[1] == doses.get(0)[1]);
            String name = doses.size() + (doses.size() == 1 ? " bolus or oral dose" : " boluses or oral doses")
                    + (same && doses.size() > 1 ? " of " + amount(doses.get(0)[1]) + " each" : "");
            XYSeries marks = chart.addSeries(name, doses.stream().mapToDouble(d -> axis.of(new double[] {d[0]})[0])
                            .toArray(), doses.stream().mapToDouble(d -> y).toArray());
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.TRIANGLE_UP);
            marks.setMarkerColor(Palette.colour(1));
        }
        List<TitrationEvent> decisions = patient.events().stream().filter(e -> e.action().equals("hold")
                || e.action().equals("reduce") || e.action().equals("stop")).toList();
        chart.getStyler().setAnnotationLineColor(Palette.translucent(Palette.colour(3), 170));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.2f));
        for (TitrationEvent e : decisions) {
            chart.addAnnotation(new AnnotationLine(axis.of(new double[] {e.timeH()})[0], true, false));
        }
        chart.getStyler().setLegendVisible(chart.getSeriesMap().size() > 1);
        grid.add(chart, DOSE_HEIGHT, (g, c) -> labels(g, c, axis, doses, decisions, pumped ? Double.NaN : 0.1));
    }

    /** Amounts over the dose markers (up to {@value #LABELLED_DOSES}) and the decisions' names at the top. */
    private static void labels(Graphics2D g, XYChart c, TimeAxis axis, List<double[]> doses,
                               List<TitrationEvent> decisions, double markerY) {
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        if (doses.size() <= LABELLED_DOSES) {
            double right = Double.NEGATIVE_INFINITY;
            for (double[] d : doses) {
                String text = amount(d[1]);
                double x = c.getScreenXFromChart(axis.of(new double[] {d[0]})[0]) - fm.stringWidth(text) / 2.0;
                double y = Double.isNaN(markerY) ? c.getScreenYFromChart(c.getStyler().getYAxisMin() == null ? 0
                        : c.getStyler().getYAxisMin()) : c.getScreenYFromChart(markerY);
                if (x > right + 4) {
                    g.drawString(text, (float) x, (float) (y - 12));
                    right = x + fm.stringWidth(text);
                }
            }
        }
        g.setColor(Palette.colour(3).darker());
        double right = Double.NEGATIVE_INFINITY;
        for (TitrationEvent e : decisions) {
            double x = c.getScreenXFromChart(axis.of(new double[] {e.timeH()})[0]) + 3;
            if (x > right + 4) {
                g.drawString(e.action(), (float) x, (float) (fm.getAscent() + 8));
                right = x + fm.stringWidth(e.action());
            }
        }
    }

    /** @return a dose as given, e.g. "17.5 mg" */
    private static String amount(double mg) {
        return java.math.BigDecimal.valueOf(mg).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + " mg";
    }

    /** @return each bolus (and oral dose) as {time h, amount mg}, in time order */
    private static List<double[]> doses(DoseTimeline timeline) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.administeredMg(i) > 0) {
                out.add(new double[] {timeline.time(i), timeline.administeredMg(i)});
            }
        }
        return out;
    }

    private static XYChart outcomes(PatientResult patient, TimeAxis axis, double[] t) {
        XYChart chart = ChartStyle.chart(WIDTH, OUTCOME_HEIGHT, "", "% (see legend)");
        axis.apply(chart);
        chart.getStyler().setYAxisMax(100.0).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        double[] high = patient.pd().drugHighScore();
        if (!Double.isNaN(patient.pd().maxDrugHighScore())) {
            ChartStyle.line(chart, "Drug high of a typical healthy volunteer (% of scale maximum)", t,
                    java.util.Arrays.stream(high).map(v -> 100 * v).toArray(), Palette.colour(3), Palette.line(0, 2f));
        }
        if (!Double.isNaN(patient.pd().maxResponderNrsReduction())) {
            double baseline = patient.pd().baselineNrs();
            ChartStyle.line(chart, "Relief of a typical responder (% of baseline NRS; not a patient's)",
                    t, java.util.Arrays.stream(patient.pd().responderNrsReduction()).map(v -> 100 * v / baseline)
                            .toArray(), Palette.colour(4), Palette.line(1, 2f));
        }
        return chart;
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

    /**
     * @param format the file format
     * @param out    where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(ChartFormat format, OutputStream out) throws IOException {
        grid.write(format, out);
    }
}
