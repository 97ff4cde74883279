package org.ketasim.core.scenario;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.ketasim.core.problems.Location;

/**
 * Where a scenario was read from: its file, the line of every key path in it and the text of every
 * single value, so that problems found when the scenario is compiled (after edits with withers, too)
 * still name a line, and quote a value as it was written while it is unchanged. A key path a wither
 * changed keeps its line.
 *
 * @param file  the file
 * @param lines 1-based line per dotted key path, e.g. {@code regimen.doses[0].infusion.rate}
 * @param texts the text of every single value, per key path
 */
public record Origin(Path file, Map<String, Integer> lines, Map<String, String> texts) {

    /** Copies the maps. */
    public Origin {
        Objects.requireNonNull(file, "file");
        lines = Map.copyOf(lines);
        texts = Map.copyOf(texts);
    }

    /**
     * @param key a dotted key path
     * @return where it is: the line of the key, or of the nearest enclosing key written in the file
     */
    public Location at(String key) {
        String k = key;
        while (true) {
            Integer line = lines.get(k);
            if (line != null) {
                return new Location(String.valueOf(file), line, key);
            }
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            if (cut <= 0) {
                return new Location(String.valueOf(file), 0, key);
            }
            k = k.substring(0, cut);
        }
    }
}
