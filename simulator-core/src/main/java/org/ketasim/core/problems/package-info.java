/**
 * Problems and warnings as values: {@link org.ketasim.core.problems.InputException}, the one
 * exception hierarchy of bad input (scenario files, data sets, option values, units), and
 * {@link org.ketasim.core.problems.Warning}, typed warnings with their
 * {@link org.ketasim.core.problems.Location}. Depends on nothing else in ketasim.
 */
package org.ketasim.core.problems;
