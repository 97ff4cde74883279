package org.ketasim.core.scenario;

import java.nio.file.Path;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;

/**
 * A scenario or sweep that cannot be used: malformed YAML, an unknown key, a bad value, a
 * combination the model cannot simulate. The message reads {@code file:line: key: problem},
 * naming the value where there is one.
 */
public class ScenarioException extends InputException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file    the scenario file, or null for a scenario built in code
     * @param line    1-based line number, or 0 if unknown
     * @param key     the dotted key path, e.g. {@code regimen.doses[0].infusion.rate}, or empty
     * @param problem what is wrong, naming the value
     */
    public ScenarioException(Path file, int line, String key, String problem) {
        super(new Location(file == null ? "" : String.valueOf(file), line, key), problem);
        this.file = file;
    }

    /**
     * @param location where the problem is
     * @param problem  what is wrong, naming the value
     */
    public ScenarioException(Location location, String problem) {
        super(location, problem);
        this.file = pathOf(location.source());
    }

    private static Path pathOf(String source) {
        try {
            return source.isEmpty() ? null : Path.of(source);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** @return the scenario file, or null for a scenario built in code */
    public Path file() {
        return file;
    }

    /** @return 1-based line number, 0 if unknown */
    public int line() {
        return location().line();
    }

    /** @return the dotted key path, or empty */
    public String key() {
        return location().key();
    }
}
