package org.ketasim.core.nonmem;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A NONMEM data set read from CSV: a header row, then one record per row. Column names are
 * matched case-insensitively; {@code ID} and {@code TIME} are required, {@code EVID}, {@code AMT},
 * {@code CMT}, {@code RATE}, {@code II}, {@code ADDL} and {@code SS} default as in NONMEM (EVID 1
 * when AMT &gt; 0 and 0 otherwise, CMT 1, the others 0). A cell "." is 0. Rows whose comment column
 * {@code C} holds anything but "." or nothing, and rows starting with '#' or '@', are skipped.
 * Immutable once read.
 */
public final class NonmemDataSet {

    /** The standard columns, in the order ketasim writes them. */
    public static final List<String> STANDARD = List.of("ID", "TIME", "EVID", "AMT", "CMT", "RATE", "II", "ADDL", "SS");

    private static final Pattern MAPPED = Pattern.compile("(F|ALAG|R|D)([1-9][0-9]*)");
    /** A header cell that is listed in a message: a column name, not a line of some other file. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,39}");

    private final List<String> header;
    private final Map<String, List<NonmemRecord>> byId;

    private NonmemDataSet(List<String> header, Map<String, List<NonmemRecord>> byId) {
        this.header = header;
        this.byId = byId;
    }

    /**
     * Reads a data set.
     *
     * @param source  the file name, for messages
     * @param in      the CSV text
     * @param mapping modelled parameters read from columns, e.g. {@code F2 -> BIOAV}
     * @return the data set
     * @throws NonmemDataException naming the row and column of the first problem
     * @throws IOException         if reading fails
     */
    public static NonmemDataSet read(String source, Reader in, Map<String, String> mapping) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<CSVRecord> rows;
            try {
                rows = parser.getRecords();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException bad) {
                    throw new NonmemDataException(source, 0, "", "not valid CSV: " + bad.getMessage());
                }
                if (e.getCause() instanceof CharacterCodingException) {
                    throw new NonmemDataException(source, 0, "", "the file is not UTF-8 text");
                }
                throw e;
            }
            if (rows.isEmpty()) {
                throw new NonmemDataException(source, 0, "", "the file is empty");
            }
            List<String> header = rows.get(0).toList();
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).toUpperCase(Locale.ROOT), i);
            }
            for (String required : List.of("ID", "TIME")) {
                if (!columns.containsKey(required)) {
                    throw new NonmemDataException(source, 1, required, "the required column is missing ("
                            + (header.stream().allMatch(c -> COLUMN_NAME.matcher(c).matches())
                            ? "columns: " + String.join(", ", header)
                            : "the first row does not name the columns")
                            + ")");
                }
            }
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                if (!MAPPED.matcher(m.getKey().toUpperCase(Locale.ROOT)).matches()) {
                    throw new NonmemDataException(source, 0, "", "cannot map '" + m.getKey() + "': modelled "
                            + "parameters are F, ALAG, R or D followed by a compartment number, e.g. F2=BIOAV");
                }
                if (!columns.containsKey(m.getValue().toUpperCase(Locale.ROOT))) {
                    throw new NonmemDataException(source, 1, m.getValue(), "the column mapped to " + m.getKey()
                            + " is missing");
                }
            }
            Map<String, List<NonmemRecord>> byId = new LinkedHashMap<>();
            Map<String, Double> lastTime = new LinkedHashMap<>();
            for (int r = 1; r < rows.size(); r++) {
                CSVRecord csv = rows.get(r);
                long line = csv.getRecordNumber();
                List<String> cells = csv.toList();
                if (commented(cells, columns)) {
                    continue;
                }
                Cells c = new Cells(source, line, cells, columns);
                NonmemRecord record = c.record(mapping);
                Double previous = lastTime.put(record.id(), record.time());
                if (previous != null && record.time() < previous) {
                    throw new NonmemDataException(source, line, "TIME", "time " + record.time() + " is before the "
                            + "previous record's " + previous + " within ID " + record.id() + " (records must be sorted)");
                }
                byId.computeIfAbsent(record.id(), k -> new ArrayList<>()).add(record);
            }
            Map<String, List<NonmemRecord>> frozen = new LinkedHashMap<>();
            byId.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new NonmemDataSet(List.copyOf(header), Collections.unmodifiableMap(frozen));
        }
    }

    private static boolean commented(List<String> cells, Map<String, Integer> columns) {
        if (!cells.isEmpty() && (cells.get(0).startsWith("@") || cells.get(0).startsWith("#"))) {
            return true;
        }
        Integer c = columns.get("C");
        if (c == null || c >= cells.size()) {
            return false;
        }
        String flag = cells.get(c).trim();
        return !(flag.isEmpty() || flag.equals("."));
    }

    /** @return the header as read */
    public List<String> header() {
        return header;
    }

    /** @return the records of each ID, in file order */
    public Map<String, List<NonmemRecord>> byId() {
        return byId;
    }

    /** Typed access to one row's cells, with errors naming row and column. */
    private static final class Cells {
        private final String source;
        private final long line;
        private final List<String> cells;
        private final Map<String, Integer> columns;

        Cells(String source, long line, List<String> cells, Map<String, Integer> columns) {
            this.source = source;
            this.line = line;
            this.cells = cells;
            this.columns = columns;
        }

        private NonmemDataException error(String column, String problem) {
            return new NonmemDataException(source, line, column, problem);
        }

        private String text(String column) {
            Integer i = columns.get(column.toUpperCase(Locale.ROOT));
            if (i == null) {
                return null;
            }
            if (i >= cells.size()) {
                throw error(column, "the row has " + cells.size() + " cells; this column is number " + (i + 1));
            }
            return cells.get(i).trim();
        }

        private double number(String column, double missing) {
            String t = text(column);
            if (t == null) {
                return missing;
            }
            if (t.isEmpty() || t.equals(".")) {
                return 0;
            }
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw error(column, "'" + t + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw error(column, "'" + t + "' is not a finite number");
            }
            return v;
        }

        private int whole(String column, double v, int low, int high) {
            if (v != Math.rint(v) || v < low || v > high) {
                throw error(column, "'" + text(column) + "' must be a whole number from " + low + " to " + high);
            }
            return (int) v;
        }

        NonmemRecord record(Map<String, String> mapping) {
            String id = text("ID");
            if (id == null || id.isEmpty() || id.equals(".")) {
                throw error("ID", "the ID is missing");
            }
            double time = number("TIME", 0);
            if (time < 0) {
                throw error("TIME", "time " + time + " is negative");
            }
            double amt = number("AMT", 0);
            if (amt < 0) {
                throw error("AMT", "amount " + amt + " is negative");
            }
            int evid = amt > 0 ? 1 : 0;
            if (text("EVID") != null) {
                double e = number("EVID", 0);
                if (e != Math.rint(e) || e < 0 || e > 4) {
                    throw error("EVID", "unknown EVID " + text("EVID") + " (0 observation, 1 dose, 2 other, 3 reset, "
                            + "4 reset and dose)");
                }
                evid = (int) e;
            }
            int cmt = whole("CMT", text("CMT") == null || number("CMT", 0) == 0 ? 1 : number("CMT", 1), 1, 99);
            double rate = number("RATE", 0);
            if (rate < 0 && rate != -1 && rate != -2) {
                throw error("RATE", "rate " + rate + " is negative (only -1, modelled rate, and -2, modelled "
                        + "duration, are allowed)");
            }
            double ii = number("II", 0);
            if (ii < 0) {
                throw error("II", "interval " + ii + " is negative");
            }
            int addl = whole("ADDL", number("ADDL", 0), 0, 100_000);
            int ss = whole("SS", number("SS", 0), 0, 2);
            boolean dose = evid == 1 || evid == 4;
            if (dose && rate != 0 && amt == 0 && !(ss == 1 && ii == 0 && rate > 0)) {
                throw error("RATE", "RATE " + rate + " without an amount (AMT is 0); only SS=1 with II 0 may infuse "
                        + "without AMT");
            }
            if (dose && (addl > 0 || ss > 0) && ii == 0 && !(ss == 1 && amt == 0)) {
                throw error("II", "ADDL or SS need an interval II > 0");
            }
            Map<String, Double> modelled = new LinkedHashMap<>();
            mapping.forEach((param, column) -> modelled.put(param.toUpperCase(Locale.ROOT), number(column, 0)));
            return new NonmemRecord(line, id, time, evid, amt, cmt, rate, ii, addl, ss, modelled, cells);
        }
    }
}
