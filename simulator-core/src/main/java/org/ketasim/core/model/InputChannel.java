package org.ketasim.core.model;

/**
 * One path by which doses of a route enter a {@link LinearSystem}.
 *
 * @param stateIndex      index of the state the dose enters (a depot, or the central compartment
 *                        for IV)
 * @param bioavailability fraction of each dose that takes this path (1 for IV)
 * @param lagH            delay between administration and entry (h), &gt;= 0 (0 for IV)
 * @param zeroOrderH      duration over which a bolus enters evenly (h), 0 for at once
 * @param devices         device dosing of the route, if its boluses are given by devices
 */
public record InputChannel(int stateIndex, double bioavailability, double lagH, double zeroOrderH,
                           java.util.Optional<DeviceDosing> devices) {
}
