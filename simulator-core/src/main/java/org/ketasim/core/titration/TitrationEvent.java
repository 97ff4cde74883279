package org.ketasim.core.titration;

/**
 * One decision of a rule-based titration, as written to {@code events.csv}.
 *
 * @param timeH               when (h)
 * @param action              start, raise, max, hold, reduce, stop or end
 * @param rateMgPerH          the rate from then on (mg/h)
 * @param concentration       parent plasma concentration then (ng/mL)
 * @param effectConcentration effect-site concentration then (ng/mL), NaN without one
 * @param drugHigh            a typical volunteer's drug-high score then (0 to 1), NaN without an effect site
 * @param nrsReduction        a responder's NRS reduction then (points), NaN without the pain effect site
 * @param reason              the limits that were reached, or empty
 */
public record TitrationEvent(double timeH, String action, double rateMgPerH, double concentration,
                             double effectConcentration, double drugHigh, double nrsReduction, String reason) {
}
