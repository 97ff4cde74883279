package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile and broken files in src/test/resources/hostile (path traversal ids, a YAML
 * bomb, deep nesting, object tags, huge grids, NaN and infinities, truncated and binary files):
 * each exits 2 within seconds with a message naming the file, no stack trace, nothing written in
 * or outside the output folder.
 */
class HostileInputTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");

    @TempDir
    Path tmp;

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.sorted().toList().stream();
        }
    }

    /** Every command that reads scenario files and writes a folder. */
    private static final List<List<String>> COMMANDS = List.of(List.of("run"), List.of("population", "-n", "20"),
            List.of("compare"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileFileIsRefusedQuicklyAndCleanly(Path file) throws IOException {
        Path out = tmp.resolve("out");
        for (List<String> command : COMMANDS) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of(file.toString(), "--out", out.toString()));
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(args.toArray(String[]::new)));
            assertEquals(2, r.exitCode(), command + ": " + r.out() + r.err());
            assertTrue(r.err().contains(file.getFileName().toString()), command + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("Error:"),
                    command + ": " + r.err());
            assertTrue(r.err().contains("nothing written"), command + ": " + r.err());
            assertFalse(Files.exists(out), command + ": nothing written");
            try (Stream<Path> all = Files.walk(tmp)) {
                assertEquals(List.of(tmp), all.toList(), command + ": nothing anywhere under the temporary folder");
            }
            assertFalse(Files.exists(Path.of("/tmp/ketasim-escaped")), "no file outside the output folder");
        }
    }

    @Test
    void aBatchWithHostileFilesStillWritesEveryGoodScenario() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", CORPUS.toString(), "../scenarios/examples/bolus.yaml", "--out", out.toString(),
                "--no-chart");
        assertEquals(2, r.exitCode());
        assertTrue(Files.exists(out.resolve("bolus/timeseries.csv")));
        assertEquals(2, Files.readAllLines(out.resolve("summary.csv")).size());
        long failures;
        try (Stream<Path> files = Files.list(CORPUS)) {
            failures = files.count();
        }
        assertEquals(failures, Files.readAllLines(out.resolve("failures.txt")).size(), "every hostile file listed");
    }
}
