package org.ketasim.core.regimen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.ketasim.core.model.Route;

/**
 * An infusion whose rate rises by a fixed increment at a fixed interval, up to an optional maximum:
 * on {@code [start + k*every, start + (k+1)*every)} the rate is {@code min(startRate + k*increment, max)},
 * and the infusion stops at {@code start + duration}.
 *
 * @param startH          start (h), &gt;= 0
 * @param startRateMgPerH first rate (mg/h), &gt;= 0
 * @param incrementMgPerH rise per interval (mg/h), &gt;= 0
 * @param everyH          interval between rises (h), &gt; 0
 * @param maxRateMgPerH   the largest rate (mg/h), &gt;= 0; {@code Double.POSITIVE_INFINITY} for none
 * @param durationH       total duration (h), &gt; 0
 * @param route           route of administration
 */
public record TitrationSchedule(double startH, double startRateMgPerH, double incrementMgPerH, double everyH,
                                double maxRateMgPerH, double durationH, Route route) implements Dose {

    /** Checks the ranges above. */
    public TitrationSchedule {
        DoseChecks.time("titration start", startH);
        DoseChecks.amount("titration start rate", startRateMgPerH, "mg/h");
        DoseChecks.amount("titration increment", incrementMgPerH, "mg/h");
        DoseChecks.duration("titration interval ('every')", everyH);
        if (!(maxRateMgPerH >= 0)) {
            throw new IllegalArgumentException("titration max rate must be zero or positive, got " + maxRateMgPerH);
        }
        DoseChecks.duration("titration duration", durationH);
        Objects.requireNonNull(route, "route");
    }

    /**
     * The rate segments; once the rate stops changing (the maximum is reached, or the increment is
     * zero) the rest of the schedule is one segment.
     */
    @Override
    public List<RateSegment> rateSegments() {
        List<RateSegment> segments = new ArrayList<>();
        double endH = startH + durationH;
        for (long k = 0; ; k++) {
            double from = startH + k * everyH;
            if (!(from < endH) || Breakpoints.same(from, endH)) {
                break;
            }
            double rate = Math.min(startRateMgPerH + k * incrementMgPerH, maxRateMgPerH);
            boolean capped = rate >= maxRateMgPerH || incrementMgPerH == 0;
            double to = capped ? endH : Math.min(startH + (k + 1) * everyH, endH);
            if (Breakpoints.same(to, endH)) {
                to = endH;
            }
            segments.add(new RateSegment(from, to, rate));
            if (capped) {
                break;
            }
        }
        return Collections.unmodifiableList(segments);
    }

    @Override
    public TitrationSchedule shiftedBy(double dtH) {
        return new TitrationSchedule(startH + dtH, startRateMgPerH, incrementMgPerH, everyH, maxRateMgPerH,
                durationH, route);
    }
}
