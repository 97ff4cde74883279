package org.ketasim.core.io;

import java.util.List;
import java.util.stream.Collectors;

/** CSV cell formatting (RFC 4180 quoting) shared by the writers. */
final class Csv {
    private Csv() {
    }

    /** @return the number in full precision, or an empty cell for NaN */
    static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /** @return the text, quoted if it holds a comma, quote or line break */
    static String text(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** @return the cells joined into one line, with its line break */
    static String line(List<String> cells) {
        return cells.stream().collect(Collectors.joining(",", "", "\n"));
    }
}
