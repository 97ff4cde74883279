/**
 * Scenario files (YAML, scenario format v1; see {@code docs/scenario-format.md}) read into
 * validated domain objects, with errors that name the file, the line, the key and the value.
 *
 * <p>Reading is strict: unknown keys (with a "did you mean"), unknown units, values of the wrong
 * dimension, negative, NaN or infinite values, and routes the model lacks are errors. Nothing is
 * defaulted silently; the few documented defaults (route {@code iv}, {@code at: 0 h}, lag 0,
 * molar mass ratio 1, drug {@code esketamine}) are those of the format page.
 */
package org.ketasim.core.scenario;
