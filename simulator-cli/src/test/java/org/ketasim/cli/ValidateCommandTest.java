package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate} on the shipped examples and on a corpus of malformed files, each with one
 * problem ({@code src/test/resources/bad/expected.csv} gives the line and key it must name).
 */
class ValidateCommandTest {

    private static final Path BAD = Path.of("src/test/resources/bad");

    @Test
    void theShippedCatalogueIsValid() {
        Cli.Result r = Cli.run("validate", "../scenarios");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("ok ../scenarios/examples/titration.yaml (titration)"), r.out());
        assertTrue(r.out().contains(" valid, 0 invalid"), r.out());
    }

    static Stream<Arguments> badFiles() throws IOException {
        List<String> lines = Files.readAllLines(BAD.resolve("expected.csv"));
        return lines.stream().skip(1).map(l -> l.split(",", -1))
                .map(c -> Arguments.of(c[0], Integer.parseInt(c[1]), c[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void eachMalformedFileIsRejectedNamingFileLineAndKey(String file, int line, String key) {
        Path path = BAD.resolve(file);
        Cli.Result r = Cli.run("validate", path.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String error = r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        assertTrue(error.startsWith("error: " + path + ":"), error);
        int reported = Integer.parseInt(error.substring(("error: " + path + ":").length()).split(":")[0]);
        assertTrue(Math.abs(reported - line) <= (key.isEmpty() ? 1 : 0), "line " + reported + " in " + error);
        assertTrue(error.contains(key), "key '" + key + "' in " + error);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void everyProblemOfAFileIsOneErrorLineInFileOrderAndTheFileOneFailure(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        Path file = tmp.resolve("three.yaml");
        Files.writeString(file, """
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  doses: [{bolus: 5 mgg}, {infusion: {rate: 5 mg/h, duration: -1 h}}]
                simulaton: {duration: 4 h, step: 15 min}
                """);
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(2, r.exitCode());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        List<String> expected = List.of(":4: regimen.doses[0].bolus: unknown unit 'mgg'",
                ":4: regimen.doses[1].infusion.duration: must be positive", ":5: simulaton: unknown key 'simulaton' (did "
                + "you mean 'simulation'?)");
        assertEquals(expected.size(), errors.size(), r.err());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(errors.get(i).startsWith("error: " + file + expected.get(i)), errors.get(i));
        }
        assertTrue(r.out().contains("0 valid, 1 invalid"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void runRefusesTheWholeCorpusWithoutWritingAnything(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", BAD.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertFalse(Files.exists(out));
        assertTrue(r.err().contains("20 of 20 scenario file(s) invalid; nothing written"), r.err());
    }
}
