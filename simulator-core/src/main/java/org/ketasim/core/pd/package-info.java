/**
 * Pharmacodynamics: what the concentrations mean for the patient. Acute psychotomimetic effect
 * ("drug high") from the effect-site concentration, and chronic pain relief (expected NRS
 * reduction) from the slow effect compartment of Dahan 2011, with the effective-reduction
 * definitions of the Dutch survey. All concentrations are S-ketamine in ng/mL; every equation or
 * exponent the papers do not give is an assumption stated in {@link org.ketasim.core.pd.PdAssumptions}.
 * Immutable and thread-safe.
 */
package org.ketasim.core.pd;
