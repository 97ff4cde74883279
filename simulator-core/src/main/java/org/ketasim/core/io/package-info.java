/**
 * Writers of the output contract of the scenario format page: {@code timeseries.csv} per scenario
 * and one {@code summary.csv}. Numbers are written in full precision ({@link Double#toString}, which
 * reads back to the same double) with {@code .} as the decimal mark. Writers take a
 * {@link java.io.Writer}; opening, naming and renaming files is the caller's job.
 */
package org.ketasim.core.io;
