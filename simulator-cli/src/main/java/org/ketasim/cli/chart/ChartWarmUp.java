package org.ketasim.cli.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Draws a small chart in the house style, and throws it away, on a background thread while a
 * command simulates, so that its real charts do not start cold. The first chart of a JVM loads
 * and initialises XChart, the fonts, the rasteriser and the PNG encoder, and runs them in the
 * interpreter: a population's chart took 390-470 ms at the end of the command where the same chart
 * drawn again took 120-160 ms (10,000 subjects of the Dutch inpatient median, machine D,
 * docs/benchmarks.md). Started at most once per JVM; it writes nothing and changes no chart.
 */
public final class ChartWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ChartWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread, unless it was started before.
     *
     * @param format the format the command's charts will be written in
     */
    public static void start(ChartFormat format) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> draw(format), "chart-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Draws a two-panel grid with a title, a note, a line, a band and a legend, into nothing. */
    private static void draw(ChartFormat format) {
        double[] x = new double[64];
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            lo[i] = Math.sqrt(i);
            hi[i] = 2 * lo[i] + 1;
        }
        ChartGrid grid = new ChartGrid("Warm-up", 400, 2);
        for (int panel = 0; panel < 2; panel++) {
            var chart = ChartStyle.chart(200, 150, "Panel", "Concentration (ng/mL)");
            ChartStyle.band(chart, "band", x, lo, hi, Palette.translucent(Palette.colour(panel), 40));
            ChartStyle.line(chart, "line", x, hi, Palette.colour(panel), Palette.line(0, 2f));
            grid.add(chart, 150);
        }
        grid.note("A note under the panels.");
        try {
            grid.write(format, OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // nothing is written: a real chart that fails the same way reports it where it is written
        }
    }
}
