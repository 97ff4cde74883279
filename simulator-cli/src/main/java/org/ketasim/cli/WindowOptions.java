package org.ketasim.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ketasim.core.metrics.ConcentrationWindow;
import picocli.CommandLine.Option;

/** The repeatable {@code --window NAME=LOW-HIGH} option shared by compare, population and sweep (a picocli mixin). */
final class WindowOptions {

    @Option(names = "--window", paramLabel = "NAME=LOW-HIGH", description = "A concentration window in ng/mL "
            + "(repeatable; HIGH may be 'inf'); default: analgesia=70-160 and drug_high=71.319-inf.")
    private List<String> specs;

    /**
     * @return the windows given, or {@link ConcentrationWindow#DEFAULTS} when none are
     * @throws IllegalArgumentException if one is not of the form {@code name=low-high}, or two have one name
     */
    List<ConcentrationWindow> windows() {
        if (specs == null) {
            return ConcentrationWindow.DEFAULTS;
        }
        List<ConcentrationWindow> windows = specs.stream().map(ConcentrationWindow::parse).toList();
        Set<String> names = new HashSet<>();
        for (ConcentrationWindow w : windows) {
            if (!names.add(w.name())) {
                throw new IllegalArgumentException("the name '" + w.name() + "' is given twice; each window names its "
                        + "own columns");
            }
        }
        return windows;
    }
}
