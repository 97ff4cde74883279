package org.ketasim.core.problems;

/**
 * Where a problem or a warning is: a source (a file's path, a command-line option, a data set), a
 * 1-based line or row in it (0 when unknown or not applicable) and a key (a dotted key path such
 * as {@code regimen.doses[0].infusion.rate}, a column, or empty).
 *
 * @param source the file or option, possibly empty
 * @param line   the line or row, 0 if none
 * @param key    the key, possibly empty
 */
public record Location(String source, int line, String key) {

    /** A location that says nothing. */
    public static final Location NOWHERE = new Location("", 0, "");

    /** Checks that nothing is null and the line is not negative. */
    public Location {
        java.util.Objects.requireNonNull(source, "source");
        java.util.Objects.requireNonNull(key, "key");
        if (line < 0) {
            throw new IllegalArgumentException("a line is 0 (unknown) or more, got " + line);
        }
    }

    /**
     * @param key a key
     * @return this location with that key
     */
    public Location withKey(String key) {
        return new Location(source, line, key);
    }

    /** @return {@code source:line: key}, leaving out what is unknown; a prefix for messages */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (!key.isEmpty()) {
            sb.append(sb.length() > 0 ? ": " : "").append(key);
        }
        return sb.toString();
    }
}
