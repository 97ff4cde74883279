package org.ketasim.core.model;

/**
 * Where doses of one route enter a {@link LinearSystem}.
 *
 * @param stateIndex      index of the state the dose enters (the route's depot, or the central
 *                        compartment for IV)
 * @param bioavailability fraction of each dose that enters, 0 to 1 (1 for IV)
 * @param lagH            delay between administration and entry (h), &gt;= 0 (0 for IV)
 */
public record InputChannel(int stateIndex, double bioavailability, double lagH) {
}
