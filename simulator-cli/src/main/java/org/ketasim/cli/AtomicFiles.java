package org.ketasim.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every file ketasim writes goes through here. A file written whole is written under a temporary
 * name in the same folder and renamed when complete, so a file with its final name is always whole,
 * and a link in its place is replaced, never followed. A streamed file (a sweep's rows) is created
 * new, or appended to only if it is a regular file. A file inside an {@link OutputDirectory} is
 * first claimed there (recorded as ketasim's, refused if another file is in its way). Every failure
 * is an {@link OutputException} reading {@code cannot write <path>: <reason>}; the temporary file
 * is removed.
 */
final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a text file. */
    @FunctionalInterface
    interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Temporary files being written; removed if the program is interrupted (Ctrl-C). */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_PROGRESS.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more can be done while the JVM stops; the name marks it as partial anyway
            }
        })));
    }

    private AtomicFiles() {
    }

    /**
     * Writes a UTF-8 text file whole.
     *
     * @param target  the file
     * @param content what to write
     * @throws OutputException if it cannot be written
     */
    static void writeText(Path target, TextContent content) throws OutputException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes one line per entry; writes nothing when there are none.
     *
     * @param target the file
     * @param lines  its lines
     * @throws OutputException if it cannot be written
     */
    static void writeLinesIfAny(Path target, List<String> lines) throws OutputException {
        if (lines.isEmpty()) {
            return;
        }
        writeText(target, w -> {
            for (String line : lines) {
                w.write(line + "\n");
            }
        });
    }

    /**
     * Writes a file whole.
     *
     * @param target  the file
     * @param content what to write
     * @throws OutputException if it cannot be written
     */
    static void write(Path target, StreamContent content) throws OutputException {
        OutputDirectory.claim(target);
        replace(target, content);
    }

    /**
     * Creates a new file to stream text into; nothing may be in its place, not even a link.
     *
     * @param target the file
     * @return a buffered UTF-8 writer whose failures are {@link OutputException}s naming the file
     * @throws OutputException if it cannot be created
     */
    static Writer create(Path target) throws OutputException {
        OutputDirectory.claim(target);
        try {
            return new Reporting(target, Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /**
     * Opens a text file to be written over time (rows streamed as they are computed) that gets its
     * name only when complete: it is written under a temporary name, claimed like every output, and
     * renamed at {@link Pending#commit()}; closed without a commit, it is removed.
     *
     * @param target the final name
     * @return the open file
     * @throws OutputException if it cannot be created
     */
    static Pending open(Path target) throws OutputException {
        OutputDirectory.claim(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        IN_PROGRESS.add(tmp);
        try {
            Files.createDirectories(dir);
            return new Pending(target, tmp, Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            IN_PROGRESS.remove(tmp);
            throw failure(target, e);
        }
    }

    /** A file being written under a temporary name, see {@link #open}. */
    static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final Reporting writer;
        private boolean committed;

        private Pending(Path target, Path tmp, OutputStream stream) {
            this.target = target;
            this.tmp = tmp;
            this.writer = new Reporting(target, stream);
        }

        /** @return the file's buffered UTF-8 writer */
        Writer writer() {
            return writer;
        }

        /**
         * Closes the file and gives it its final name (replacing a link there, never following it).
         *
         * @throws OutputException if it cannot be written or renamed
         */
        void commit() throws OutputException {
            writer.close();
            committed = true;
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        /** Removes the file unless it was committed. */
        @Override
        public void close() throws OutputException {
            try {
                if (!committed) {
                    writer.close();
                }
            } finally {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the file is named as partial; nothing more to do
                }
                IN_PROGRESS.remove(tmp);
            }
        }
    }

    /**
     * Opens an existing regular file to stream more text onto its end; a link is refused.
     *
     * @param target the file
     * @return a buffered UTF-8 writer whose failures are {@link OutputException}s naming the file
     * @throws OutputException if it is not a regular file or cannot be opened
     */
    static Writer append(Path target) throws OutputException {
        OutputDirectory.claim(target);
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException("cannot write " + target + ": it is not a regular file (a link, a folder or "
                    + "a device); ketasim appends only to the files it wrote");
        }
        try {
            return new Reporting(target, Files.newOutputStream(target, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /**
     * Writes a file whole without claiming it: for {@link OutputDirectory}'s own files.
     *
     * @param target  the file
     * @param content what to write
     * @throws OutputException if it cannot be written
     */
    static void replace(Path target, StreamContent content) throws OutputException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        IN_PROGRESS.add(tmp);
        try {
            Files.createDirectories(dir);
            // created with the user's umask (Files.createTempFile would make it owner-only)
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the write failed already or succeeded; a leftover is named as partial
            }
            IN_PROGRESS.remove(tmp);
        }
    }

    /**
     * @param target the file that could not be written
     * @param e      why
     * @return {@code cannot write <target>: <reason>}
     */
    static OutputException failure(Path target, IOException e) {
        return new OutputException("cannot write " + target + ": " + reason(target, e));
    }

    /** @return the operating system's reason, in words */
    private static String reason(Path target, IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof NotDirectoryException || e instanceof FileSystemException f
                && "Not a directory".equals(f.getReason())) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() == null || Path.of(f.getFile()).equals(target) ? "a file of that name exists already"
                    : f.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A buffered UTF-8 writer whose failures name the file. */
    private static final class Reporting extends Writer {
        private final Path target;
        private final Writer out;

        Reporting(Path target, OutputStream stream) {
            this.target = target;
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        /** One operation on the file. */
        @FunctionalInterface
        private interface Operation {
            void run() throws IOException;
        }

        private void reported(Operation operation) throws OutputException {
            try {
                operation.run();
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws OutputException {
            reported(() -> out.write(buffer, offset, length));
        }

        @Override
        public void write(String text) throws OutputException {
            reported(() -> out.write(text));
        }

        @Override
        public void flush() throws OutputException {
            reported(out::flush);
        }

        @Override
        public void close() throws OutputException {
            reported(out::close);
        }
    }
}
