/**
 * Charts of a simulation (XChart), drawn headless: concentrations on top, the pump rate as a step
 * plot below, on one shared time axis, as PNG or SVG.
 */
package org.ketasim.cli.chart;
