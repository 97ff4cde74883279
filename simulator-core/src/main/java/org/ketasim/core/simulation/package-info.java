/**
 * Workloads on the one engine: {@link org.ketasim.core.simulation.PatientSimulator} (one patient of
 * a compiled scenario) and {@link org.ketasim.core.simulation.PopulationSimulator} (a virtual
 * population, streamed). Both run the {@link org.ketasim.core.engine.Propagator} with observers;
 * neither reads or writes files.
 */
package org.ketasim.core.simulation;
