package org.ketasim.core.titration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.testing.Scenarios;

/**
 * Rule-based titration on a one-compartment model (V 50 L, CL 10 L/h, so k = 0.2/h) where the
 * plasma concentration at each hourly decision follows by hand:
 * C(k+1) = C(k) e^-0.2 + 1000 R(k) / 10 (1 - e^-0.2), i.e. 181.3, 510.9, 962.1, 1512.8 ng/mL at
 * 1-4 h for rates 10, 20, 30, 40 mg/h; the limits below fall between 962 and 1513, so each rule
 * first fires at 4 h.
 */
class RuleTitrationTest {

    private static final String BASE = """
            model:
              compartments: {V1: 50 L, CL: 10 L/h}
            patient: {weight: 70 kg}
            regimen:
              doses:
                - titration:
                    start: 10 mg/h
                    step: 10 mg/h
                    every: 1 h
                    max: 100 mg/h
                    duration: 5 h
            %s
            simulation: {duration: 6 h, step: 30 min}
            """;

    private static PatientResult load(String rules) {
        return Scenarios.run(String.format(BASE, rules));
    }

    private static double[] byHand(double... rates) {
        double decay = Math.exp(-0.2);
        double[] c = new double[rates.length + 1];
        for (int k = 0; k < rates.length; k++) {
            c[k + 1] = c[k] * decay + 1000 * rates[k] / 10 * (1 - decay);
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no rule||start raise raise raise raise end|10 20 30 40 50",
        "hold at 1200|stop_raising_when: {concentration: 1200 ng/mL}|start raise raise raise hold end|10 20 30 40 40",
        "reduce at 1300|reduce_when: {concentration: 1300 ng/mL}|start raise raise raise reduce end|10 20 30 40 30",
        "stop beats reduce|reduce_when: {concentration: 1300 ng/mL}\\nstop_when: {concentration: 1400 ng/mL}"
            + "|start raise raise raise stop end|10 20 30 40 0",
        "reduce by half|reduce_when: {concentration: 1300 ng/mL}\\nreduce_by: 50 %"
            + "|start raise raise raise reduce end|10 20 30 40 20",
    })
    void firesTheRightEventsOnAHandCheckedCase(String what, String rules, String actions, String rates) {
        String indented = rules == null ? "" : java.util.Arrays.stream(rules.split("\\\\n"))
                .map(line -> "        " + line.strip()).collect(java.util.stream.Collectors.joining("\n"));
        PatientResult s = load(indented);
        List<TitrationEvent> events = s.events();
        assertEquals(List.of(actions.split(" ")), events.stream().map(TitrationEvent::action).toList());
        double[] expectedRates = java.util.Arrays.stream(rates.split(" ")).mapToDouble(Double::parseDouble).toArray();
        for (int k = 0; k < 5; k++) {
            assertEquals(expectedRates[k], events.get(k).rateMgPerH(), 1e-12, "rate from " + k + " h");
        }
        double[] cp = byHand(10, 20, 30, 40);
        for (int k = 1; k <= 4; k++) {
            assertClose(cp[k], events.get(k).concentration(), 1e-12, 1e-12, "Cp at " + k + " h");
        }
        assertEquals(expectedRates[4] * 1 + 10 + 20 + 30 + 40, s.summary().totalDoseMg(), 1e-9, "dose given");
    }

    @Test
    void theReasonNamesTheLimitReached() {
        PatientResult s = load("        stop_raising_when: {concentration: 1200 ng/mL}");
        assertTrue(s.events().get(4).reason().startsWith("plasma concentration 1513 >= 1200"),
                s.events().get(4).reason());
    }

    @Test
    void conditionsTheModelCannotEvaluateAreErrors() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("        reduce_when: {drug_high: 0.5}"));
        assertTrue(e.problem().contains("need a model with an effect site"), e.getMessage());
        assertThrows(ScenarioException.class, () -> load("        stop_when: {nrs_reduction: 2}"));
        assertThrows(ScenarioException.class, () -> load("        reduce_by: 150 %\n        reduce_when: {concentration: 1 ng/mL}"));
    }
}
