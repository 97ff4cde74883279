package org.ketasim.core.scenario;

import java.util.regex.Pattern;

/**
 * What a scenario or sweep id may be: it names an output folder, so it is a safe folder name on
 * every system.
 */
public final class ScenarioIds {

    /** The longest id, in characters. */
    public static final int MAX_LENGTH = 100;

    /** Letters, digits, spaces and {@code . _ - + ( ) ,}, not starting with a dot or space. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}_(+-][\\p{L}\\p{N} ._()+,-]*");

    private ScenarioIds() {
    }

    /**
     * @param id a scenario or sweep id
     * @return whether it can be a folder name: 1 to {@value #MAX_LENGTH} letters, digits, spaces or
     *         {@code ._-+(),}, not starting with a dot or a space nor ending with a space
     */
    public static boolean isSafe(String id) {
        return id.length() <= MAX_LENGTH && SAFE.matcher(id).matches() && !id.endsWith(" ");
    }

    /**
     * @param id an id
     * @return why it cannot be a folder name, for messages
     */
    public static String problem(String id) {
        return "'" + id.replaceAll("\\p{Cntrl}", "?") + "' cannot be a folder name: an id has 1 to " + MAX_LENGTH
                + " letters, digits, spaces or '._-+(),' (no '/', '\\', '..' or control characters), and does not "
                + "start with a dot or a space";
    }
}
