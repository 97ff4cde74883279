package org.ketasim.core.model.library;

/**
 * Where a built-in route's absorption parameters come from.
 *
 * @param validated whether they rest on human data for this route
 * @param source    the source and any approximation made, for {@code ketasim models <id>}
 */
public record RouteNote(boolean validated, String source) {
}
