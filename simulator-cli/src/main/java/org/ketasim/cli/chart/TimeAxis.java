package org.ketasim.cli.chart;

import org.knowm.xchart.XYChart;

/**
 * The time axis of a chart: hours for a session or a day, days for a multi-day course, so that a
 * 4-hour outpatient session is not squeezed into the first hours of an 8-day axis and a 4-day
 * infusion is not labelled in 5-hour steps. The axis ends at a round value past the last time.
 * Immutable.
 *
 * @param days    whether the axis is in days (else hours)
 * @param maxUnit where the axis ends, in its unit
 */
public record TimeAxis(boolean days, double maxUnit) {

    /** A course longer than this many hours is drawn in days. */
    public static final double DAYS_ABOVE_H = 48;

    /**
     * @param endH the last time drawn (h)
     * @return the axis for it
     */
    public static TimeAxis upTo(double endH) {
        boolean days = endH > DAYS_ABOVE_H;
        double end = days ? endH / 24 : endH;
        return new TimeAxis(days, roundUp(end));
    }

    /**
     * @param endH       the last time drawn (h)
     * @param courseEndH the end of the last administration (h)
     * @return the axis for it: hours for a session (a course of at most a day), however long its
     *         washout is drawn; else as {@link #upTo}
     */
    public static TimeAxis forCourse(double endH, double courseEndH) {
        return courseEndH <= Curve.SESSION_H ? new TimeAxis(false, roundUp(endH)) : upTo(endH);
    }

    /**
     * @param hours times (h)
     * @return the same times in the axis's unit
     */
    public double[] of(double[] hours) {
        double[] x = new double[hours.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = days ? hours[i] / 24 : hours[i];
        }
        return x;
    }

    /** @return the axis title, e.g. "Time (days)" */
    public String title() {
        return days ? "Time (days)" : "Time (h)";
    }

    /**
     * Sets the chart's x axis: its title, 0 to {@link #maxUnit}, labels without trailing zeros.
     * The axis starts a hair below 0: XChart 3.8 puts its ticks on the data's own x values when
     * those and the axis ends are equally spaced (a regular output grid from 0 to the end is),
     * which gives steps such as 0.8 days; off that grid it keeps its round steps.
     *
     * @param chart the chart
     */
    public void apply(XYChart chart) {
        chart.setXAxisTitle(title());
        chart.getStyler().setXAxisMin(-1e-9 * maxUnit).setXAxisMax(maxUnit).setXAxisDecimalPattern("#,##0.##");
    }

    /**
     * @param v a positive value
     * @return the smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 times a power of ten that is at
     *         least v, so that the axis's own ticks land on round numbers
     */
    static double roundUp(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * scale >= v * (1 - 1e-9)) {
                return m * scale;
            }
        }
        return 10 * scale;
    }
}
