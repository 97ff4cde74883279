package org.ketasim.core.regimen;

import java.util.List;
import java.util.Objects;
import org.ketasim.core.model.Route;

/**
 * An infusion at a constant rate.
 *
 * @param startH     start (h), &gt;= 0
 * @param durationH  duration (h), &gt; 0
 * @param rateMgPerH rate (mg/h), &gt;= 0
 * @param route      route of administration
 */
public record ConstantInfusion(double startH, double durationH, double rateMgPerH, Route route) implements Dose {

    /** Checks the ranges above. */
    public ConstantInfusion {
        DoseChecks.time("infusion start", startH);
        DoseChecks.duration("infusion duration", durationH);
        DoseChecks.amount("infusion rate", rateMgPerH, "mg/h");
        Objects.requireNonNull(route, "route");
    }

    /**
     * A bolus given over a duration, i.e. a constant-rate infusion of that amount.
     *
     * @param startH    start (h)
     * @param amountMg  amount (mg)
     * @param durationH duration (h), &gt; 0
     * @param route     route
     * @return the infusion at rate amount/duration
     */
    public static ConstantInfusion ofAmount(double startH, double amountMg, double durationH, Route route) {
        DoseChecks.amount("bolus amount", amountMg, "mg");
        DoseChecks.duration("bolus duration ('over')", durationH);
        return new ConstantInfusion(startH, durationH, amountMg / durationH, route);
    }

    @Override
    public List<RateSegment> rateSegments() {
        return List.of(new RateSegment(startH, startH + durationH, rateMgPerH));
    }

    @Override
    public ConstantInfusion shiftedBy(double dtH) {
        return new ConstantInfusion(startH + dtH, durationH, rateMgPerH, route);
    }
}
