/**
 * The {@code ketasim} command: picocli subcommands that wire the core together, read scenario
 * files, write the output contract and charts. Exit codes: 0 ok, 1 internal error, 2 bad input.
 */
package org.ketasim.cli;
