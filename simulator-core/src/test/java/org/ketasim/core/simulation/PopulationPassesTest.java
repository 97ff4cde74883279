package org.ketasim.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.Observable;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.population.Subject;
import org.ketasim.core.scenario.CompiledScenario;

/**
 * A population too large to keep alive is simulated in passes, one per block of rows: the same
 * subjects, the same summaries and outcomes to the bit (the last pass runs every subject as the
 * kept population does), and the same bands to rounding (the passes reach a block's first row in
 * other steps: seen 3e-12 relative, allowed 1e-9). Here the limits are lowered so that 300 subjects take
 * tens of passes. Either way the sink prepares each subject once before it takes it.
 */
class PopulationPassesTest {

    private static CompiledScenario scenario(String file) {
        return new ScenarioYaml().load(Path.of("../scenarios/" + file));
    }

    private record Run(PopulationResult result, List<Subject> subjects) {
    }

    /** Simulates, checking that the sink prepares every subject once, on the workers, before it takes it. */
    private static Run simulate(PopulationSimulator simulator, CompiledScenario c, PopulationSettings settings) {
        List<Subject> subjects = new ArrayList<>();
        Set<Integer> prepared = ConcurrentHashMap.newKeySet();
        PopulationResult result = simulator.simulate(c, settings, new PopulationSimulator.Sink() {
            @Override
            public void prepare(Subject subject) {
                assertTrue(prepared.add(subject.index()), "subject " + subject.index() + " prepared once");
            }

            @Override
            public void accept(Subject subject) {
                assertTrue(prepared.remove(subject.index()), "subject " + subject.index() + " prepared first");
                subjects.add(subject);
            }
        });
        assertTrue(prepared.isEmpty(), "every prepared subject taken");
        return new Run(result, subjects);
    }

    @Test
    void passesOfAFixedRegimenGiveTheKeptPopulationsNumbers() {
        assertPassesKeepNumbers(scenario("dutch-survey/nl-inpatient-median.yaml"),
                PopulationSettings.of(300, 11).withOutcomeReplicates(20).withThreads(2));
    }

    /** Every subject titrates itself from its own concentrations, its weight drawn too. */
    @Test
    void passesOfARuleTitrationWithVaryingWeightGiveTheKeptPopulationsNumbers() {
        assertPassesKeepNumbers(scenario("teaching/rule-2mgh-hourly-until-relief.yaml"),
                PopulationSettings.of(300, 5).withWeightSd(12).withOutcomeReplicates(20).withThreads(2));
    }

    private static void assertPassesKeepNumbers(CompiledScenario c, PopulationSettings settings) {
        Run kept = simulate(new PopulationSimulator(Engine.MODAL), c, settings);
        PopulationSimulator passes = new PopulationSimulator(Engine.MODAL, 100, 300L * 3 * 40);
        Run passed = simulate(passes, c, settings);
        for (Observable o : kept.result().bands().keySet()) {
            double[][] a = kept.result().bands().get(o);
            double[][] b = passed.result().bands().get(o);
            for (int k = 0; k < a.length; k++) {
                for (int r = 0; r < a[k].length; r++) {
                    assertEquals(a[k][r], b[k][r], 1e-9 * Math.abs(a[k][r]), o + " band " + k + " row " + r);
                }
            }
        }
        assertEquals(300, passed.subjects().size());
        for (int i = 0; i < 300; i++) {
            assertEquals(i, passed.subjects().get(i).index(), "in index order");
            assertEquals(kept.subjects().get(i).summary(), passed.subjects().get(i).summary(), "subject " + i);
            assertArrayEquals(kept.subjects().get(i).hoursInWindow(), passed.subjects().get(i).hoursInWindow());
        }
        assertEquals(kept.result().outcomes().orElseThrow().rows(), passed.result().outcomes().orElseThrow().rows(),
                "outcomes from the same exposures");
        assertEquals(kept.result().outcomes().orElseThrow().meanReductions(),
                passed.result().outcomes().orElseThrow().meanReductions());
        assertArrayEquals(kept.result().counts().inside(), passed.result().counts().inside());
        assertArrayEquals(kept.result().counts().above(), passed.result().counts().above());
        assertArrayEquals(kept.result().counts().hoursInside(), passed.result().counts().hoursInside());
        Run oneThread = simulate(passes, c, settings.withThreads(1));
        for (Observable o : passed.result().bands().keySet()) {
            assertTrue(java.util.Arrays.deepEquals(passed.result().bands().get(o), oneThread.result().bands().get(o)),
                    "passes do not depend on the thread count");
        }
    }
}
