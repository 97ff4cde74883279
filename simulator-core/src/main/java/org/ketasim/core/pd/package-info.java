/**
 * Per-row pharmacodynamic curves of one simulated patient, neither of them a patient outcome: the
 * drug-high score of a typical healthy volunteer at the acute effect site
 * ({@link org.ketasim.core.outcomes.DrugHighScore}) and the NRS reduction of a responder with Dahan
 * 2011's typical values at the slow pain effect site
 * ({@link org.ketasim.core.outcomes.ResponderCurve#LABEL}). What shares of patients get relief or
 * side effects, with their uncertainty, is in {@link org.ketasim.core.outcomes}. All concentrations
 * are S-ketamine in ng/mL. Immutable and thread-safe.
 */
package org.ketasim.core.pd;
