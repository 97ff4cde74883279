package org.ketasim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.ScenarioException;

/**
 * Loads (reads, checks and compiles) every scenario file of a command, reporting each problem and
 * warning on the error stream, one line each (every problem of a file, in file order). Ids must be unique across the batch, since each is an output folder.
 */
final class ScenarioBatch {

    private final List<CompiledScenario> scenarios;
    private final List<String> failures;

    private ScenarioBatch(List<CompiledScenario> scenarios, List<String> failures) {
        this.scenarios = scenarios;
        this.failures = failures;
    }

    /**
     * @param files  the files to read
     * @param err    where problems and warnings are reported, one line each
     * @param strict whether a file with warnings counts as invalid
     * @param reader the reader (with its limits)
     * @return the scenarios that loaded, and a message for each file that did not
     */
    static ScenarioBatch load(List<Path> files, PrintWriter err, boolean strict, ScenarioYaml reader) {
        List<CompiledScenario> loaded = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                CompiledScenario s = reader.load(file);
                Path other = ids.putIfAbsent(s.id(), file);
                if (other != null) {
                    throw new ScenarioException(file, 0, "id", "the id '" + s.id() + "' is also the id of " + other
                            + "; ids name output folders and must be unique");
                }
                if (OutputDirectory.isReservedName(s.id())) {
                    throw new ScenarioException(file, 0, "id", "the id '" + s.id() + "' is the name of a file ketasim "
                            + "writes in the output folder, so it cannot name the scenario's folder; choose another id");
                }
                if (strict && !s.warnings().isEmpty()) {
                    s.warnings().forEach(w -> err.println("error (--strict): " + w));
                    failures.add(file + ": --strict: " + s.warnings().get(0).message());
                    continue;
                }
                s.warnings().forEach(w -> err.println("warning: " + w));
                loaded.add(s);
            } catch (InputException e) {
                e.problems().forEach(p -> err.println("error: " + p.getMessage()));
                failures.add(e.getMessage());
            }
        }
        err.flush();
        return new ScenarioBatch(loaded, failures);
    }

    /**
     * For the commands that write what loaded and list what did not: when nothing loaded, says on
     * {@code err} that nothing is written (the command then writes nothing, not even its list of
     * failures, and exits 2).
     *
     * @param err where it is said
     * @return whether no file loaded
     */
    boolean noneLoaded(PrintWriter err) {
        if (!scenarios.isEmpty()) {
            return false;
        }
        err.println(failures.isEmpty() ? "no scenario file to simulate; nothing written"
                : failures.size() + " of " + failures.size() + " scenario file(s) invalid; nothing written");
        err.flush();
        return true;
    }

    /** @return the scenarios that loaded, in file order */
    List<CompiledScenario> scenarios() {
        return scenarios;
    }

    /** @return every warning of the loaded scenarios, in file order */
    List<Warning> warnings() {
        return scenarios.stream().flatMap(s -> s.warnings().stream()).toList();
    }

    /** @return the number of files that did not load */
    int failures() {
        return failures.size();
    }

    /** @return why each file that did not load was refused, one line a file (its problems joined by "; ") */
    List<String> failureMessages() {
        return failures;
    }
}
