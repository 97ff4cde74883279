package org.ketasim.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario catalogue's files, for tests that run over all of them (from a module's folder). */
public final class Catalogue {
    private static final Path ROOT = Path.of("../scenarios");

    private Catalogue() {
    }

    /** @return every scenario file of the catalogue (sweep files excluded), sorted */
    public static Stream<Path> scenarios() {
        return scenarioFiles(ROOT).stream();
    }

    /** @return every sweep file of the catalogue, sorted */
    public static Stream<Path> sweeps() {
        return walk(ROOT).stream().filter(p -> p.toString().endsWith(".sweep.yaml")).toList().stream();
    }

    /**
     * @param folder a folder
     * @return the scenario files under it (sweep files excluded), sorted
     */
    public static List<Path> scenarioFiles(Path folder) {
        return walk(folder).stream()
                .filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".sweep.yaml")).toList();
    }

    private static List<Path> walk(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
