package org.ketasim.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ketasim.core.io.Csv;
import org.ketasim.core.io.SweepWriter;
import org.ketasim.core.scenario.Sweep;
import org.ketasim.core.sweep.SweepPoint;

/**
 * A sweep's files in its output folder, opened to write more points: {@value #ROWS} (one row a point,
 * in point order), {@value #SUBJECTS} (one row a virtual subject, with {@code --per-subject}),
 * {@value #WARNINGS} ({@code point N: warning}) and {@value #STATE} (the sweep's fingerprint).
 *
 * <p>A batch of points is written subjects and warnings first, rows last, each file flushed: so a
 * point with a row has all its subjects and warnings. {@link #resume} trusts nothing it did not
 * check: the state must be this sweep's fingerprint; each file must be a regular file with this
 * sweep's header; the rows, counted as CSV records (a value may hold a line break), must be points
 * 0, 1, ... in order with this sweep's scenario and axis values; each point before the first to run
 * again must have exactly its subjects. Only a last record cut short by the interruption is dropped
 * (with whatever follows a record that is not valid CSV); anything else is refused with its reason.
 * Not thread-safe.
 */
final class SweepFiles implements Closeable {

    /** The sweep's fingerprint: SHA-256 of the sweep, its bases and the options that shape the rows. */
    static final String STATE = "sweep.state";
    /** One row a point. */
    static final String ROWS = "sweep.csv";
    /** One row a virtual subject. */
    static final String SUBJECTS = "sweep_subjects.csv";
    /** The points' warnings. */
    static final String WARNINGS = "warnings.txt";

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}\n?");
    private static final Pattern WARNING = Pattern.compile("point (\\d+): .*");

    private final Path warningsFile;
    private final SweepWriter writer;
    private final long next;
    private long problems;
    private final Writer rows;
    private final Writer subjects;
    private final Writer warnings;

    private SweepFiles(Path warningsFile, SweepWriter writer, long next, long problems, List<Writer> files) {
        this.warningsFile = warningsFile;
        this.writer = writer;
        this.next = next;
        this.problems = problems;
        this.rows = files.get(0);
        this.subjects = files.get(1);
        this.warnings = files.get(2);
    }

    /**
     * Opens the files to stream points into, created new or appended to; on a failure, those opened
     * are closed again.
     */
    private static SweepFiles open(Path out, SweepWriter writer, long next, long problems, boolean perSubject,
                                   boolean created) throws OutputException {
        Path warningsFile = out.resolve(WARNINGS);
        List<Writer> opened = new ArrayList<>();
        try {
            opened.add(stream(out.resolve(ROWS), created));
            opened.add(perSubject ? stream(out.resolve(SUBJECTS), created) : Writer.nullWriter());
            opened.add(stream(warningsFile, created || !Files.exists(warningsFile, LinkOption.NOFOLLOW_LINKS)));
        } catch (OutputException e) {
            for (Writer w : opened) {
                try {
                    w.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new SweepFiles(warningsFile, writer, next, problems, opened);
    }

    private static Writer stream(Path file, boolean create) throws OutputException {
        return create ? AtomicFiles.create(file) : AtomicFiles.append(file);
    }

    /**
     * Starts a sweep in a fresh output folder: the state, and the files with their headers.
     *
     * @param out         the output folder, opened with {@link OutputDirectory#prepare}
     * @param writer      the sweep's writer
     * @param fingerprint the sweep's fingerprint
     * @param perSubject  whether subjects are written
     * @return the files, to write from point 0
     * @throws IOException an {@link OutputException} naming the file, if they cannot be written
     */
    static SweepFiles start(Path out, SweepWriter writer, String fingerprint, boolean perSubject)
            throws IOException {
        AtomicFiles.writeText(out.resolve(STATE), w -> w.write(fingerprint + "\n"));
        SweepFiles files = open(out, writer, 0, 0, perSubject, true);
        files.rows.write(writer.header());
        files.subjects.write(writer.subjectsHeader());
        return files;
    }

    /**
     * Checks an interrupted sweep's files (see the class comment), cuts them after the last complete
     * point, and opens them to write the points after it.
     *
     * @param out         the output folder, opened with {@link OutputDirectory#resume}
     * @param sweep       the sweep
     * @param writer      its writer
     * @param fingerprint its fingerprint
     * @param perSubject  whether subjects are written
     * @return the files, to write from {@link #nextPoint()}
     * @throws OutputException if the files are not this sweep's interrupted run, with the reason
     */
    static SweepFiles resume(Path out, Sweep sweep, SweepWriter writer, String fingerprint, boolean perSubject)
            throws OutputException {
        Path state = out.resolve(STATE);
        Path rowsFile = out.resolve(ROWS);
        if (!Files.exists(state, LinkOption.NOFOLLOW_LINKS) || !Files.exists(rowsFile, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(out + " holds no sweep to resume (no " + STATE + " or " + ROWS + ")");
        }
        String found = new String(bytes(state, 128), StandardCharsets.UTF_8);
        if (!FINGERPRINT.matcher(found).matches()) {
            throw refused(state + " is not a sweep's state (it was changed or replaced)");
        }
        if (!found.strip().equals(fingerprint)) {
            throw refused(out + " holds a different sweep (the sweep file, its base scenario, the windows or "
                    + "--per-subject changed)");
        }
        Points points = checkRows(rowsFile, sweep, writer);
        Path subjectsFile = out.resolve(SUBJECTS);
        long subjectRows = 0;
        if (perSubject) {
            if (!Files.exists(subjectsFile, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(subjectsFile + " is missing");
            }
            subjectRows = checkSubjects(subjectsFile, sweep, writer, points);
        }
        Path warningsFile = out.resolve(WARNINGS);
        boolean warned = Files.exists(warningsFile, LinkOption.NOFOLLOW_LINKS);
        long warningLines = warned ? checkWarnings(warningsFile, sweep, points.kept()) : 0;
        AtomicFiles.writeText(rowsFile, w -> copy(rowsFile, writer.header(), points.kept(), w));
        if (perSubject) {
            long n = subjectRows;
            AtomicFiles.writeText(subjectsFile, w -> copy(subjectsFile, writer.subjectsHeader(), n, w));
        }
        if (warned) {
            AtomicFiles.writeText(warningsFile, w -> {
                try (BufferedReader r = reader(warningsFile)) {
                    for (long k = 0; k < warningLines; k++) {
                        w.write(r.readLine() + "\n");
                    }
                }
            });
        }
        return open(out, writer, points.kept(), points.failed().cardinality(), perSubject, false);
    }

    /** @return the first point still to run */
    long nextPoint() {
        return next;
    }

    /** @return the points written so far (before and since the resumption) that could not be simulated */
    long problems() {
        return problems;
    }

    /**
     * Writes a batch of points, subjects and warnings before rows.
     *
     * @param done the points, in order, following those written
     * @throws IOException an {@link OutputException} naming the file, if writing fails
     */
    void write(List<SweepPoint> done) throws IOException {
        for (SweepPoint p : done) {
            writer.writeSubjects(p, subjects);
            for (var w : p.warnings()) {
                warnings.write("point " + p.index() + ": " + w.toString().replaceAll("[\r\n]+", " ") + "\n");
            }
        }
        subjects.flush();
        warnings.flush();
        for (SweepPoint p : done) {
            writer.writeRow(p, rows);
            problems += p.problem().isEmpty() ? 0 : 1;
        }
        rows.flush();
    }

    /**
     * Closes the files; removes {@value #WARNINGS} if no point had a warning.
     *
     * @throws IOException an {@link OutputException} naming the file, if a file cannot be written
     */
    @Override
    public void close() throws IOException {
        try (rows; subjects; warnings) {
            warnings.flush();
        }
        try {
            if (Files.size(warningsFile) == 0) {
                Files.delete(warningsFile);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(warningsFile, e);
        }
    }

    /**
     * The complete points of {@value #ROWS}.
     *
     * @param kept   how many: points 0 to {@code kept - 1}
     * @param failed those of them that could not be simulated
     */
    private record Points(long kept, BitSet failed) {
    }

    private static Points checkRows(Path file, Sweep sweep, SweepWriter writer) throws OutputException {
        long total = sweep.points();
        int k = 0;
        BitSet failed = new BitSet();
        try (Records records = new Records(file, writer.header())) {
            for (CSVRecord r = records.next(); r != null; r = records.next()) {
                if (k >= total) {
                    throw refused(file + " has more rows than the sweep has points (" + total + ")");
                }
                if (!leading(r, sweep, k)) {
                    throw refused(file + ": row " + (k + 1) + " is not point " + k + " of this sweep");
                }
                failed.set(k, !r.get(r.size() - 1).isEmpty());
                k++;
            }
        }
        return new Points(k, failed);
    }

    /**
     * @return how many rows of {@value #SUBJECTS} belong to the complete points: exactly each one's
     *         subjects (none for a point that could not be simulated)
     */
    private static long checkSubjects(Path file, Sweep sweep, SweepWriter writer, Points points)
            throws OutputException {
        long rows = 0;
        long point = 0;
        long count = 0;
        try (Records records = new Records(file, writer.subjectsHeader())) {
            for (CSVRecord r = records.next(); r != null; r = records.next()) {
                long p = parsePoint(r.get(0));
                if (p < point || p >= sweep.points() || !leading(r, sweep, p)) {
                    throw refused(file + ": row " + (rows + 2) + " is not a subject of this sweep's points, in order");
                }
                if (p >= points.kept()) {
                    break;
                }
                for (; point < p; point++, count = 0) {
                    checkSubjectCount(file, sweep, points, point, count);
                }
                count++;
                rows++;
            }
        }
        for (; point < points.kept(); point++, count = 0) {
            checkSubjectCount(file, sweep, points, point, count);
        }
        return rows;
    }

    private static void checkSubjectCount(Path file, Sweep sweep, Points points, long point, long count)
            throws OutputException {
        long expected = points.failed().get((int) point) ? 0 : sweep.subjects(point).orElse(0);
        if (count != expected) {
            throw refused(file + " has " + count + " rows for point " + point + ", which has " + expected
                    + " subjects");
        }
    }

    private static long parsePoint(String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @return how many lines of {@value #WARNINGS} belong to the complete points; every complete
     *         line must be a warning of this sweep's points, in order
     */
    private static long checkWarnings(Path file, Sweep sweep, long kept) throws OutputException {
        requireRegular(file);
        long lines = 0;
        try (BufferedReader r = reader(file)) {
            boolean complete = Files.size(file) == 0 || lastByte(file) == '\n';
            long last = 0;
            String next = r.readLine();
            for (long i = 1; next != null; i++) {
                String line = next;
                next = r.readLine();
                if (next == null && !complete) {
                    break;
                }
                Matcher m = WARNING.matcher(line);
                long p = m.matches() ? parsePoint(m.group(1)) : -1;
                if (p < last || p >= sweep.points()) {
                    throw refused(file + ": line " + i + " is not a warning of this sweep's points, in order");
                }
                last = p;
                lines += p < kept ? 1 : 0;
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw refused("cannot read " + file + ": " + e.getMessage());
        }
        return lines;
    }

    /** @return whether the record starts with the point's number, base scenario and axis values */
    private static boolean leading(CSVRecord r, Sweep sweep, long point) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(point));
        cells.add(Csv.text(sweep.base(point).name()));
        sweep.values(point).forEach(v -> cells.add(Csv.text(v)));
        List<String> expected = Records.parse(Csv.line(cells));
        return r.size() >= expected.size() && r.toList().subList(0, expected.size()).equals(expected);
    }

    /** Writes the header and the first {@code count} records of a checked file, as the writer wrote them. */
    private static void copy(Path file, String header, long count, Writer w) throws IOException {
        w.write(header);
        try (Records records = new Records(file, header)) {
            for (long k = 0; k < count; k++) {
                w.write(Csv.line(records.next().toList().stream().map(Csv::text).toList()));
            }
        }
    }

    private static void requireRegular(Path file) throws OutputException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(file + " is not a regular file (a link, a folder or a device)");
        }
    }

    /** @return the file's bytes, which must be at most {@code max} */
    private static byte[] bytes(Path file, int max) throws OutputException {
        requireRegular(file);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] b = in.readNBytes(max);
            if (in.read() >= 0) {
                throw refused(file + " is larger than a sweep's " + file.getFileName() + " can be");
            }
            return b;
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw refused("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** @return a reader of the file's text; bytes that are not UTF-8 are read as U+FFFD, and checked as such */
    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static int lastByte(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(b);
            return b.get(0);
        }
    }

    private static OutputException refused(String reason) {
        return new OutputException("--resume: " + reason + "; run without --resume to start again");
    }

    /**
     * The complete records of one of the sweep's CSV files, after its header. A record is complete
     * when its line break follows; so only the last one can be cut short by an interruption (also
     * inside a quoted value, which leaves a quote open at the end of the file). A record with
     * another number of cells than the header, or text that is not CSV, is refused.
     */
    private static final class Records implements AutoCloseable {
        private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

        private final Path file;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final boolean endsWithLineBreak;
        private final int columns;
        private boolean quoteOpenAtEnd;
        private CSVRecord pending;

        /**
         * @param file   the file
         * @param header the header line it must have
         * @throws OutputException if it is not a regular file, cannot be read, or has another header
         */
        Records(Path file, String header) throws OutputException {
            requireRegular(file);
            this.file = file;
            try {
                endsWithLineBreak = Files.size(file) > 0 && lastByte(file) == '\n';
                parser = CSVParser.parse(reader(file), FORMAT);
            } catch (IOException e) {
                throw refused("cannot read " + file + ": " + e.getMessage());
            }
            records = parser.iterator();
            CSVRecord first = read();
            if (first == null || !first.toList().equals(parse(header))) {
                close();
                throw refused(file + (first == null ? " has no header" : " has not this sweep's header"));
            }
            columns = first.size();
            pending = read();
        }

        /**
         * @return the next complete record, or null after the last one
         * @throws OutputException if the record has the wrong number of cells or is not CSV
         */
        CSVRecord next() throws OutputException {
            CSVRecord r = pending;
            if (r == null) {
                return null;
            }
            pending = read();
            if (pending == null && !quoteOpenAtEnd && !endsWithLineBreak) {
                return null;
            }
            if (r.size() != columns) {
                throw refused(file + ": record " + r.getRecordNumber() + " has " + r.size() + " cells, the header "
                        + columns);
            }
            return r;
        }

        /** @return the next record, or null at the end of the file or at a record cut inside a quoted value */
        private CSVRecord read() throws OutputException {
            try {
                return records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException e) {
                // Commons CSV says "EOF reached before encapsulated token finished" (or "EOF while processing
                // escape sequence") for a quote left open at the end: the last record was cut
                if (e.getCause() instanceof CSVException c && String.valueOf(c.getMessage()).contains("EOF")) {
                    quoteOpenAtEnd = true;
                    return null;
                }
                close();
                throw refused(file + " is not valid CSV: " + e.getCause().getMessage());
            }
        }

        /** @return the cells of one CSV line */
        static List<String> parse(String line) {
            try (CSVParser p = CSVParser.parse(new StringReader(line), FORMAT)) {
                return p.getRecords().get(0).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("a line ketasim wrote is CSV", e);
            }
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                // only read; nothing is lost
            }
        }
    }
}
