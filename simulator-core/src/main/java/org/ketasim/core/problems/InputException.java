package org.ketasim.core.problems;

import java.util.List;

/**
 * Input that ketasim cannot use: a malformed or invalid scenario, sweep or data set, a bad value of
 * an option, an unknown unit. Every such problem is one of these, never a bare runtime exception,
 * so that the command line can answer it with its message and exit code 2. The message reads
 * {@code source:line: key: problem}, the problem naming the value. An input with several problems
 * (a scenario file read whole) is one exception whose {@link #problems()} lists them, in file
 * order; its message is still one line.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Location location;
    private final String problem;

    /**
     * @param location where the problem is
     * @param problem  what is wrong, naming the value
     */
    public InputException(Location location, String problem) {
        super(format(location, problem));
        this.location = location;
        this.problem = problem;
    }

    /**
     * For input whose convention names places differently (a data set's "row 12: column AMT").
     *
     * @param location where the problem is
     * @param problem  what is wrong, naming the value
     * @param message  the whole message, naming the place in that convention
     */
    protected InputException(Location location, String problem, String message) {
        super(message);
        this.location = location;
        this.problem = problem;
    }

    private static String format(Location location, String problem) {
        String where = location.toString();
        return where.isEmpty() ? problem : where + ": " + problem;
    }

    /** @return where the problem is */
    public Location location() {
        return location;
    }

    /** @return the problem alone, without its location */
    public String problem() {
        return problem;
    }

    /**
     * @return every problem this exception reports, each with its own location and message: this
     *         one alone, or those of an input with several (a subclass lists them)
     */
    public List<InputException> problems() {
        return List.of(this);
    }
}
