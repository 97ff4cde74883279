package org.ketasim.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Benefit against harm, one panel per setting: for each regimen the share of a virtual population
 * with at least 30 % pain relief 4 weeks after the course (y) against the share with psychomimetic
 * effects during it (x), each with its 95 % uncertainty interval as a whisker. A point is numbered
 * (the number of its row in the report) and coloured by its family; a regimen whose outcomes lie
 * outside the evidence is hollow. A dashed line marks the placebo arm's share. Not thread-safe;
 * make one per picture.
 */
public final class BenefitHarmChart {

    /**
     * One regimen's shares, each 0 to 1.
     *
     * @param number          its number in the report
     * @param family          its family, which gives the colour
     * @param setting         the panel it goes in, its title (e.g. "Inpatient")
     * @param harm            share with psychomimetic effects
     * @param harmLo          its 2.5 % point
     * @param harmHi          its 97.5 % point
     * @param benefit         share with at least 30 % relief at 4 weeks
     * @param benefitLo       its 2.5 % point
     * @param benefitHi       its 97.5 % point
     * @param outsideEvidence whether the outcome lies outside the evidence (drawn hollow)
     */
    public record Point(int number, String family, String setting, double harm, double harmLo, double harmHi,
                        double benefit, double benefitLo, double benefitHi, boolean outsideEvidence) {
    }

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 560;
    private static final int MARKER = 11;
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private final ChartGrid grid;

    /**
     * @param points   the regimens, each family at most {@link Palette#SIZE} in number of families
     * @param families the families in colour order
     * @param placebo  the placebo arm's share with at least 30 % relief at 4 weeks (0 to 1), NaN for none
     */
    public BenefitHarmChart(List<Point> points, List<String> families, double placebo) {
        grid = new ChartGrid("Benefit against harm: shares of virtual patients, 95 % uncertainty whiskers", WIDTH, 1);
        Map<String, List<Point>> bySetting = new LinkedHashMap<>();
        points.forEach(p -> bySetting.computeIfAbsent(p.setting(), s -> new ArrayList<>()).add(p));
        bySetting.forEach((setting, ps) -> grid.add(panel(setting, ps, families, placebo), HEIGHT,
                (g, chart) -> overlay(g, chart, ps, families)));
        grid.note("Filled: inside the evidence of the outcome models. Hollow: outside it (route, racemic dose, course "
                + "length, sessions, peak or rate beyond the calibration trial, or an assumed acute effect site); read "
                + "those as less certain. Up and to the left is better. Numbers are the rows of the table.");
    }

    private static XYChart panel(String setting, List<Point> points, List<String> families, double placebo) {
        XYChart chart = ChartStyle.chart(WIDTH, HEIGHT, setting, "Patients with \u2265 30 % relief at 4 weeks (%)");
        chart.setXAxisTitle("Patients with psychomimetic effects during the course (%)");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(100.0).setYAxisMin(0.0).setYAxisMax(100.0)
                .setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(MARKER);
        if (!Double.isNaN(placebo)) {
            ChartStyle.line(chart, "Placebo arm (" + Math.round(100 * placebo) + " %)", new double[] {0, 100},
                    new double[] {100 * placebo, 100 * placebo}, new Color(0x777777), Palette.line(1, 1.5f));
        }
        for (int f = 0; f < families.size(); f++) {
            for (boolean outside : new boolean[] {false, true}) {
                int family = f;
                List<Point> ps = points.stream().filter(p -> p.family().equals(families.get(family))
                        && p.outsideEvidence() == outside).toList();
                if (ps.isEmpty()) {
                    continue;
                }
                XYSeries s = chart.addSeries(families.get(f) + (outside ? ", outside the evidence" : ""),
                        ps.stream().mapToDouble(p -> 100 * p.harm()).toArray(),
                        ps.stream().mapToDouble(p -> 100 * p.benefit()).toArray());
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(outside ? new Hollow() : SeriesMarkers.CIRCLE);
                s.setMarkerColor(colour(f));
            }
        }
        return chart;
    }

    private static Color colour(int family) {
        return family < Palette.SIZE ? Palette.colour(family) : Color.DARK_GRAY;
    }

    /** Whiskers under the points are drawn first by XChart's grid; here they go over, thin and translucent. */
    private static void overlay(Graphics2D g, XYChart chart, List<Point> points, List<String> families) {
        g.setStroke(new BasicStroke(1.2f));
        List<Rectangle2D> taken = new ArrayList<>();
        for (Point p : points) {
            double x = chart.getScreenXFromChart(100 * p.harm());
            double y = chart.getScreenYFromChart(100 * p.benefit());
            g.setColor(Palette.translucent(colour(families.indexOf(p.family())), 150));
            if (!Double.isNaN(p.harmLo())) {
                g.draw(new Line2D.Double(chart.getScreenXFromChart(100 * p.harmLo()), y,
                        chart.getScreenXFromChart(100 * p.harmHi()), y));
            }
            if (!Double.isNaN(p.benefitLo())) {
                g.draw(new Line2D.Double(x, chart.getScreenYFromChart(100 * p.benefitLo()), x,
                        chart.getScreenYFromChart(100 * p.benefitHi())));
            }
            taken.add(new Rectangle2D.Double(x - MARKER / 2.0, y - MARKER / 2.0, MARKER, MARKER));
        }
        g.setFont(LABEL);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        for (Point p : points) {
            double x = chart.getScreenXFromChart(100 * p.harm());
            double y = chart.getScreenYFromChart(100 * p.benefit());
            String text = Integer.toString(p.number());
            Rectangle2D box = place(x, y, fm.stringWidth(text), fm.getAscent(), taken);
            taken.add(box);
            g.drawString(text, (float) box.getX(), (float) (box.getY() + fm.getAscent()));
        }
    }

    /**
     * @return the first box of the label's size around the point, by increasing distance, that
     *         overlaps no marker or label placed so far (the nearest one if none is free)
     */
    static Rectangle2D place(double x, double y, double w, double h, List<Rectangle2D> taken) {
        double r = MARKER / 2.0 + 1;
        Rectangle2D first = null;
        for (int ring = 1; ring <= 4; ring++) {
            double d = r * ring;
            double[][] offsets = {{d, -h / 2}, {-d - w, -h / 2}, {-w / 2, -d - h}, {-w / 2, d},
                {d * 0.7, -d * 0.7 - h}, {-d * 0.7 - w, -d * 0.7 - h}, {d * 0.7, d * 0.7}, {-d * 0.7 - w, d * 0.7}};
            for (double[] o : offsets) {
                Rectangle2D box = new Rectangle2D.Double(x + o[0], y + o[1], w, h);
                if (first == null) {
                    first = box;
                }
                if (taken.stream().noneMatch(box::intersects)) {
                    return box;
                }
            }
        }
        return first;
    }

    /**
     * @param format the file format
     * @param out    where to write; not closed
     * @throws java.io.IOException if writing fails
     */
    public void write(ChartFormat format, java.io.OutputStream out) throws java.io.IOException {
        grid.write(format, out);
    }

    /** A ring: the marker of a regimen outside the evidence. */
    private static final class Hollow extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(x - size / 2.0 + 1, y - size / 2.0 + 1, size - 2, size - 2));
        }
    }
}
