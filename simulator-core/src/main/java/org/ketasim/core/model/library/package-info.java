/**
 * The built-in library of published ketamine and S-ketamine models, by id, each with its card:
 * citation and DOI, population, sampling site, the source of every parameter, inter-individual
 * variability and residual error where published, and the assumptions ketasim made.
 *
 * <p>Every number comes from {@code docs/research/pk-models.md}, whose confidence marks
 * ([V] verified in the primary source, [S] secondhand from code or a transcription citing the
 * source table, [U] uncertain or an implementer's assumption, [C] computed) are repeated on the
 * cards. Immutable and thread-safe.
 */
package org.ketasim.core.model.library;
