/**
 * Pharmacokinetic models: parameter sets with provenance, allometric weight scaling, and their
 * conversion to a linear state-space system {@code x' = A x + u(t)}.
 *
 * <p>Units follow {@link org.ketasim.core.units}: amounts in mg, volumes in L, clearances and
 * inter-compartmental flows in L/h, rate constants in 1/h, times in h, body weight in kg.
 *
 * <p>The structure is that of scenario format v1: a mammillary parent model of 1 to 3 compartments,
 * one first-order absorption depot per extravascular route (bioavailability, ka, lag), an optional
 * metabolite formed from the parent's elimination clearance (1 or 2 compartments), and an optional
 * effect site. All parameter values are immutable; every class here is thread-safe.
 */
package org.ketasim.core.model;
