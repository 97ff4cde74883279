/**
 * Outcomes a clinician can read: chronic pain relief of patients rather than of a typical
 * responder, against placebo, with parameter uncertainty propagated; psychomimetic side effects
 * calibrated to a trial; the drug-high score under its honest name; concentration windows that
 * state their analyte; and where the evidence ends.
 *
 * <p>The entry point is {@link org.ketasim.core.outcomes.PopulationOutcomes#simulate}: it takes
 * each subject's S-ketamine exposure ({@link org.ketasim.core.outcomes.SubjectExposure}, computed
 * once by the engine on an {@link org.ketasim.core.outcomes.ExposureGrid}), the course
 * ({@link org.ketasim.core.outcomes.CourseDescriptor}) and settings, and returns one
 * {@link org.ketasim.core.outcomes.OutcomeRow} per arm, measure and time with its 95 % uncertainty
 * interval and evidence flag, mean NRS reductions, a per-subject view and the liver warning.
 *
 * <p>A pure library: no I/O, no printing, no YAML. Concentrations are S-ketamine in ng/mL, times
 * in hours. Every published number carries its source and confidence mark in its Javadoc; every
 * assumption is listed in {@link org.ketasim.core.outcomes.OutcomeAssumptions#LINES}. Values are
 * immutable and thread-safe; results depend on the seed only, not on the thread count.
 */
package org.ketasim.core.outcomes;
