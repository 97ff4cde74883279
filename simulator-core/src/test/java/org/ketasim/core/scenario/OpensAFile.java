package org.ketasim.core.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the architecture forbids, for {@link org.ketasim.core.ArchitectureRulesFailTest} to show that
 * its rules catch it: a scenario class that opens the file it names instead of leaving that to the
 * codec. Never run; it is a test class, so the architecture test of the main classes does not see it.
 */
public final class OpensAFile {

    private OpensAFile() {
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
