package org.ketasim.core.io;

import java.nio.file.Path;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;

/**
 * An input file that ketasim does not read: missing, not a regular file (a folder, a device such as
 * {@code /dev/zero}, a pipe), or larger than the reader's limit. The message reads
 * {@code file: reason}.
 */
public final class InputFileException extends InputException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    /**
     * @param file   the file
     * @param reason why it is not read, without the file name
     */
    public InputFileException(Path file, String reason) {
        super(new Location(String.valueOf(file), 0, ""), reason);
        this.file = file;
        this.reason = reason;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return why it is not read, without the file name */
    public String reason() {
        return reason;
    }
}
