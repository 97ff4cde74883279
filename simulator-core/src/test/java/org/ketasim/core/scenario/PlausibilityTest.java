package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.problems.Warning;

/** Possible but implausible doses give warnings that name the value, the reading and the likely unit. */
class PlausibilityTest {

    private static List<String> warnings(String doses) {
        return new ScenarioYaml().parse(Path.of("p.yaml"), """
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  setting: inpatient
                  doses:
                """ + doses + """
                simulation: {duration: 12 h, step: 10 min}
                """).compile().warnings().stream().map(Warning::toString).toList();
    }

    @Test
    void theSurveysLiteralMgPerKgPerHourClinicWarnsWithTheMgPerHourReading() {
        List<String> w = warnings("    - infusion: {start: 7.0 mg/kg/h, increment: 5 mg/kg/h, every: 4 h, max: 50 mg/kg/h, "
                + "duration: 8 h}\n");
        String start = w.stream().filter(s -> s.contains("infusion.start")).findFirst().orElseThrow();
        assertTrue(start.startsWith("p.yaml:6: regimen.doses[0].infusion.start: 7.0 mg/kg/h is 490 mg/h for this 70 kg "
                + "patient"), start);
        assertTrue(start.contains("if mg/h was meant, it would read 7 mg/h"), start);
        assertEquals(3, w.size(), "start, increment and max: " + w);
    }

    @Test
    void plausibleRegimensAreSilent() {
        assertEquals(List.of(), warnings("    - infusion: {start: 5 mg/h, increment: 2 mg/h, every: 1 h, max: 100 mg/h, "
                + "duration: 8 h}\n    - bolus: 0.5 mg/kg\n      over: 40 min\n    - bolus: 0.25 mg/kg\n"));
    }

    @Test
    void anInductionSizedBolusWarnsAndSuggestsOver() {
        List<String> w = warnings("    - bolus: 2.0 mg/kg\n");
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("2.0 mg/kg given at once is 140 mg") && w.get(0).contains("write 'over:'"),
                w.get(0));
    }

    @Test
    void aHugePlainRateSuggestsMgPerDay() {
        List<String> w = warnings("    - infusion: {rate: 480 mg/h, duration: 2 h}\n");
        assertTrue(w.get(0).contains("if mg/d was meant, it would read 20 mg/h"), w.get(0));
    }
}
