package org.ketasim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ketasim.core.io.InputFiles;

/** Expands the FILE|DIR arguments of a command into scenario files. */
final class ScenarioFiles {

    /** Thrown for an argument that is neither a file nor a directory holding scenarios. */
    static final class MissingInputException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingInputException(String message) {
            super(message);
        }
    }

    private ScenarioFiles() {
    }

    /**
     * @param arguments files and directories; a directory means every {@code *.yaml} (and
     *                  {@code *.yml}) below it, in path order, except sweep files ({@code *.sweep.yaml})
     * @return the files, without duplicates, in argument order
     * @throws MissingInputException if an argument does not exist or a directory holds no scenario
     */
    static List<Path> expand(List<Path> arguments) throws MissingInputException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                List<Path> found = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(arg)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                            .filter(p -> !isSweep(p))
                            .sorted()
                            .forEach(found::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new MissingInputException(arg + ": cannot list the directory: " + e.getMessage());
                }
                if (found.isEmpty()) {
                    throw new MissingInputException(arg + ": the directory holds no *.yaml scenario file");
                }
                found.forEach(p -> files.add(p.normalize()));
            } else if (Files.isRegularFile(arg) && isSweep(arg)) {
                throw new MissingInputException(arg + ": a sweep file, not a scenario: run it with 'ketasim sweep'");
            } else if (Files.isRegularFile(arg)) {
                files.add(arg.normalize());
            } else {
                throw new MissingInputException(arg + ": " + (Files.exists(arg) ? InputFiles.NOT_REGULAR
                        : "no such file or directory"));
            }
        }
        return new ArrayList<>(files);
    }

    /**
     * @param file a path
     * @return whether it names a sweep file ({@code *.sweep.yaml} or {@code *.sweep.yml})
     */
    static boolean isSweep(Path file) {
        return file.getFileName().toString().matches(".*\\.sweep\\.ya?ml");
    }
}
