package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.Observable;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.testing.Catalogue;
import org.ketasim.core.testing.Scenarios;

/**
 * A row taken just after a dose, before any time has passed, reads the state as the system defines
 * it: the dosed compartment exactly, every compartment the dose has not reached yet exactly 0. The
 * modal engine sums its modes only once time has passed (the sum over the modes leaves rounding of
 * about 1e-16 of its terms: it read 1e-14 ng/mL in the central compartment at the instant of an oral
 * dose, and negative values in population bands there), so at such a row it agrees with the exact
 * engine to the bit.
 */
class ModalAtDoseTimeTest {

    /** Oral doses into a depot, with a metabolite and an effect site, the first at 0 h. */
    private static final String ORAL_AT_ZERO = """
            id: oral-at-zero
            model:
              name: oral
              compartments: {V1: 20 L, CL: 60 L/h, V2: 100 L, Q2: 50 L/h}
              routes: {oral: {F: 0.2, ka: 1 1/h, lag: 0 h}}
              metabolite: {name: norketamine, fraction: 0.8, V1: 50 L, CL: 30 L/h}
              effect: {ke0: 0.1 1/min}
            patient: {weight: 70 kg}
            regimen:
              route: oral
              doses:
                - bolus: 50 mg
                - bolus: 50 mg
                  at: 8 h
            simulation: {duration: 12 h, step: 2 h}
            """;

    static Stream<Path> catalogue() {
        return Catalogue.scenarios();
    }

    private static double[][] rows(Plan plan, Engine engine) {
        double[][] out = new double[plan.grid().size()][];
        new Propagator(plan, engine).observe((row, p) -> {
            double[] v = new double[Observable.values().length];
            for (Observable o : Observable.values()) {
                v[o.ordinal()] = plan.system().has(o) ? p.value(o) : Double.NaN;
            }
            out[row] = v;
        }).run();
        return out;
    }

    @Test
    void anOralDoseAtZeroReadsExactlyZeroInTheBloodUntilTimePasses() {
        CompiledScenario c = Scenarios.compile(ORAL_AT_ZERO);
        double[][] modal = rows(c.plan(), Engine.MODAL);
        double[][] exact = rows(c.plan(), Engine.EXACT);
        for (Observable o : new Observable[] {Observable.PARENT, Observable.METABOLITE, Observable.EFFECT}) {
            assertEquals(0.0, modal[0][o.ordinal()], 0.0, o + " at 0 h");
        }
        assertArrayEquals(exact[0], modal[0], 0.0, "at 0 h, to the bit");
        for (int r = 1; r < modal.length; r++) {
            for (Observable o : new Observable[] {Observable.PARENT, Observable.METABOLITE, Observable.EFFECT}) {
                double e = exact[r][o.ordinal()];
                assertEquals(e, modal[r][o.ordinal()], 1e-9 * e, o + " at row " + r);
            }
        }
    }

    /** Every catalogue file's first row (at 0 h, just after any dose given then): the same doubles on both engines. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theFirstRowIsTheExactEnginesToTheBit(Path file) {
        CompiledScenario c = new ScenarioYaml().load(file);
        Plan first = c.plan().withGrid(OutputGrid.at(0));
        assertArrayEquals(rows(first, Engine.EXACT)[0], rows(first, Engine.MODAL)[0], 0.0);
    }
}
