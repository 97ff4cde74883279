package org.ketasim.cli.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * A chosen set of regimens' plasma concentration curves drawn together, so that they can be
 * compared on one scale: sessions (drawn over at most {@link TimeAxis#DAYS_ABOVE_H} h) on an hour
 * axis, multi-day courses on a day axis ({@link Curve#drawn}), at most {@link Palette#SIZE} curves to a panel so that no colour
 * repeats. When the curves are of different analytes the axis says so and each legend entry names
 * its analyte. Not thread-safe; make one per picture.
 */
public final class OverlayChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 430;

    private final ChartGrid grid;

    /**
     * @param title  the picture's title
     * @param curves the curves, in legend order (labels unique)
     */
    public OverlayChart(String title, List<Curve> curves) {
        grid = new ChartGrid(title, WIDTH, 1);
        boolean mixed = curves.stream().map(Curve::analyte).distinct().count() > 1;
        List<Curve> sessions = curves.stream().filter(c -> end(c) <= TimeAxis.DAYS_ABOVE_H).toList();
        List<Curve> courses = curves.stream().filter(c -> end(c) > TimeAxis.DAYS_ABOVE_H).toList();
        for (List<Curve> group : List.of(sessions, courses)) {
            for (int from = 0; from < group.size(); from += Palette.SIZE) {
                List<Curve> panel = group.subList(from, Math.min(group.size(), from + Palette.SIZE));
                grid.add(panel(panel, group == sessions ? "Sessions and single days" : "Multi-day courses", mixed),
                        HEIGHT);
            }
        }
    }

    private static double end(Curve c) {
        return c.drawn().endH();
    }

    private static XYChart panel(List<Curve> curves, String title, boolean mixed) {
        TimeAxis axis = TimeAxis.upTo(curves.stream().mapToDouble(OverlayChart::end).max().orElse(1));
        String analyte = curves.get(0).analyte();
        XYChart chart = ChartStyle.chart(WIDTH, HEIGHT, title, mixed
                ? "Plasma concentration (ng/mL), analyte in legend" : analyte + " plasma (ng/mL)");
        axis.apply(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i).drawn();
            ChartStyle.line(chart, mixed ? c.label() + " [" + c.analyte() + "]" : c.label(), axis.of(c.timesH()),
                    c.concentrations(), Palette.colour(i), Palette.line(i, 2f));
        }
        return chart;
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
