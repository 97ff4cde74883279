package org.ketasim.core.regimen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.LinearSystem;

/**
 * What the architecture forbids, for {@link org.ketasim.core.ArchitectureRulesFailTest} to show that
 * its rules catch it: a regimen class, low in the layers, that reads a file, parses it with the YAML
 * codec, prints, and uses the engine above it (which uses regimens: a cycle). Never run; it is a test
 * class, so the architecture test of the main classes does not see it.
 */
public final class BackDependencies {

    private BackDependencies() {
    }

    static DoseTimeline everythingForbidden(Path file, Regimen regimen, LinearSystem system) throws IOException {
        System.out.println(new ScenarioYaml().parse(file, Files.readString(file)).id());
        return DoseTimeline.of(regimen, system);
    }
}
