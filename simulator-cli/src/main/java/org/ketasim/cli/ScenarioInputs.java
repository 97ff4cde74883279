package org.ketasim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.scenario.ScenarioCompiler;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The FILE|DIR... arguments shared by every command that reads scenarios (a picocli mixin). */
final class ScenarioInputs {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Scenario files, or directories (every *.yaml below them).")
    private List<Path> inputs;

    @Option(names = "--strict", description = "Treat warnings (implausible doses, unvalidated routes, ...) as errors.")
    private boolean strict;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "2000000",
            description = "Refuse a scenario with more output rows than this (default: ${DEFAULT-VALUE}; about 100 "
                    + "bytes a row).")
    private long maxRows;

    /** @return the FILE|DIR arguments as given */
    List<Path> paths() {
        return List.copyOf(inputs);
    }

    /** @return the compiler with the row limit of {@code --max-rows} */
    ScenarioCompiler compiler() {
        return new ScenarioCompiler().withMaxRows(Math.max(2, maxRows));
    }

    /**
     * Expands the arguments and loads every file, reporting problems and warnings on {@code err}.
     *
     * @param err the error stream
     * @return the batch, or empty (after saying why) if an argument names nothing to read
     */
    Optional<ScenarioBatch> load(PrintWriter err) {
        return load(err, file -> true);
    }

    /**
     * Expands the arguments, keeps the files a filter accepts, and loads them.
     *
     * @param err  the error stream
     * @param keep which of the expanded files to load
     * @return the batch, or empty (after saying why) if an argument names nothing to read
     */
    Optional<ScenarioBatch> load(PrintWriter err, Predicate<Path> keep) {
        List<Path> files;
        try {
            files = ScenarioFiles.expand(inputs).stream().filter(keep).toList();
        } catch (ScenarioFiles.MissingInputException e) {
            err.println("error: " + e.getMessage());
            return Optional.empty();
        }
        if (maxRows < 2) {
            err.println("error: --max-rows must be at least 2, got " + maxRows);
            return Optional.empty();
        }
        return Optional.of(ScenarioBatch.load(files, err, strict, new ScenarioYaml(compiler())));
    }
}
