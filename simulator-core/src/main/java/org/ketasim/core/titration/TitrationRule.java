package org.ketasim.core.titration;

import java.util.Objects;
import java.util.Optional;
import org.ketasim.core.model.Route;

/**
 * A rule-based titration: from {@code start} the rate is decided every {@code every} hours until
 * {@code at + duration}. At each decision, in this order: if {@code stopWhen} holds the infusion
 * stops for good; else if {@code reduceWhen} holds the rate goes down by {@code reduceByMgPerH}
 * (or by {@code reduceByFraction} of itself); else if {@code stopRaisingWhen} holds the rate is
 * kept; else it rises by {@code stepMgPerH}, up to {@code maxMgPerH}.
 *
 * @param atH              start (h)
 * @param startMgPerH      first rate (mg/h)
 * @param stepMgPerH       rise per interval (mg/h)
 * @param everyH           interval between decisions (h)
 * @param maxMgPerH        highest rate (mg/h), infinite for none
 * @param durationH        how long the infusion lasts (h)
 * @param route            route
 * @param stopRaisingWhen  when to stop raising, if given
 * @param reduceWhen       when to step down, if given
 * @param reduceByMgPerH   how much to step down (mg/h); NaN when a fraction is given
 * @param reduceByFraction the fraction of the rate to step down by; NaN when an amount is given
 * @param stopWhen         when to stop the infusion, if given
 */
public record TitrationRule(double atH, double startMgPerH, double stepMgPerH, double everyH, double maxMgPerH,
                            double durationH, Route route, Optional<Condition> stopRaisingWhen,
                            Optional<Condition> reduceWhen, double reduceByMgPerH, double reduceByFraction,
                            Optional<Condition> stopWhen) {
    /** Checks that the values are usable. */
    public TitrationRule {
        if (!(atH >= 0) || !(startMgPerH >= 0) || !(stepMgPerH >= 0) || !(everyH > 0) || !(maxMgPerH >= 0)
                || !(durationH > 0)) {
            throw new IllegalArgumentException("titration values out of range");
        }
        Objects.requireNonNull(route, "route");
    }
}
