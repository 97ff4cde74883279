package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.problems.Warning;

/**
 * Possible but implausible doses give warnings that name the value, the reading and the likely unit;
 * doses no human is given (more than 50 mg/kg within an hour) are refused with the file, line and key.
 */
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

    /**
     * Each dose given within an hour is judged by its amount: a rate held an hour or more, a short
     * infusion, a bolus. A dose is written as one list item; "; " starts its next key.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "- infusion: {rate: 51 mg/kg/h, duration: 2 h}|p.yaml:6: regimen.doses[0].infusion.rate: 51 mg/kg/h gives 3570 mg "
                + "within an hour for this 70 kg patient (51 mg/kg), more than a human is given",
        "- infusion: {rate: 1e9 mg/h, duration: 2 h}|regimen.doses[0].infusion.rate: 1e9 mg/h gives 1e+09 mg within an "
                + "hour for this 70 kg patient (1.429e+07 mg/kg)",
        "- infusion: {rate: 600 mg/kg/h, duration: 6 min}|regimen.doses[0].infusion.rate: 600 mg/kg/h for 0.1 h gives "
                + "4200 mg",
        "- bolus: 4 g|regimen.doses[0].bolus: 4 g gives 4000 mg within an hour for this 70 kg patient (57.14 mg/kg)",
        "- bolus: 60 mg/kg; over: 30 min|regimen.doses[0].bolus: 60 mg/kg over 30 min gives 4200 mg",
        "- bolus: 120 mg/kg; over: 2 h|regimen.doses[0].bolus: 120 mg/kg over 2 h gives 4200 mg",
        "- infusion: {start: 5 mg/h, increment: 5 mg/h, every: 1 min, duration: 4 d}|regimen.doses[0].infusion."
                + "increment: a schedule that reaches 28800 mg/h gives 28800 mg within an hour",
        "- infusion: {start: 5 mg/h, increment: 5 mg/h, every: 1 min, max: 5000 mg/h, duration: 4 d}|"
                + "regimen.doses[0].infusion.increment: a schedule that reaches 5000 mg/h gives 5000 mg",
        "- infusion: {start: 4000 mg/h, increment: 0 mg/h, every: 1 h, duration: 4 h}|"
                + "regimen.doses[0].infusion.start: 4000 mg/h gives 4000 mg",
        "- steps: [{rate: 5 mg/h, for: 2 h}, {rate: 4000 mg/h, for: 2 h}]|regimen.doses[0].steps[1].rate: 4000 mg/h gives"})
    void aDoseNoHumanIsGivenIsRefusedWithItsLineAndKey(String dose, String message) {
        var e = assertThrows(ScenarioException.class, () -> warnings(item(dose)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("at most 50 mg/kg within an hour") && e.getMessage().contains("Kiefer 2008"),
                e.getMessage());
    }

    /** The limit leaves every dose given to patients: anaesthetic-dose ICU ketamine, a fast induction, a short pulse. */
    @Test
    void dosesGivenToPatientsAreNotRefused() {
        List<String> w = warnings(item("- infusion: {rate: 5 mg/kg/h, duration: 10 h}")
                + item("- bolus: 2 mg/kg; over: 1 min") + item("- infusion: {rate: 400 mg/kg/h, duration: 6 min}")
                + item("- infusion: {rate: 50 mg/kg/h, duration: 1 h}") + item("- bolus: 60 mg/kg; over: 2 h")
                + item("- infusion: {start: 5 mg/h, increment: 2 mg/h, every: 3 h, max: 5000 mg/h, duration: 12 h}"));
        assertEquals(6, w.size(), "each warns as implausible (the last for its maximum, never reached), none is "
                + "refused: " + w);
    }

    private static String item(String dose) {
        return "    " + dose.replace("; ", "\n      ") + "\n";
    }
}
