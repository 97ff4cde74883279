package org.ketasim.cli;

import java.io.IOException;

/**
 * An output that cannot be written, through no defect of ketasim: {@code --out} is a file, a link,
 * read-only, full, in use by another ketasim command, holds files ketasim did not write, or holds
 * a sweep that cannot be resumed. The message names the path and the reason; the exit code is 2
 * ({@link ExitCodes#BAD_INPUT}), with no stack trace.
 */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the path and the reason, e.g. {@code cannot write out/summary.csv: No space left on device}
     */
    public OutputException(String message) {
        super(message);
    }
}
