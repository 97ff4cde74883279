package org.ketasim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Repairs the files of an interrupted sweep so that it can go on: a file cut inside a line loses
 * that line, and rows of points that will be run again are removed.
 */
final class ResumableCsv {

    private ResumableCsv() {
    }

    /**
     * Cuts the file after its last line break and counts its lines.
     *
     * @param file a file written line by line
     * @return the number of complete lines (0 if the file does not exist)
     * @throws IOException if it cannot be read or cut
     */
    static long completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        cutAfterLastLineBreak(file);
        return countLines(file, line -> true);
    }

    /**
     * @param file a file written line by line
     * @param which the lines to count
     * @return how many of its lines match
     * @throws IOException if it cannot be read
     */
    static long countLines(Path file, Predicate<String> which) throws IOException {
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines += which.test(line) ? 1 : 0;
            }
        }
        return lines;
    }

    /** Drops whatever follows the file's last line break: a line left half-written. */
    private static void cutAfterLastLineBreak(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') {
                    break;
                }
                end--;
            }
            f.setLength(end);
        }
    }

    /**
     * Keeps only the lines of points below {@code next}: lines start with the point number
     * ({@code 17,...}) or with {@code point 17:}.
     *
     * @param file      the file; nothing happens if it does not exist
     * @param next      the first point that will be run again
     * @param hasHeader whether the first line is a header to keep
     * @throws IOException if it cannot be rewritten
     */
    static void keepPointsBelow(Path file, long next, boolean hasHeader) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        cutAfterLastLineBreak(file);
        AtomicFiles.writeText(file, (Writer w) -> {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                boolean first = true;
                while ((line = r.readLine()) != null) {
                    if (first && hasHeader || point(line) < next) {
                        w.write(line);
                        w.write('\n');
                    }
                    first = false;
                }
            }
        });
    }

    private static long point(String line) {
        String s = line.startsWith("point ") ? line.substring(6) : line;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? Long.MAX_VALUE : Long.parseLong(s.substring(0, end));
    }
}
