package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.Observable;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.testing.Catalogue;

/**
 * Every scenario shipped in {@code scenarios/} loads, names its source and title, and simulates to
 * finite, non-negative concentrations. Warnings are allowed only for what catalogue files show on
 * purpose: doses implausible as written (the survey's literal mg/kg/h clinics, anaesthetic doses)
 * and unvalidated routes.
 */
class CatalogueTest {

    static Stream<Path> catalogue() {
        return Catalogue.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void loadsWithSourceAndSimulates(Path file) {
        CompiledScenario s = new ScenarioYaml().load(file);
        assertFalse(s.scenario().source().isBlank(), "catalogue files must have a source");
        assertFalse(s.scenario().title().isBlank(), "catalogue files must have a title");
        for (Warning w : s.warnings()) {
            assertTrue(w.kind() == Warning.Kind.IMPLAUSIBLE_DOSE || w.kind() == Warning.Kind.UNVALIDATED_ROUTE,
                    "unexpected warning: " + w);
        }
        var outcome = new PatientSimulator(Engine.MODAL).simulate(s);
        for (double c : outcome.series().values(Observable.PARENT)) {
            assertTrue(Double.isFinite(c) && c >= 0, "Cp " + c);
        }
        assertTrue(outcome.summary().aucNgHPerMl() > 0);
    }
}
