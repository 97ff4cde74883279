package org.ketasim.core.nonmem;

import java.util.regex.Pattern;

/**
 * Makes text from input files safe to write where it could do harm: a CSV cell that a spreadsheet
 * would run as a formula, and a comment line that a line break could end early. Both functions are
 * pure and thread-safe.
 */
public final class SafeText {

    /** A plain decimal number, as written by people and by {@link Double#toString}. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SafeText() {
    }

    /**
     * Neutralises a spreadsheet formula, as OWASP recommends against CSV injection: text that starts
     * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
     * {@code '}, so that a spreadsheet shows it as text instead of running it. Numbers such as
     * {@code -5} or {@code +1.5e-3} stay as they are, and so does every other text.
     *
     * @param cell the text of one cell
     * @return the text to write in the cell
     */
    public static String cell(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /**
     * Writes text on one line, readably and reversibly: a backslash becomes {@code \\}, a line feed
     * {@code \n}, a carriage return {@code \r}, a tab {@code \t}, and every other control, format,
     * line-separator or paragraph-separator character (Unicode categories Cc, Cf, Zl, Zp, such as
     * NUL, ESC, NEL, U+2028 or a bidirectional override) {@code \}{@code uXXXX}. Nothing in the result
     * can end a line or hide text.
     *
     * @param text any text
     * @return the text without line breaks or control characters
     */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
