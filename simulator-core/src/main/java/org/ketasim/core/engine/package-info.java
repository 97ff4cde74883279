/**
 * The engine: one {@link org.ketasim.core.engine.Propagator} owns time for every workload (one
 * patient, every subject of a population, every sweep point, TCI, titration, the NONMEM
 * simulator), and takes each interval of constant input with a
 * {@link org.ketasim.core.engine.Stepper} chosen by {@link org.ketasim.core.engine.Engine}: the modal
 * closed form (the default), the matrix exponential of the augmented system (exact for any matrix,
 * the fallback for systems that cannot be diagonalised safely) or Dormand&ndash;Prince 8(5,3) (an
 * independent numeric check, {@code --solver numeric}).
 *
 * <p>A {@link org.ketasim.core.engine.Plan} is what is run: the subject's linear system, its
 * {@link org.ketasim.core.engine.DoseTimeline} (breakpoints, the input rate into every state between
 * them, bolus jumps at them, bioavailability and lag applied), the
 * {@link org.ketasim.core.engine.OutputGrid} and the closed-loop
 * {@link org.ketasim.core.engine.Controller}s (rule titration, TCI, interactive titration), each
 * called at its decision times and stepping on from the current state, so the cost is linear in the
 * number of decisions. Metrics, pharmacodynamics and output rows are
 * {@link org.ketasim.core.engine.Observer}s of the loop, which also tells them every interval it
 * took, so integrals and peaks in continuous time are exact. Rows with nothing else due between
 * them go to the observers that take them so as a {@link org.ketasim.core.engine.RowRun}, computed in
 * one loop, with the same numbers as row by row.
 *
 * <h2>What a row means</h2>
 * A row at time t holds the state just after every bolus at t (right-continuous), and the pump rate
 * that holds from t on. A breakpoint within {@link org.ketasim.core.regimen.Breakpoints#TOLERANCE_H}
 * of an output time is taken to be at that output time.
 *
 * <p>Units: time h, amounts mg, rates mg/h, concentrations ng/mL. A propagator and its stepper
 * belong to one thread; plans and systems are immutable and shared.
 */
package org.ketasim.core.engine;
