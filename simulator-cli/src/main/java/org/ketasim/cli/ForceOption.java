package org.ketasim.cli;

import picocli.CommandLine.Option;

/** The {@code --force} option of every command that writes an output folder (a picocli mixin). */
final class ForceOption {

    @Option(names = "--force", description = "Write into an output folder that is not empty: first remove the files "
            + "ketasim wrote there before (listed in its .ketasim-outputs). Other files are kept, and never replaced.")
    private boolean force;

    /** @return whether --force was given */
    boolean force() {
        return force;
    }
}
