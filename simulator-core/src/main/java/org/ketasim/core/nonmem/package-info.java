/**
 * NONMEM data sets: reading them, simulating them with NONMEM's dosing-event semantics on a
 * ketasim model, and writing scenarios as data sets.
 *
 * <h2>Rules of NONMEM records, as ketasim applies them</h2>
 * <ol>
 *   <li>Records of one ID are processed in file order; TIME must not decrease. The predictions of a
 *       record are taken after the record is applied (a bolus into the observed compartment is in
 *       the prediction of its own dose record).</li>
 *   <li>EVID 0 observation, 1 dose, 2 other (predicted, not observed), 3 reset (all amounts to zero,
 *       running infusions and pending lagged or additional doses dropped), 4 reset then dose.</li>
 *   <li>A dose of AMT into compartment CMT is a bolus when RATE is 0, an infusion at RATE otherwise.
 *       Bioavailability F scales the amount, so an infusion at a set rate runs longer (F x AMT /
 *       RATE); RATE -1 takes the rate from the modelled R of the compartment, RATE -2 the duration
 *       from its modelled D. The lag ALAG of the compartment delays the whole input.</li>
 *   <li>ADDL additional doses follow every II after the dose, with the same amount, rate and
 *       modelled parameters; they give no prediction rows of their own.</li>
 *   <li>SS=1 resets the system and puts it in the steady state of the dose repeated every II forever,
 *       the current dose being the newest of that train; SS=2 adds that steady state to the current
 *       state. The steady state is exact: the fixed point of one dosing interval, every input of the
 *       train (lagged, overlapping infusions with II shorter than the infusion) wrapped into it; the
 *       parts of earlier doses that are still running or not yet absorbed continue after the record.
 *       SS=1 with II 0, AMT 0 and RATE &gt; 0 is a constant infusion at steady state.</li>
 *   <li>Per-compartment F, ALAG, R and D come from data columns named with {@code --map}; without a
 *       column, F and ALAG default to the model's values for that compartment (the route's F and lag
 *       for a depot; 1 and 0 for the central compartment), and a depot's zero-order phase is its D.</li>
 * </ol>
 */
package org.ketasim.core.nonmem;
