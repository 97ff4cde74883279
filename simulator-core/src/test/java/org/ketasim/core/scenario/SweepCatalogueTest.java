package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.SweepYaml;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.sweep.SweepPoint;
import org.ketasim.core.sweep.SweepRunner;
import org.ketasim.core.testing.Catalogue;

/** Every sweep shipped in {@code scenarios/sweeps/} loads, and its first and last points simulate. */
class SweepCatalogueTest {

    static Stream<Path> sweeps() {
        return Catalogue.sweeps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweeps")
    void loadsAndItsFirstAndLastPointsSimulate(Path file) {
        Sweep sweep = new SweepYaml().read(file);
        assertTrue(sweep.points() > 1);
        SweepRunner runner = new SweepRunner(sweep, WindowChoice.PUBLISHED, new ScenarioCompiler(), Engine.MODAL,
                false);
        for (long k : new long[] {0, sweep.points() - 1}) {
            SweepPoint p = runner.run(k);
            assertEquals("", p.problem(), "point " + k);
            assertTrue(p.typical().orElseThrow().summary().cmaxNgPerMl() > 0);
        }
    }

    @org.junit.jupiter.api.Test
    void theDutchGridHasTheRangesOfTheSurvey() {
        Sweep sweep = new SweepYaml().read(Path.of("../scenarios/sweeps/nl-inpatient-grid.sweep.yaml"));
        assertEquals(9 * 5 * 10 * 8, sweep.points());
        assertEquals(java.util.List.of("2 mg/h", "1 mg/h", "14 mg/h", "50 kg"), sweep.values(0));
        assertEquals(java.util.List.of("10 mg/h", "5 mg/h", "50 mg/h", "120 kg"), sweep.values(sweep.points() - 1));
    }
}
