package org.ketasim.cli;

/** The exit codes of every ketasim command. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** A defect in ketasim itself: please report it. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad input: a malformed or invalid scenario, a missing file, a bad option. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
