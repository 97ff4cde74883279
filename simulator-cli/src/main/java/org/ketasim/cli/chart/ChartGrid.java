package org.ketasim.cli.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * Several XChart panels painted onto one picture, row by row in a fixed number of columns, under a
 * title wrapped to the width and above notes wrapped the same way. In each column the panels' plot
 * areas start at the same x, so that stacked panels share their time axis. A panel may carry an
 * {@link Overlay}, drawn over it in its own coordinates once XChart has laid it out. Not
 * thread-safe (XChart charts are mutable); make one per picture.
 */
public final class ChartGrid {

    /** What a panel draws over itself after XChart painted it (labels, whiskers). */
    @FunctionalInterface
    public interface Overlay {
        /**
         * @param g     the panel's graphics, origin at its top left
         * @param chart the panel, laid out: its screen coordinates are valid
         */
        void paint(Graphics2D g, XYChart chart);
    }

    private record Panel(XYChart chart, int height, Overlay overlay) {
    }

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int MARGIN = 10;

    private final String title;
    private final int width;
    private final int columns;
    private final List<Panel> panels = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param title   the picture's title ("" for none), wrapped to the width
     * @param width   the picture's width (px)
     * @param columns panels per row, at least 1
     */
    public ChartGrid(String title, int width, int columns) {
        this.title = title;
        this.width = width;
        this.columns = Math.max(1, columns);
    }

    /**
     * @param chart  a panel (its own title, if any, is drawn by XChart and should fit its width)
     * @param height its height (px); a row is as high as its highest panel
     * @return this
     */
    public ChartGrid add(XYChart chart, int height) {
        return add(chart, height, (g, c) -> { });
    }

    /**
     * @param chart   a panel
     * @param height  its height (px)
     * @param overlay what to draw over it
     * @return this
     */
    public ChartGrid add(XYChart chart, int height, Overlay overlay) {
        panels.add(new Panel(chart, height, overlay));
        return this;
    }

    /**
     * @param line a note under the panels, wrapped to the width
     * @return this
     */
    public ChartGrid note(String line) {
        notes.add(line);
        return this;
    }

    /** @return the width of one column (px) */
    public int columnWidth() {
        return width / columns;
    }

    /**
     * @param format the file format
     * @param out    where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(ChartFormat format, OutputStream out) throws IOException {
        int height = layoutHeight();
        if (format == ChartFormat.PNG) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g, height);
            g.dispose();
            Png.inMemory();
            ImageIO.write(image, "png", out);
        } else {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g, height);
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
        }
    }

    private int layoutHeight() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int h = text(g, title, TITLE, 0, false) + rowsHeight() + notesHeight(g);
        g.dispose();
        return h;
    }

    private int rowsHeight() {
        int total = 0;
        for (int start = 0; start < panels.size(); start += columns) {
            total += rowHeight(start);
        }
        return total;
    }

    private int rowHeight(int start) {
        int h = 0;
        for (int i = start; i < Math.min(panels.size(), start + columns); i++) {
            h = Math.max(h, panels.get(i).height());
        }
        return h;
    }

    private int notesHeight(Graphics2D g) {
        int h = 0;
        for (String n : notes) {
            h += text(g, n, NOTE, 0, false);
        }
        return notes.isEmpty() ? 0 : h + MARGIN;
    }

    private void paint(Graphics2D g, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = text(g, title, TITLE, 0, true);
        int cell = columnWidth();
        double[] own = new double[panels.size()];
        double[] plotLeft = new double[columns];
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            own[i] = plotLeft(p.chart(), cell, p.height());
            plotLeft[i % columns] = Math.max(plotLeft[i % columns], own[i]);
        }
        for (int start = 0; start < panels.size(); start += columns) {
            for (int i = start; i < Math.min(panels.size(), start + columns); i++) {
                Panel p = panels.get(i);
                int column = i % columns;
                int shift = (int) Math.max(0, Math.round(plotLeft[column] - own[i]));
                Graphics2D panel = (Graphics2D) g.create(column * cell + shift, y, cell - shift, p.height());
                p.chart().paint(panel, cell - shift, p.height());
                p.overlay().paint(panel, p.chart());
                panel.dispose();
            }
            y += rowHeight(start);
        }
        if (!notes.isEmpty()) {
            y += MARGIN / 2;
            for (String n : notes) {
                y += text(g, n, NOTE, y, true);
            }
        }
    }

    /**
     * @return the x pixel where a panel's plot area starts when painted at this size. XChart lays a
     *         panel out from the size it is given and the graphics' font metrics, not from the
     *         image's size, so the panel is painted onto one pixel: the layout is the same and almost
     *         nothing is rasterised (on the 35-panel Dutch survey picture of {@code compare}, this
     *         paint was about as costly as the real one).
     */
    private static double plotLeft(XYChart chart, int width, int height) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        chart.paint(g, width, height);
        g.dispose();
        return chart.getScreenXFromChart(chart.getStyler().getXAxisMin() == null ? 0.0
                : chart.getStyler().getXAxisMin());
    }

    /**
     * Lays out text wrapped to the width, centred for the title and left-aligned for notes.
     *
     * @return the height it takes (px), 0 for empty text
     */
    private int text(Graphics2D g, String s, Font font, int top, boolean draw) {
        if (s.isBlank()) {
            return 0;
        }
        AttributedString attributed = new AttributedString(s);
        attributed.addAttribute(TextAttribute.FONT, font);
        FontRenderContext frc = g.getFontRenderContext();
        LineBreakMeasurer lines = new LineBreakMeasurer(attributed.getIterator(), frc);
        float y = top + MARGIN / 2f;
        float wrap = width - 2f * MARGIN;
        g.setColor(Color.BLACK);
        while (lines.getPosition() < s.length()) {
            int start = lines.getPosition();
            TextLayout line = lines.nextLayout(wrap);
            y += line.getAscent();
            if (draw) {
                float x = font == TITLE ? (width - line.getAdvance()) / 2 : MARGIN;
                // drawn as a string, not as the layout's glyph outlines: an SVG then holds filled
                // text, where the outlines showed as hollow letters
                g.setFont(font);
                g.drawString(s.substring(start, lines.getPosition()), x, y);
            }
            y += line.getDescent() + line.getLeading();
        }
        return Math.round(y - top + MARGIN / 2f);
    }
}
