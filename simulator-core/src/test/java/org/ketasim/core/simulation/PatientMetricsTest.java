package org.ketasim.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.outcomes.Analyte;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.testing.Catalogue;

/**
 * A sweep point's metrics, computed without keeping rows ({@link PatientSimulator#metrics}), are the
 * numbers of the full simulation to the bit, on every catalogue file: the same propagation, the same
 * values read in the same order (windows on one curve share its reading and its peak).
 */
class PatientMetricsTest {

    static Stream<Path> catalogue() {
        return Catalogue.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void equalTheFullSimulation(Path file) {
        CompiledScenario c = new ScenarioYaml().load(file);
        PatientSimulator simulator = new PatientSimulator(Engine.MODAL);
        PatientResult full = simulator.simulate(c);
        List<AnalyteWindow> windows = WindowChoice.PUBLISHED.resolve(Analyte.ofModel(c.racemicModel()));
        PatientMetrics metrics = simulator.metrics(c, windows);
        assertEquals(full.summary(), metrics.summary());
        double[] hours = metrics.curves().hoursInWindow();
        double[] peaks = metrics.curves().windowPeaks();
        for (int w = 0; w < windows.size(); w++) {
            AnalyteWindow window = windows.get(w);
            assertEquals(full.hoursInside(window), hours[w], window.name());
            double largest = full.series().has(window.observable())
                    ? Arrays.stream(full.series().values(window.observable())).max().orElseThrow() : Double.NaN;
            assertEquals(largest, peaks[w], window.name() + "'s peak");
        }
        assertEquals(full.pd().maxDrugHighScore(), metrics.curves().maxDrugHighScore());
        assertEquals(full.pd().maxResponderNrsReduction(), metrics.curves().maxResponderNrsReduction());
    }
}
