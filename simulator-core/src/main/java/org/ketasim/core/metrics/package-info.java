/**
 * Summary metrics of a simulation: dose totals, Cmax and Tmax, exact AUC. Units: mg, mg/kg, ng/mL,
 * h, ng&middot;h/mL. Immutable and thread-safe.
 */
package org.ketasim.core.metrics;
