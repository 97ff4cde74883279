package org.ketasim.core.nonmem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A NONMEM data set read from CSV (UTF-8, with or without a byte-order mark): a header row, then one
 * record per row. Column names are matched case-insensitively, the first of two equal names being
 * the one used; {@code ID} and {@code TIME} are required, {@code EVID}, {@code AMT}, {@code CMT},
 * {@code RATE}, {@code II}, {@code ADDL} and {@code SS} default as in NONMEM (EVID 1 when AMT &gt; 0
 * and 0 otherwise, CMT 1, the others 0), and {@code WT} gives the record's weight. A cell "." is 0
 * (an empty or "." WT cell is no weight). Rows whose comment column {@code C} holds anything but "."
 * or nothing, and rows starting with '#' or '@', are skipped.
 *
 * <p>As in NONMEM, an individual is a contiguous block of records with the same ID: an ID that
 * comes back after another ID is a new individual, simulated from zero. TIME must not decrease
 * within an individual. Immutable once read.
 */
public final class NonmemDataSet {

    /** The standard columns, in the order ketasim writes them. */
    public static final List<String> STANDARD = List.of("ID", "TIME", "EVID", "AMT", "CMT", "RATE", "II", "ADDL", "SS");

    /** A header cell that is listed in a message: a column name, not a line of some other file. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,39}");

    /**
     * @param header the first row
     * @return its columns for a message, or a remark that it names none (so that a message never
     *         quotes a line of a file that is not a data set)
     */
    private static String columnsOf(List<String> header) {
        return header.stream().allMatch(c -> COLUMN_NAME.matcher(c).matches())
                ? "columns: " + String.join(", ", header) : "the first row does not name the columns";
    }

    /** The UTF-8 byte-order mark as read into a string. */
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    /**
     * One individual: a contiguous block of records with the same ID.
     *
     * @param id      the ID
     * @param records its records, in file order
     */
    public record Individual(String id, List<NonmemRecord> records) {
        /** Copies the list. */
        public Individual {
            records = List.copyOf(records);
        }
    }

    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Individual> individuals;

    private NonmemDataSet(List<String> header, Map<String, Integer> columns, List<Individual> individuals) {
        this.header = header;
        this.columns = columns;
        this.individuals = individuals;
    }

    /**
     * Reads a data set.
     *
     * @param source  the file name, for messages
     * @param in      the CSV text; a leading byte-order mark is skipped
     * @param mapping parameters read from columns, e.g. {@code F2 -> BIOAV} (see {@link MappedParameter})
     * @return the data set
     * @throws NonmemDataException naming the row and column of the first problem
     * @throws IOException         if reading fails
     */
    public static NonmemDataSet read(String source, Reader in, Map<String, String> mapping) throws IOException {
        List<CSVRecord> rows = rows(source, in);
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
                        + columnsOf(header) + ")");
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            String name;
            try {
                name = MappedParameter.parse(m.getKey()).name();
            } catch (IllegalArgumentException e) {
                throw new NonmemDataException(source, 0, "", e.getMessage());
            }
            if (!columns.containsKey(m.getValue().toUpperCase(Locale.ROOT))) {
                throw new NonmemDataException(source, 1, m.getValue(), "the column mapped to " + m.getKey()
                        + " is missing (" + columnsOf(header) + ")");
            }
            parameters.put(name, m.getValue());
        }
        List<Individual> individuals = new ArrayList<>();
        List<NonmemRecord> block = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            CSVRecord csv = rows.get(r);
            List<String> cells = csv.toList();
            if (commented(cells, columns)) {
                continue;
            }
            long line = csv.getRecordNumber();
            NonmemRecord record = new Cells(source, line, cells, columns).record(parameters);
            if (!block.isEmpty() && !block.get(0).id().equals(record.id())) {
                individuals.add(new Individual(block.get(0).id(), block));
                block = new ArrayList<>();
            }
            if (!block.isEmpty() && record.time() < block.get(block.size() - 1).time()) {
                throw new NonmemDataException(source, line, "TIME", "time " + record.time() + " is before the "
                        + "previous record's " + block.get(block.size() - 1).time() + " within ID " + record.id()
                        + " (records must be sorted)");
            }
            block.add(record);
        }
        if (!block.isEmpty()) {
            individuals.add(new Individual(block.get(0).id(), block));
        }
        return new NonmemDataSet(List.copyOf(header), Map.copyOf(columns), List.copyOf(individuals));
    }

    /** @return the CSV rows of the text, comment lines and empty lines left out */
    private static List<CSVRecord> rows(String source, Reader in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(in), format)) {
            return parser.getRecords();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException bad) {
                throw new NonmemDataException(source, 0, "", "not valid CSV: " + bad.getMessage());
            }
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(source);
            }
            throw e.getCause();
        } catch (CharacterCodingException e) {
            throw notUtf8(source);
        }
    }

    private static NonmemDataException notUtf8(String source) {
        return new NonmemDataException(source, 0, "", "not UTF-8 text (a byte sequence is not a character)");
    }

    /** @return the reader, past a leading byte-order mark if there is one */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        BufferedReader buffered = new BufferedReader(in);
        buffered.mark(1);
        if (buffered.read() != BYTE_ORDER_MARK) {
            buffered.reset();
        }
        return buffered;
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

    /**
     * @param name a column name, case-insensitive
     * @return the index of the column used for it (the first with that name), if there is one
     */
    public OptionalInt column(String name) {
        Integer i = columns.get(name.toUpperCase(Locale.ROOT));
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** @return the individuals (contiguous blocks of one ID), in file order */
    public List<Individual> individuals() {
        return individuals;
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

        private static boolean blank(String t) {
            return t.isEmpty() || t.equals(".");
        }

        private double number(String column, double missing) {
            String t = text(column);
            if (t == null) {
                return missing;
            }
            if (blank(t)) {
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

        private OptionalDouble weight() {
            String t = text("WT");
            if (t == null || blank(t)) {
                return OptionalDouble.empty();
            }
            double kg = number("WT", 0);
            if (!(kg > 0)) {
                throw error("WT", "weight '" + t + "' is not a positive number of kg");
            }
            return OptionalDouble.of(kg);
        }

        NonmemRecord record(Map<String, String> parameters) {
            String id = text("ID");
            if (id == null || blank(id)) {
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
            if (dose && rate != 0 && amt == 0 && !(ss == 1 && ii == 0 && rate != -2)) {
                throw error("RATE", "RATE " + rate + " without an amount (AMT is 0); only SS=1 with II 0 (a constant "
                        + "infusion at steady state) may infuse without AMT");
            }
            if (dose && (addl > 0 || ss > 0) && ii == 0 && !(ss == 1 && amt == 0)) {
                throw error("II", "ADDL or SS need an interval II > 0");
            }
            Map<String, Double> mapped = new LinkedHashMap<>();
            parameters.forEach((param, column) -> mapped.put(param, number(column, 0)));
            return new NonmemRecord(line, id, time, evid, amt, cmt, rate, ii, addl, ss, weight(), mapped, cells);
        }
    }
}
