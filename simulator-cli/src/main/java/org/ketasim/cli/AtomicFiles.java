package org.ketasim.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files under a temporary name in the same folder and renames them when complete, so a file
 * with its final name is always whole.
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
    private static final java.util.Set<Path> IN_PROGRESS = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
     * Checks an {@code --out} directory before anything is written to it.
     *
     * @param out the directory (it need not exist yet)
     * @param err where the problem is reported
     * @return whether it can be used: it is a directory or does not exist
     */
    static boolean usableOutputDirectory(Path out, PrintWriter err) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("error: --out " + out + " exists and is not a directory");
            return false;
        }
        return true;
    }

    static void writeText(Path target, TextContent content) throws IOException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes one line per entry, or removes the file (a leftover of an earlier run) when there are none.
     */
    static void writeLinesOrDelete(Path target, java.util.List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            Files.deleteIfExists(target);
            return;
        }
        writeText(target, w -> {
            for (String line : lines) {
                w.write(line + "\n");
            }
        });
    }

    static void write(Path target, StreamContent content) throws IOException {
        try (Pending file = open(target)) {
            content.writeTo(file.stream);
            file.commit();
        }
    }

    /**
     * Opens a text file to be written over time (rows streamed as they are computed): it is
     * written under a temporary name and gets its name only at {@link Pending#commit()}; closed
     * without a commit, it is removed.
     *
     * @param target the final name
     * @return the open file
     * @throws IOException if it cannot be created
     */
    static Pending open(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        IN_PROGRESS.add(tmp);
        // created with the user's umask (Files.createTempFile would make it owner-only)
        return new Pending(target, tmp, new BufferedOutputStream(Files.newOutputStream(tmp,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16));
    }

    /** A file being written under a temporary name. */
    static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final OutputStream stream;
        private final Writer writer;
        private boolean closed;

        private Pending(Path target, Path tmp, OutputStream stream) {
            this.target = target;
            this.tmp = tmp;
            this.stream = stream;
            this.writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        }

        /** @return the file's text writer (flushed at commit) */
        Writer writer() {
            return writer;
        }

        /**
         * Closes the file and gives it its final name.
         *
         * @throws IOException if it cannot be written or renamed
         */
        void commit() throws IOException {
            writer.flush();
            stream.close();
            closed = true;
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Removes the file unless it was committed. */
        @Override
        public void close() throws IOException {
            try {
                if (!closed) {
                    stream.close();
                }
            } finally {
                Files.deleteIfExists(tmp);
                IN_PROGRESS.remove(tmp);
            }
        }
    }
}
