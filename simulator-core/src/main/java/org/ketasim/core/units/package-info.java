/**
 * Physical quantities and their units, parsed from text such as {@code "5 mg/h"},
 * {@code "0.35 mg/kg/h"} or {@code "1.2 ug/kg/min"}.
 *
 * <p>Everything inside ketasim uses one internal unit system, and conversion happens only here, at
 * the boundary:
 * <table>
 *   <caption>Internal units</caption>
 *   <tr><th>dimension</th><th>internal unit</th></tr>
 *   <tr><td>mass (dose)</td><td>mg</td></tr>
 *   <tr><td>mass per body weight</td><td>mg/kg</td></tr>
 *   <tr><td>rate (dose rate)</td><td>mg/h</td></tr>
 *   <tr><td>rate per body weight</td><td>mg/kg/h</td></tr>
 *   <tr><td>time</td><td>h</td></tr>
 *   <tr><td>volume</td><td>L</td></tr>
 *   <tr><td>flow (clearance)</td><td>L/h</td></tr>
 *   <tr><td>rate constant</td><td>1/h</td></tr>
 *   <tr><td>body weight</td><td>kg</td></tr>
 *   <tr><td>concentration</td><td>ng/mL (= ug/L)</td></tr>
 * </table>
 *
 * <p>The accepted unit symbols are those of the scenario format page (format v1) plus a few
 * spelled-out aliases ({@code hr}, {@code day}, {@code mcg}, ...). An unknown unit is rejected with a
 * message that lists the units accepted for the expected dimension.
 */
package org.ketasim.core.units;
