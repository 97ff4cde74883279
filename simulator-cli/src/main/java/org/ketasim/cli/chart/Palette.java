package org.ketasim.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * The colours of every ketasim chart: the Okabe–Ito palette, safe for the common forms of colour
 * blindness (Okabe and Ito, "Color Universal Design", 2008; Wong, Nature Methods 2011;8:441),
 * yellow last because it is faint on white. A chart gives series {@code 0..n-1} the colours in this
 * order, each with its own line style too, so that the series also part in grey print. No chart
 * draws more than {@link #SIZE} coloured series: compare splits larger sets into panels, so a colour
 * never repeats within a chart. Immutable.
 */
public final class Palette {

    /** How many distinct colours there are. */
    public static final int SIZE = 8;

    private static final List<Color> COLOURS = List.of(
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
            new Color(0xB8A000)); // yellow, darkened for white paper

    /** Line styles that go with the colours, so that series part in grey print as well. */
    private static final List<float[]> DASHES = List.of(new float[0], new float[] {8, 4}, new float[] {2, 3},
            new float[] {10, 3, 2, 3});

    private Palette() {
    }

    /**
     * @param i a series' index in its chart, 0 to {@value #SIZE} - 1
     * @return its colour
     * @throws IllegalArgumentException past the palette: a chart must not repeat a colour
     */
    public static Color colour(int i) {
        if (i < 0 || i >= SIZE) {
            throw new IllegalArgumentException("a chart has at most " + SIZE + " coloured series, got series " + i);
        }
        return COLOURS.get(i);
    }

    /**
     * @param i     a series' index in its chart
     * @param width the line width (px)
     * @return its line: solid, dashed, dotted or dash-dotted in turn
     */
    public static BasicStroke line(int i, float width) {
        float[] dash = DASHES.get(i % DASHES.size());
        return dash.length == 0 ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dash, 0);
    }

    /**
     * @param c     a colour
     * @param alpha 0 to 255
     * @return the colour with that opacity
     */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
