package org.ketasim.core.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.ketasim.core.problems.InputException;

/**
 * Every problem of one scenario or sweep file, found in one reading or compiling of it, in file
 * order (by line; problems of the file as a whole first). It is located at the first of them; its
 * message is one line that lists them all, each {@code file:line: key: problem}, separated by
 * {@code "; "} (for a table cell or a list of failures); {@link #problems()} gives them one by one.
 */
public final class ScenarioProblems extends ScenarioException {
    private static final long serialVersionUID = 1L;

    private final transient List<InputException> problems;

    private ScenarioProblems(List<ScenarioException> sorted) {
        super(sorted.get(0).location(), sorted.get(0).problem());
        this.problems = List.copyOf(sorted);
    }

    /**
     * @param found the problems, at least one, in the order found
     * @return the one problem itself, or all of them sorted into file order (stable for one line)
     * @throws IllegalArgumentException if there is none
     */
    public static ScenarioException of(List<? extends ScenarioException> found) {
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no problem to report");
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<ScenarioException> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ScenarioException::line));
        return new ScenarioProblems(sorted);
    }

    @Override
    public List<InputException> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return problems.stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
    }
}
