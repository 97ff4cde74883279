package org.ketasim.core.regimen;

import java.util.List;
import java.util.Objects;
import org.ketasim.core.model.Route;

/**
 * An instantaneous dose.
 *
 * @param timeH    administration time (h), &gt;= 0
 * @param amountMg amount (mg), &gt;= 0
 * @param route    route of administration
 */
public record Bolus(double timeH, double amountMg, Route route) implements Dose {

    /** Checks the ranges above. */
    public Bolus {
        DoseChecks.time("bolus time", timeH);
        DoseChecks.amount("bolus amount", amountMg, "mg");
        Objects.requireNonNull(route, "route");
    }

    /**
     * @param timeH    administration time (h)
     * @param amountMg amount (mg)
     * @param route    route
     * @return the bolus
     */
    public static Bolus of(double timeH, double amountMg, Route route) {
        return new Bolus(timeH, amountMg, route);
    }

    @Override
    public double startH() {
        return timeH;
    }

    @Override
    public List<RateSegment> rateSegments() {
        return List.of();
    }

    @Override
    public double administeredMg(double untilH) {
        return untilH >= timeH || Breakpoints.same(untilH, timeH) ? amountMg : 0.0;
    }

    @Override
    public double[] breakpoints() {
        return new double[] {timeH};
    }

    @Override
    public Bolus shiftedBy(double dtH) {
        return new Bolus(timeH + dtH, amountMg, route);
    }
}
