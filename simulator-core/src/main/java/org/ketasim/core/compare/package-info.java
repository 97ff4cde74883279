/**
 * Comparing regimens: per scenario (and model), the numbers of {@code comparison.csv} (doses,
 * rates, exposure, time in concentration windows, pharmacodynamics over the course and 4 and 12
 * weeks after it). Concentrations are those of the model's parent analyte (S-ketamine for the
 * S-ketamine models) in ng/mL; times in h. Immutable and thread-safe.
 */
package org.ketasim.core.compare;
