package org.ketasim.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The check every input file (scenario, sweep base, NONMEM data set) passes before it is read: it
 * must be a regular file (a link to one is fine) no larger than the reader's limit. So
 * {@code /dev/zero} is refused instead of filling the memory, and a pipe instead of blocking forever.
 * Stateless and thread-safe.
 */
public final class InputFiles {

    /** Why a device, pipe or socket is not read. */
    public static final String NOT_REGULAR = "not a regular file (a device, a pipe or a socket)";

    private InputFiles() {
    }

    /**
     * @param file     the file to read
     * @param maxBytes the largest size the reader takes
     * @throws InputFileException if it does not exist, is not a regular file or is larger than
     *                            {@code maxBytes}
     */
    public static void requireRegular(Path file, long maxBytes) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputFileException(file, "permission denied");
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read: " + e.getMessage());
        }
        if (a.isDirectory()) {
            throw new InputFileException(file, "a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new InputFileException(file, NOT_REGULAR);
        }
        if (a.size() > maxBytes) {
            throw new InputFileException(file, "the file has " + a.size() + " bytes; the limit is " + maxBytes);
        }
    }

    /**
     * Reads a whole file after {@link #requireRegular}, and stops at the limit even if the file
     * grows while it is read.
     *
     * @param file     the file to read
     * @param maxBytes the largest size the reader takes
     * @return its bytes
     * @throws InputFileException if it is not a regular file of at most {@code maxBytes}
     * @throws IOException        if it cannot be read
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        requireRegular(file, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new InputFileException(file, "the file has more than " + maxBytes + " bytes, the limit");
            }
            return bytes;
        }
    }
}
