package org.ketasim.cli.chart;

/**
 * One concentration curve to draw.
 *
 * @param label          its legend entry (a scenario id, or a model id within a regimen's panel)
 * @param analyte        what the concentrations are, e.g. "S-ketamine"
 * @param timesH         times (h), increasing
 * @param concentrations concentrations (ng/mL)
 * @param courseEndH     the end of the last administration (h)
 */
public record Curve(String label, String analyte, double[] timesH, double[] concentrations, double courseEndH) {

    /** A course up to this long (h) is a session, drawn to {@link #WASHOUT_H} after its end. */
    static final double SESSION_H = 24;
    /** How long after a session its curve is drawn (h). */
    static final double WASHOUT_H = 12;
    /** Longer courses are drawn over at most this many hours (the first course of a long repeat). */
    static final double MAX_H = 8 * 24;

    /**
     * @return the part worth drawing: a session and {@value #WASHOUT_H} h after it, a course up to
     *         {@value #MAX_H} h
     */
    Curve drawn() {
        return upTo(courseEndH <= SESSION_H ? courseEndH + WASHOUT_H : MAX_H);
    }

    /** @return whether {@link #drawn} leaves out part of a course (not only a washout) */
    boolean cut() {
        return courseEndH > MAX_H;
    }

    /** @return the last time (h), 0 for an empty curve */
    double endH() {
        return timesH.length == 0 ? 0 : timesH[timesH.length - 1];
    }

    /**
     * @param endH the last time to keep (h)
     * @return the points up to that time
     */
    Curve upTo(double endH) {
        int n = 0;
        while (n < timesH.length && timesH[n] <= endH) {
            n++;
        }
        return n == timesH.length ? this : new Curve(label, analyte, java.util.Arrays.copyOf(timesH, n),
                java.util.Arrays.copyOf(concentrations, n), courseEndH);
    }
}
