package org.ketasim.core.regimen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.ketasim.core.model.Route;

/**
 * An infusion given as a list of rates, each held for its own duration, one after the other.
 *
 * @param startH start of the first step (h), &gt;= 0
 * @param steps  the steps, at least one
 * @param route  route of administration
 */
public record StepSchedule(double startH, List<Step> steps, Route route) implements Dose {

    /**
     * One step.
     *
     * @param rateMgPerH rate (mg/h), &gt;= 0
     * @param durationH  how long the rate is held (h), &gt; 0
     */
    public record Step(double rateMgPerH, double durationH) {
        /** Checks the ranges above. */
        public Step {
            DoseChecks.amount("step rate", rateMgPerH, "mg/h");
            DoseChecks.duration("step duration ('for')", durationH);
        }
    }

    /** Checks the ranges above and copies the steps. */
    public StepSchedule {
        DoseChecks.time("steps start", startH);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a step schedule needs at least one step");
        }
        Objects.requireNonNull(route, "route");
    }

    @Override
    public List<RateSegment> rateSegments() {
        List<RateSegment> segments = new ArrayList<>(steps.size());
        double from = startH;
        for (Step step : steps) {
            double to = from + step.durationH();
            segments.add(new RateSegment(from, to, step.rateMgPerH()));
            from = to;
        }
        return Collections.unmodifiableList(segments);
    }

    @Override
    public StepSchedule shiftedBy(double dtH) {
        return new StepSchedule(startH + dtH, steps, route);
    }
}
