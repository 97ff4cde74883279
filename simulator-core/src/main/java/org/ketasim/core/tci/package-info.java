/**
 * Target-controlled infusion: the pump rate, updated at a fixed interval, that brings the plasma
 * concentration (Jacobs, IEEE Trans Biomed Eng 1990, doi:10.1109/10.43621) or the effect-site
 * concentration (Shafer and Gregg, J Pharmacokinet Biopharm 1992, doi:10.1007/BF01062336) to a
 * target and holds it, within pump limits. The effect-site algorithm follows the form used by the
 * R package tci (Jarrett; anchors-software.md section 5.2, Case C): a peak search on a
 * 1,200-point grid, and plasma targeting once Cp is within 20 % and Ce within 5 % of the target.
 * Concentrations in ng/mL, rates in mg/h, times in h. Thread-safe (stateless between calls).
 */
package org.ketasim.core.tci;
