package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.ExactSolver;

/**
 * Every scenario shipped in {@code scenarios/} loads, names its source and title, and simulates to
 * finite, non-negative concentrations. Warnings are allowed only for what catalogue files show on
 * purpose: doses implausible as written (the survey's literal mg/kg/h clinics, anaesthetic doses)
 * and unvalidated routes.
 */
class CatalogueTest {

    static Stream<Path> catalogue() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("../scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".sweep.yaml")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void loadsWithSourceAndSimulates(Path file) {
        Scenario s = new ScenarioLoader().load(file);
        assertFalse(s.source().isBlank(), "catalogue files must have a source");
        assertFalse(s.title().isBlank(), "catalogue files must have a title");
        for (String w : s.warnings()) {
            assertTrue(w.contains("sub-anaesthetic") || w.contains("anaesthetic induction") || w.contains("unvalidated"),
                    "unexpected warning: " + w);
        }
        var outcome = new ScenarioSimulator(new ExactSolver()).simulate(s);
        for (double c : outcome.result().parentConcentration()) {
            assertTrue(Double.isFinite(c) && c >= 0, "Cp " + c);
        }
        assertTrue(outcome.summary().aucNgHPerMl() > 0);
    }
}
