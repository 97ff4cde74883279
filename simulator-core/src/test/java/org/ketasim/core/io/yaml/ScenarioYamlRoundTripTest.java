package org.ketasim.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.testing.Catalogue;

/** Writing a scenario and reading it back gives an equal scenario: every catalogue and corpus file. */
class ScenarioYamlRoundTripTest {

    static Stream<Path> files() {
        return Stream.concat(Catalogue.scenarios(),
                Catalogue.scenarioFiles(Path.of("src/test/resources/reference/cases")).stream()).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void writingThenReadingGivesAnEqualScenario(Path file) {
        Scenario read = new ScenarioYaml().read(file);
        String written = new ScenarioYamlWriter().write(read);
        Scenario again = new ScenarioYaml().parse(Path.of("again.yaml"), written);
        assertEquals(read, again, written);
        assertEquals(written, new ScenarioYamlWriter().write(again), "writing is stable");
    }

    @Test
    void inlineVariabilityAndResidualErrorSurviveTheRoundTrip() {
        String yaml = """
                id: inline
                model:
                  name: my-model
                  compartments: {V1: 20 L, CL: 2 L/h}
                  variability:
                    omega: {CL: 0.09, V1: 0.04}
                    correlation: {CL-V1: 0.3}
                  residual_error: {proportional: 0.1, additive: 0.5 ng/mL}
                patient: {weight: 70 kg, baseline_nrs: 6}
                regimen:
                  doses:
                    - titration: {start: 5 mg/h, step: 2 mg/h, every: 1 h, max: 20 mg/h, duration: 6 h,
                                  stop_raising_when: {concentration: 150 ng/mL}, reduce_by: 25 %}
                population: {subjects: 10, seed: 3, percentiles: [10, 50, 90], observations: [1 h, 2 h],
                             baseline_nrs_sd: 1.5}
                simulation: {duration: 8 h, step: 10 min}
                """;
        Scenario read = new ScenarioYaml().parse(Path.of("inline.yaml"), yaml);
        assertEquals(read, new ScenarioYaml().parse(Path.of("x.yaml"), new ScenarioYamlWriter().write(read)));
    }
}
