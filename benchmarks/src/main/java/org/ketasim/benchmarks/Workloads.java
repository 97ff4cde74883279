package org.ketasim.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.scenario.CompiledScenario;

/**
 * The benchmarks' workloads are catalogue scenarios, the files users run, read from
 * {@code scenarios/}, and a few variants of them kept in {@code benchmarks/workloads/} (run the
 * benchmarks from the repository's root or from {@code benchmarks/}).
 */
final class Workloads {

    private Workloads() {
    }

    /**
     * @param relative a path under {@code scenarios/}, e.g. {@code dutch-survey/nl-inpatient-median.yaml}
     * @return the scenario, compiled
     * @throws IllegalStateException if the catalogue cannot be found from here
     */
    static CompiledScenario scenario(String relative) {
        return load("scenarios", relative);
    }

    /**
     * @param relative a path under {@code benchmarks/workloads/}, e.g. {@code rule-2mgh-hourly-fixed.yaml}
     * @return the scenario, compiled
     * @throws IllegalStateException if it cannot be found from here
     */
    static CompiledScenario workload(String relative) {
        return load("benchmarks/workloads", relative);
    }

    private static CompiledScenario load(String folder, String relative) {
        for (String root : new String[] {folder, "../" + folder, folder.replaceFirst("^benchmarks/", "")}) {
            Path file = Path.of(root, relative);
            if (Files.isRegularFile(file)) {
                return new ScenarioYaml().load(file);
            }
        }
        throw new IllegalStateException(folder + "/" + relative + " not found; run from the repository's root");
    }
}
