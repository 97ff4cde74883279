package org.ketasim.core.regimen;

import java.util.List;
import java.util.stream.DoubleStream;
import org.ketasim.core.model.Route;

/**
 * One dose event of a regimen: a bolus or an infusion (constant, titrated or stepped).
 * Implementations are immutable.
 */
public sealed interface Dose permits Bolus, ConstantInfusion, TitrationSchedule, StepSchedule {

    /** @return the route of administration */
    Route route();

    /** @return the time the dose starts (h) */
    double startH();

    /** @return the pump's rate segments, in time order; empty for a bolus */
    List<RateSegment> rateSegments();

    /**
     * @param untilH a time (h)
     * @return the amount administered before {@code untilH} (mg; for a bolus, up to and including
     *         {@code untilH}), before bioavailability
     */
    default double administeredMg(double untilH) {
        return rateSegments().stream().mapToDouble(s -> s.deliveredMg(untilH)).sum();
    }

    /** @return the administration times at which this dose changes the input, ascending */
    default double[] breakpoints() {
        return rateSegments().stream()
                .flatMapToDouble(s -> DoubleStream.of(s.startH(), s.endH()))
                .distinct()
                .sorted()
                .toArray();
    }

    /**
     * @param dtH a time shift (h)
     * @return the same dose given {@code dtH} later
     */
    Dose shiftedBy(double dtH);
}
