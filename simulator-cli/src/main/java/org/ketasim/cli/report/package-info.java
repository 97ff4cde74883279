/**
 * The comparison report: one self-contained HTML page (charts embedded as data URIs, no scripts,
 * no network), every text from scenario files escaped.
 */
package org.ketasim.cli.report;
