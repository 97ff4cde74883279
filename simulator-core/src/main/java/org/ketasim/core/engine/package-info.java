/**
 * The solvers, behind one interface ({@link org.ketasim.core.engine.Solver}): an exact solver
 * (matrix exponential of the augmented system over piecewise-constant input, the default) and a
 * numeric one (Commons Math Dormand&ndash;Prince 8(5,3), for cross-checks).
 *
 * <p>The regimen is first compiled against the model's routes into a
 * {@link org.ketasim.core.engine.DoseTimeline}: breakpoints, the input rate into every state between
 * them, and bolus jumps at them, with bioavailability and lag applied. A solver then walks the union
 * of those breakpoints and the {@link org.ketasim.core.engine.OutputGrid}, never stepping across a
 * breakpoint.
 *
 * <h2>What a row means</h2>
 * A row at time t holds the state just after every bolus at t (right-continuous), and the pump rate
 * that holds from t on. A breakpoint within {@link org.ketasim.core.regimen.Breakpoints#TOLERANCE_H}
 * of an output time is taken to be at that output time.
 *
 * <p>Units: time h, amounts mg, rates mg/h, concentrations ng/mL. Solvers are thread-safe: all
 * working state is local to a call.
 */
package org.ketasim.core.engine;
