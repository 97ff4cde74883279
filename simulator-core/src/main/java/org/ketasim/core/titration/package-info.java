/**
 * Rule-based titration: an infusion whose rate is decided at each interval from the simulated
 * patient (expected NRS reduction, drug-high probability, plasma or effect-site concentration),
 * as clinics titrate ("+2 mg/h every hour until the NRS falls 2 points or side effects appear").
 * The rules are resolved into an ordinary step schedule and a list of the events that fired.
 * Rates in mg/h, times in h, concentrations in ng/mL. Thread-safe (stateless).
 */
package org.ketasim.core.titration;
