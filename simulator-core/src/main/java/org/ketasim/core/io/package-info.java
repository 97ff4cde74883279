/**
 * Writers of the output contract of the scenario format page: {@code timeseries.csv} per scenario,
 * one {@code summary.csv} and the other tables, and {@link org.ketasim.core.io.InputFiles}, the
 * check every input file passes before it is read. Numbers are written in full precision
 * ({@link Double#toString}, which reads back to the same double) with {@code .} as the decimal mark;
 * every cell goes through {@link org.ketasim.core.io.Csv}, which keeps text cells from being read
 * as spreadsheet formulas and column names unique. Writers take a {@link java.io.Writer}; opening,
 * naming and renaming files is the caller's job.
 */
package org.ketasim.core.io;
