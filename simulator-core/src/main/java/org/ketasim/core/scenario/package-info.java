/**
 * The scenario as a value: a {@link org.ketasim.core.scenario.Scenario} (patient, model, regimen,
 * output grid, population and outcome settings; built, read or varied with withers) and a
 * {@link org.ketasim.core.scenario.Sweep} of it, and the
 * {@link org.ketasim.core.scenario.ScenarioCompiler} that checks one against its model and resolves
 * it for its patient into a {@link org.ketasim.core.scenario.CompiledScenario}, whose plan the
 * engine runs. Compiling never simulates.
 *
 * <p>Reading and writing YAML (scenario format v1, {@code docs/scenario-format.md}) is the codec's
 * job, in {@code org.ketasim.core.io.yaml}; this package imports no YAML or file code. Problems are
 * {@link org.ketasim.core.scenario.ScenarioException}s that name the file, line, key and value where
 * the scenario was read from a file; what is possible but probably not meant
 * ({@link org.ketasim.core.scenario.Plausibility}) is a typed warning, never silence. Nothing is
 * defaulted silently: the few documented defaults (route {@code iv}, {@code at: 0 h}, lag 0, molar
 * mass ratio 1, drug {@code esketamine}) are those of the format page.
 */
package org.ketasim.core.scenario;
