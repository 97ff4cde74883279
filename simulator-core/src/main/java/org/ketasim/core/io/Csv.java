package org.ketasim.core.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CSV cell formatting shared by every writer of ketasim: RFC 4180 quoting, and text cells that a
 * spreadsheet cannot take for a formula.
 *
 * <p>A text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is written with a leading {@code '} (the OWASP advice against CSV injection), so that
 * {@code =HYPERLINK(...)} in a model name is shown as text, not run; a text that is a plain number,
 * such as {@code -5} or {@code 1e-3}, is a number and stays as it is. Numbers written with
 * {@link #number} are never changed. Stateless and thread-safe.
 */
public final class Csv {

    /** The first characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA_START = "=+-@\t\r";
    /** A plain decimal number, which a spreadsheet reads as a number, not a formula. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Csv() {
    }

    /**
     * @param value a number
     * @return the number in full precision, or an empty cell for NaN
     */
    public static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /**
     * @param value a text
     * @return the text with a leading {@code '} if a spreadsheet would take it for a formula, for
     *         writers that quote cells themselves (Commons CSV)
     */
    public static String neutralised(String value) {
        return !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0
                && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    /**
     * @param value a text
     * @return the text as one cell: {@link #neutralised}, then quoted if it holds a comma, quote or
     *         line break
     */
    public static String text(String value) {
        String cell = neutralised(value);
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /**
     * @param cells the cells, each already formatted by {@link #number} or {@link #text}
     * @return the cells joined into one line, with its line break
     */
    public static String line(List<String> cells) {
        return cells.stream().collect(Collectors.joining(",", "", "\n"));
    }

    /**
     * A header line whose column names are unique: a name that comes again (a user's window named
     * like another column, say) gets {@code _2}, {@code _3}, ... (the first free one); each name
     * is then formatted as {@link #text}.
     *
     * @param names the column names, in order
     * @return the header line, with its line break
     */
    public static String header(List<String> names) {
        return line(uniqueNames(names).stream().map(Csv::text).toList());
    }

    /**
     * @param names column names, in order
     * @return the names, each one that comes again suffixed {@code _2}, {@code _3}, ... with a
     *         suffix no other name has
     */
    public static List<String> uniqueNames(List<String> names) {
        Set<String> given = new HashSet<>(names);
        Set<String> taken = new HashSet<>();
        List<String> unique = new ArrayList<>(names.size());
        for (String name : names) {
            String u = name;
            for (int k = 2; taken.contains(u) || !u.equals(name) && given.contains(u); k++) {
                u = name + "_" + k;
            }
            taken.add(u);
            unique.add(u);
        }
        return unique;
    }
}
