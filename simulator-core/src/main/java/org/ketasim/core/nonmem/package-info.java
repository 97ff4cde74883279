/**
 * NONMEM data sets: reading them, simulating them with NONMEM's dosing-event semantics on a
 * ketasim model, and writing scenarios as data sets. {@code docs/nonmem.md} gives the rules with
 * their evidence and the commands.
 *
 * <h2>Rules of NONMEM records, as ketasim applies them</h2>
 * <ol>
 *   <li>An individual is a contiguous block of records with the same ID; an ID that comes back is a
 *       new individual, simulated from zero. Records are processed in file order; TIME must not
 *       decrease within an individual. The predictions of a record are taken after the record is
 *       applied (a bolus into the observed compartment is in the prediction of its own dose
 *       record).</li>
 *   <li>The interval from one record to the next is simulated with the model of the record that
 *       ends it: its WT and its mapped model parameters (CL, V1, Q2, V2, Q3, V3, KAn), as NONMEM
 *       advances with the PK values of the record it advances to. The first record ends no interval;
 *       each record's prediction uses its own volume.</li>
 *   <li>EVID 0 observation, 1 dose, 2 other (predicted, not observed), 3 reset (all amounts to zero,
 *       running infusions and pending lagged or additional doses dropped), 4 reset then dose.</li>
 *   <li>A dose of AMT into compartment CMT is a bolus when RATE is 0, an infusion at RATE otherwise.
 *       Bioavailability F scales the amount, so an infusion at a set rate runs longer (F x AMT /
 *       RATE); RATE -1 takes the rate from the modelled R of the compartment, RATE -2 the duration
 *       from its modelled D. The lag ALAG of the compartment delays the whole input. An infusion
 *       shorter than the same-instant tolerance is given as a bolus, so that its amount enters.</li>
 *   <li>ALAG comes from the dose record. F, R and D act when the dose enters: from the dose record
 *       for a dose that enters at its record, otherwise from the record at or after its entry.</li>
 *   <li>ADDL additional doses follow every II after the dose, with the same amount, rate and lag;
 *       they give no prediction rows of their own. A series of them is summed in closed form
 *       ({@code TrainResponse}), whatever its length.</li>
 *   <li>SS=1 resets the system and puts it in the steady state of the dose repeated every II forever,
 *       the current dose being the newest of that train; SS=2 adds that steady state to the current
 *       state. The steady state is exact: the ended earlier doses as a geometric series of
 *       propagators, the earlier doses still running or not yet arrived (lag, infusions longer than
 *       II) as a finite train that goes on after the record. SS=1 with II 0, AMT 0 and RATE &gt; 0 is
 *       the steady state of a constant infusion that ends at the record, without F.</li>
 *   <li>Per-compartment F, ALAG, R and D come from data columns named with {@code --map}; without a
 *       column, F and ALAG default to the model's values for that compartment (the route's F and lag
 *       for a depot; 1 and 0 for the central compartment), and a depot's zero-order phase is its D.</li>
 * </ol>
 */
package org.ketasim.core.nonmem;
