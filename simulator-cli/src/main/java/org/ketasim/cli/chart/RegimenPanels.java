package org.ketasim.cli.chart;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Small multiples of one family of regimens: one panel per regimen, its plasma concentration over
 * its own time axis (hours for a session, days for a course: {@link TimeAxis}), the y axis titled
 * with the analyte it shows. With several models a panel draws their spread as a band (lowest to
 * highest model at each time) around the median of the models. A session is drawn with some hours
 * after it, a long course over its first 8 days ({@link Curve#drawn}). Not thread-safe; make one
 * per picture.
 */
public final class RegimenPanels {

    /**
     * One regimen's curves.
     *
     * @param title  the panel's title (the scenario id; keep it short)
     * @param models one curve per model, all of one analyte
     */
    public record Regimen(String title, List<Curve> models) {
    }

    private static final int WIDTH = 1200;
    private static final int COLUMNS = 3;
    private static final int HEIGHT = 250;

    private final ChartGrid grid;

    /**
     * @param title    the picture's title
     * @param regimens the regimens, in panel order
     */
    public RegimenPanels(String title, List<Regimen> regimens) {
        grid = new ChartGrid(title, WIDTH, COLUMNS);
        for (Regimen r : regimens) {
            grid.add(panel(r), HEIGHT);
        }
        if (regimens.stream().anyMatch(r -> r.models().get(0).cut())) {
            grid.note("Courses longer than 8 days are drawn over their first 8 days.");
        }
        if (regimens.stream().anyMatch(r -> r.models().size() > 1)) {
            grid.note("Line: the median of the models; band: from the lowest to the highest model at each time.");
        }
    }

    private XYChart panel(Regimen r) {
        Curve first = r.models().get(0).drawn();
        double[] t = first.timesH();
        TimeAxis axis = TimeAxis.upTo(first.endH());
        XYChart chart = ChartStyle.chart(grid.columnWidth(), HEIGHT, r.title(), first.analyte() + " (ng/mL)");
        axis.apply(chart);
        chart.getStyler().setLegendVisible(false);
        double[] x = axis.of(t);
        Color colour = Palette.colour(0);
        if (r.models().size() == 1) {
            ChartStyle.line(chart, r.title(), x, first.concentrations(), colour, Palette.line(0, 1.8f));
            return chart;
        }
        double[] lo = new double[t.length];
        double[] hi = new double[t.length];
        double[] median = new double[t.length];
        double[] at = new double[r.models().size()];
        for (int i = 0; i < t.length; i++) {
            for (int k = 0; k < at.length; k++) {
                at[k] = interpolate(r.models().get(k).timesH(), r.models().get(k).concentrations(), t[i]);
            }
            double[] sorted = Arrays.stream(at).filter(v -> !Double.isNaN(v)).sorted().toArray();
            int m = sorted.length;
            lo[i] = m == 0 ? Double.NaN : sorted[0];
            hi[i] = m == 0 ? Double.NaN : sorted[m - 1];
            median[i] = m == 0 ? Double.NaN : m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        }
        ChartStyle.band(chart, "models", x, lo, hi, Palette.translucent(colour, 70));
        ChartStyle.line(chart, "median of the models", x, median, colour, Palette.line(0, 1.8f));
        return chart;
    }

    /** @return the curve at time t, linear between its points, NaN outside them */
    static double interpolate(double[] times, double[] values, double t) {
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        if (hi == 0 || hi >= times.length) {
            return Double.NaN;
        }
        double w = (t - times[hi - 1]) / (times[hi] - times[hi - 1]);
        return values[hi - 1] + w * (values[hi] - values[hi - 1]);
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
