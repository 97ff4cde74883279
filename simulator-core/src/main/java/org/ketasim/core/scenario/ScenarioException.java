package org.ketasim.core.scenario;

import java.nio.file.Path;

/**
 * A scenario file that cannot be used: malformed YAML, an unknown key, a bad value. The message
 * reads {@code file:line: key: problem}, naming the value where there is one.
 */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file    the scenario file
     * @param line    1-based line number, or 0 if unknown
     * @param key     the dotted key path, e.g. {@code regimen.doses[0].infusion.rate}, or empty
     * @param problem what is wrong, naming the value
     */
    public ScenarioException(Path file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    private static String format(Path file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** @return the scenario file */
    public Path file() {
        return file;
    }

    /** @return 1-based line number, 0 if unknown */
    public int line() {
        return line;
    }

    /** @return the dotted key path, or empty */
    public String key() {
        return key;
    }

    /** @return the problem alone, without file, line and key */
    public String problem() {
        return problem;
    }
}
