package org.ketasim.core.outcomes;

/**
 * The common time bins on which every subject's plasma S-ketamine exposure is stored: equal bins
 * from t = 0, about {@value #DEFAULT_BIN_H} h wide, chosen so that the course end is a bin edge,
 * continuing for a washout after the course. Edge {@code j} is at {@code j * binWidthH}.
 *
 * @param binWidthH   bin width (h), &gt; 0
 * @param courseBins  bins from 0 to the course end, &gt;= 0 (0 for a course that ends at t = 0, a bolus)
 * @param washoutBins bins after the course end, &gt;= 1
 */
public record ExposureGrid(double binWidthH, int courseBins, int washoutBins) {

    /** Default bin width (h). */
    public static final double DEFAULT_BIN_H = 1;
    /**
     * Default washout (h) binned after the course end, one week: the S-ketamine AUC left after it
     * is carried as one tail, and with a week the tail's simplification (it is taken to enter at the
     * last edge) moves the pain effect site by less than 1e-8 relative for the catalogue's courses,
     * where 96 h gave up to 1e-6 ({@code ExposureQuadratureTest}).
     */
    public static final double DEFAULT_WASHOUT_H = 168;

    /** Two times within this many hours (relative above 1 h) are the same edge. */
    private static final double TOLERANCE_H = 1e-9;

    /** Checks the ranges above. */
    public ExposureGrid {
        if (!(binWidthH > 0) || Double.isInfinite(binWidthH)) {
            throw new IllegalArgumentException("bin width must be positive, got " + binWidthH + " h");
        }
        if (courseBins < 0 || washoutBins < 1) {
            throw new IllegalArgumentException("a grid needs >= 0 course bins and >= 1 washout bin, got " + courseBins
                    + " and " + washoutBins);
        }
    }

    /**
     * @param courseEndH the end of the last administration (h), &gt;= 0
     * @return the grid with bins of about {@value #DEFAULT_BIN_H} h and a {@value #DEFAULT_WASHOUT_H}-h washout
     */
    public static ExposureGrid forCourse(double courseEndH) {
        return forCourse(courseEndH, DEFAULT_BIN_H, DEFAULT_WASHOUT_H);
    }

    /**
     * @param courseEndH the end of the last administration (h), &gt;= 0
     * @param targetBinH the wanted bin width (h), &gt; 0; the width used divides the course evenly
     *                   and is at most this
     * @param washoutH   hours binned after the course end, &gt; 0
     * @return the grid
     */
    public static ExposureGrid forCourse(double courseEndH, double targetBinH, double washoutH) {
        if (!(courseEndH >= 0) || Double.isInfinite(courseEndH)) {
            throw new IllegalArgumentException("course end must be >= 0, got " + courseEndH + " h");
        }
        if (!(targetBinH > 0) || !(washoutH > 0) || Double.isInfinite(washoutH)) {
            throw new IllegalArgumentException("bin width and washout must be positive, got " + targetBinH + " h and "
                    + washoutH + " h");
        }
        int course = (int) Math.ceil(courseEndH / targetBinH - TOLERANCE_H);
        double width = course == 0 ? targetBinH : courseEndH / course;
        int washout = (int) Math.ceil(washoutH / width - TOLERANCE_H);
        if ((long) course + washout > 10_000_000L) {
            throw new IllegalArgumentException("a course of " + courseEndH + " h at " + targetBinH + "-h bins needs "
                    + ((long) course + washout) + " bins, more than 10,000,000; use wider bins");
        }
        return new ExposureGrid(width, course, washout);
    }

    /** @return the number of bins */
    public int bins() {
        return courseBins + washoutBins;
    }

    /** @return the course end (h), an edge */
    public double courseEndH() {
        return courseBins * binWidthH;
    }

    /** @return the last edge (h), the end of the binned washout */
    public double lastEdgeH() {
        return bins() * binWidthH;
    }

    /** @return the {@code bins() + 1} edge times (h), from 0 */
    public double[] edgesH() {
        double[] e = new double[bins() + 1];
        for (int j = 0; j < e.length; j++) {
            e[j] = j * binWidthH;
        }
        return e;
    }

    /**
     * @param timeH a time (h)
     * @return the index of the edge at that time, or -1 if it is not an edge
     */
    public int edgeIndex(double timeH) {
        long j = Math.round(timeH / binWidthH);
        if (j < 0 || j > bins()) {
            return -1;
        }
        return Math.abs(j * binWidthH - timeH) <= TOLERANCE_H * Math.max(1, Math.abs(timeH)) ? (int) j : -1;
    }
}
