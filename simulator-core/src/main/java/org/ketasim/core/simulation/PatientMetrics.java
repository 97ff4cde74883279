package org.ketasim.core.simulation;

import org.ketasim.core.metrics.Summary;

/**
 * A simulated patient's summary and curve metrics, without its rows
 * ({@link PatientSimulator#metrics}): what a sweep point reports.
 *
 * @param summary the summary metrics (dose, peaks, AUCs)
 * @param curves  hours in the windows and the largest pharmacodynamic values
 */
public record PatientMetrics(Summary summary, CurveMetrics curves) {
}
