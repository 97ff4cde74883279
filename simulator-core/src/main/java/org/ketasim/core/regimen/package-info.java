/**
 * Dosing regimens: immutable, time-sorted lists of dose events, each declaring the times at which
 * it changes what is administered (its breakpoints).
 *
 * <p>Units: times and durations in h, amounts in mg, rates in mg/h. Times are administration
 * (pump) times; bioavailability and absorption lag belong to the model's route and are applied by
 * the engine, not here.
 *
 * <h2>Rules of dosing events</h2>
 * <ol>
 *   <li>A bolus is an instantaneous amount: the state jumps at its time (plus the route's lag).</li>
 *   <li>An infusion is a list of {@link org.ketasim.core.regimen.RateSegment}s: constant pump rates
 *       on half-open intervals {@code [start, end)}. Rates of overlapping infusions add up.</li>
 *   <li>A titration schedule gives rate {@code min(start + k*increment, max)} on
 *       {@code [at + k*every, at + (k+1)*every)} and stops at {@code at + duration}.</li>
 *   <li>A course repeat copies every dose of the regimen, shifted by multiples of the interval.</li>
 *   <li>Every dose declares its breakpoints; the engine splits integration there and never steps
 *       across one. Breakpoints closer than {@link org.ketasim.core.regimen.Breakpoints#TOLERANCE_H}
 *       are one instant.</li>
 * </ol>
 * All types here are immutable and thread-safe.
 */
package org.ketasim.core.regimen;
