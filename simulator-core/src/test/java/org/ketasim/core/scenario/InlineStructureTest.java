package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertAllClose;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Observable;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.testing.Scenarios;

/**
 * The inline form of the structures beyond format v1 (absorption path lists with zero-order phases,
 * targets, transit and devices; metabolite formation delays; a second metabolite; a liver): inline
 * copies of simons-2022 and perez-ruixo-2021 give the built-in models' concentrations to 1e-12.
 */
class InlineStructureTest {

    private static PatientResult run(String yaml) {
        return Scenarios.exact(yaml);
    }

    private static final String SIMONS_REGIMEN = """
            patient: {weight: 80 kg}
            regimen:
              doses:
                - bolus: 50 mg
                  route: sublingual
                - bolus: 20 mg
                  over: 20 min
                  at: 6 h
            simulation: {duration: 8 h, step: 5 min}
            """;

    @Test
    void inlineSimonsEqualsTheBuiltInModel() {
        String inline = String.format(Locale.ROOT, """
                model:
                  name: simons-inline
                  compartments: {V1: 11.6 L, CL: 1.48 L/min, V2: 39.0 L, Q2: 2.43 L/min, V3: 174 L, Q3: 1.21 L/min}
                  scaling: {reference_weight: 70 kg, volumes: 1, clearances: 0.75}
                  routes:
                    sublingual:
                      - {F: 0.263, ka: 0.04 1/min, zero_order: 13.1 min}
                      - F: 1.16
                        ka: 0.049 1/min
                        zero_order: 29.9 min
                        target: metabolism
                        transit: {compartments: 1, mean_transit_time: 10.7 min}
                  metabolite:
                    name: S-norketamine
                    fraction: 0.8
                    molar_mass_ratio: %s
                    V1: 11.6 L
                    CL: 1.00 L/min
                    V2: 221 L
                    Q2: 2.63 L/min
                    formation_delay: {compartments: 2, mean_transit_time: 20.1 min}
                  second_metabolite:
                    name: S-hydroxynorketamine
                    fraction: 0.7
                    molar_mass_ratio: %s
                    V1: 4.4 L
                    CL: 0.933 L/min
                    V2: 87.5 L
                    Q2: 1.70 L/min
                    formation_delay: {compartments: 2, mean_transit_time: 1.12 min}
                """, 223.70 / 237.73, 239.70 / 223.70) + SIMONS_REGIMEN;
        var a = run(inline).series();
        var b = run("model: simons-2022\n" + SIMONS_REGIMEN).series();
        assertAllClose(b.values(Observable.PARENT), a.values(Observable.PARENT), 1e-12, 1e-12, "S-ketamine");
        assertAllClose(b.values(Observable.METABOLITE), a.values(Observable.METABOLITE), 1e-12, 1e-12, "S-norketamine");
        assertAllClose(b.values(Observable.METABOLITE2), a.values(Observable.METABOLITE2), 1e-12, 1e-12, "S-HNK");
    }

    private static final String PEREZ_REGIMEN = """
            patient: {weight: 70 kg}
            regimen:
              doses:
                - bolus: 70 mg
                  route: intranasal
                - bolus: 84 mg
                  route: oral
                  at: 2 h
                - bolus: 10 mg
                  over: 30 min
                  at: 5 h
            simulation: {duration: 12 h, step: 5 min}
            """;

    @Test
    void inlinePerezRuixoEqualsTheBuiltInModel() {
        String inline = """
                model:
                  compartments: {V1: 192 L, CL: 0 L/h, V2: 143 L, Q2: 84.3 L/h, V3: 417 L, Q3: 37.6 L/h}
                  liver: {V: 101 L, Q: 151 L/h, k_elimination: 1.11 1/h, k_metabolite: 2.77 1/h}
                  routes:
                    oral:
                      - {F: 0.64, ka: 0.97 1/h, zero_order: 0.32 h, target: liver}
                    intranasal:
                      - {F: 0.54, ka: 2.93 1/h, devices: {amount: 28 mg, every: 5 min, later_F: 0.3348}}
                      - F: 0.2944
                        ka: 1.45 1/h
                        zero_order: 0.53 h
                        target: liver
                        devices: {amount: 28 mg, every: 5 min, later_F: 0.425728}
                  metabolite: {name: noresketamine, fraction: 1, V1: 70.0 L, CL: 38.0 L/h, V2: 115 L, Q2: 26.1 L/h}
                """ + PEREZ_REGIMEN;
        var a = run(inline).series();
        var b = run("model: perez-ruixo-2021\n" + PEREZ_REGIMEN).series();
        assertAllClose(b.values(Observable.PARENT), a.values(Observable.PARENT), 1e-12, 1e-12, "esketamine");
        assertAllClose(b.values(Observable.METABOLITE), a.values(Observable.METABOLITE), 1e-12, 1e-12, "noresketamine");
    }

    @Test
    void aPathIntoAPartTheModelLacksNamesItsLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> run("""
                model:
                  compartments: {V1: 50 L, CL: 10 L/h}
                  routes:
                    oral:
                      - {F: 0.6, ka: 1 1/h, target: liver}
                patient: {weight: 70 kg}
                regimen:
                  doses: [{bolus: 10 mg, route: oral}]
                simulation: {duration: 4 h, step: 1 h}
                """));
        assertEquals(5, e.line());
        assertEquals("model.routes.oral[0].target", e.key());
        assertTrue(e.problem().contains("into the liver, which the model does not have"), e.getMessage());
    }
}
