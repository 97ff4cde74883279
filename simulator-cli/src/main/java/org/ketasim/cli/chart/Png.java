package org.ketasim.cli.chart;

import javax.imageio.ImageIO;

/** How every PNG chart is encoded. */
final class Png {

    private Png() {
    }

    /**
     * Makes ImageIO encode in memory, never through a temporary file of its own: a full disk then
     * fails only the write of the chart (exit 2, with its path), not also the JVM's shutdown with a
     * stack trace. Called before every encoding rather than once when the command starts, so that
     * loading ImageIO (tens of milliseconds) happens on the thread that draws, not on the main
     * thread's start; cheap once loaded.
     */
    static void inMemory() {
        ImageIO.setUseCache(false);
    }
}
