package org.ketasim.cli;

import java.util.List;
import org.ketasim.core.metrics.ConcentrationWindow;
import picocli.CommandLine.Option;

/** The repeatable {@code --window NAME=LOW-HIGH} option shared by compare, population and sweep (a picocli mixin). */
final class WindowOptions {

    @Option(names = "--window", paramLabel = "NAME=LOW-HIGH", description = "A concentration window in ng/mL "
            + "(repeatable; HIGH may be 'inf'); default: analgesia=70-160 and drug_high=71.319-inf.")
    private List<String> specs;

    /**
     * @return the windows given, or {@link ConcentrationWindow#DEFAULTS} when none are
     * @throws IllegalArgumentException if one is not of the form {@code name=low-high}
     */
    List<ConcentrationWindow> windows() {
        return specs == null ? ConcentrationWindow.DEFAULTS : specs.stream().map(ConcentrationWindow::parse).toList();
    }
}
