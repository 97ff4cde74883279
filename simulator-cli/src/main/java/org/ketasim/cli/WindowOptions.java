package org.ketasim.cli;

import java.util.List;
import org.ketasim.core.outcomes.WindowChoice;
import picocli.CommandLine.Option;

/**
 * The repeatable {@code --window NAME=LOW-HIGH[@ANALYTE]} option shared by compare, population and
 * sweep (a picocli mixin).
 */
final class WindowOptions {

    @Option(names = "--window", paramLabel = "NAME=LOW-HIGH[@ANALYTE]", description = {"A plasma concentration "
            + "window in ng/mL (repeatable; HIGH may be 'inf'; ANALYTE s-ketamine or racemic, else the model's own "
            + "parent analyte, and the output says so). Default: the published windows, each of its own analyte "
            + "and site (acute analgesia, dissociation and anaesthesia of racemic plasma; drug high and external "
            + "perception at the acute effect site; chronic relief at the pain effect site), converted where the "
            + "model's analyte differs (S-ketamine = half the racemic total)."})
    private List<String> specs;

    /**
     * @return the windows given, or the published ones when none are
     * @throws org.ketasim.core.problems.InputException naming {@code --window} if one is not of the
     *                                                 form {@code name=low-high[@analyte]}, or two have one name
     */
    WindowChoice windows() {
        return OptionValues.named("--window", () -> specs == null ? WindowChoice.PUBLISHED : new WindowChoice(specs));
    }
}
