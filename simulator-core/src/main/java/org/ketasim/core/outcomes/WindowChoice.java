package org.ketasim.core.outcomes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which concentration windows a command reports: the published ones ({@link AnalyteWindow#PUBLISHED})
 * or the user's ({@code --window name=low-high[@analyte]}). A window is tied to an analyte, and a
 * scenario's parent analyte is known only per scenario, so the choice is resolved per scenario
 * ({@link #resolve}): a window of the other analyte is converted on a stated basis, and a user
 * window without an analyte is taken as the parent's, and says so. The names, and so the columns,
 * are the same for every scenario. Immutable.
 *
 * @param specs the user's window specifications, in order; empty for the published windows
 */
public record WindowChoice(List<String> specs) {

    /** The published windows. */
    public static final WindowChoice PUBLISHED = new WindowChoice(List.of());

    /**
     * Copies the list and checks every specification and that no name comes twice.
     *
     * @throws IllegalArgumentException naming the first bad specification or repeated name
     */
    public WindowChoice {
        specs = List.copyOf(specs);
        Set<String> names = new HashSet<>();
        for (String spec : specs) {
            AnalyteWindow w = AnalyteWindow.parse(spec, Analyte.S_KETAMINE);
            if (!names.add(w.name())) {
                throw new IllegalArgumentException("the window name '" + w.name() + "' is given twice; each window "
                        + "names its own columns");
            }
        }
    }

    /**
     * @param parent the scenario's parent analyte
     * @return the windows, each in that analyte
     */
    public List<AnalyteWindow> resolve(Analyte parent) {
        return specs.isEmpty() ? AnalyteWindow.defaults(parent)
                : specs.stream().map(spec -> AnalyteWindow.parse(spec, parent).in(parent)).toList();
    }

    /** @return the window names, in order */
    public List<String> names() {
        return resolve(Analyte.S_KETAMINE).stream().map(AnalyteWindow::name).toList();
    }
}
