package org.ketasim.cli.chart;

/** The file formats a chart can be written in. */
public enum ChartFormat {
    /** Portable Network Graphics, 1000 x 750 pixels. */
    PNG("png"),
    /** Scalable Vector Graphics. */
    SVG("svg");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension, without the dot */
    public String extension() {
        return extension;
    }
}
