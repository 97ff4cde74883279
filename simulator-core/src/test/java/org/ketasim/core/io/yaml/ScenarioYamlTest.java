package org.ketasim.core.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.StepSchedule;
import org.ketasim.core.regimen.TitrationSchedule;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.scenario.ScenarioException;

class ScenarioYamlTest {

    private static final Path FILE = Path.of("test.yaml");

    /** The complete example of the format page, with its inline model (the built-in one comes later). */
    private static final String COMPLETE = """
            id: nl-inpatient-median
            title: "Dutch survey, inpatient IV, median regimen"
            source: "Mangnus et al., Scand J Pain 2021, doi:10.1515/sjpain-2021-0079, Table 1"
            notes: "The survey did not report the step interval; 12 h is an assumption."
            drug: esketamine
            model:
              name: my-model
              compartments:
                V1: 133 L
                CL: 95.2 L/h
                V2: 187 L
                Q2: 23.2 L/h
                V3: 98.8 L
                Q3: 157 L/h
              scaling: {reference_weight: 70 kg, volumes: 1.0, clearances: 0.75}
              routes:
                oral: {F: 0.18, ka: 0.97 1/h, lag: 0 h}
              metabolite:
                name: norketamine
                fraction: 0.8
                molar_mass_ratio: 0.941
                V1: 98.6 L
                CL: 57.7 L/h
                V2: 160 L
                Q2: 42.8 L/h
              effect:
                ke0: 0.114 1/min
            patient:
              weight: 80 kg
            regimen:
              setting: inpatient
              route: iv
              doses:
                - infusion:
                    start: 5 mg/h
                    increment: 2 mg/h
                    every: 12 h
                    max: 25 mg/h
                    duration: 4 d
            simulation:
              duration: 6 d
              step: 5 min
            """;

    private static CompiledScenario parse(String yaml) {
        return new ScenarioYaml().parse(FILE, yaml).compile();
    }

    private static ScenarioException error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
        String yaml = """
                id: many-problems
                colour: blue
                model: fanta-otto
                patient: {weight: 70 kgs}
                regimen:
                  doses:
                    - infusion: {rate: 5 mg/hx, duraton: 2 h}
                    - bolus: -3 mg
                    - steps: [{rate: 1 mg/h, for: 0 h}, {rate: 2 mg, for: 1 h}]
                simulation: {duration: 4 h, step: 0 min}
                """;
        ScenarioException e = error(yaml);
        List<String> lines = e.problems().stream().map(Throwable::getMessage).toList();
        List<String> expected = List.of(
                "test.yaml:2: colour: unknown key 'colour'",
                "test.yaml:4: patient.weight: unknown unit 'kgs'",
                "test.yaml:7: regimen.doses[0].infusion.duraton: unknown key 'duraton' (did you mean 'duration'?)",
                "test.yaml:7: regimen.doses[0].infusion.rate: unknown unit 'mg/hx'",
                "test.yaml:8: regimen.doses[1].bolus: must not be negative, got '-3 mg'",
                "test.yaml:9: regimen.doses[2].steps[0].for: must be positive, got '0 h'",
                "test.yaml:9: regimen.doses[2].steps[1].rate: '2 mg' is a mass",
                "test.yaml:10: simulation.step: must be positive, got '0 min'");
        assertEquals(expected.size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(lines.get(i).startsWith(expected.get(i)), "problem " + i + ": " + lines.get(i));
        }
        assertEquals(String.join("; ", lines), e.getMessage(), "the message lists them all on one line");
        assertEquals(2, e.line(), "located at the first");
    }

    @Test
    void everyProblemFoundWhenCompilingIsReportedAtOnceToo() {
        String yaml = """
                model: {compartments: {V1: 100 L, CL: 50 L/h}}
                patient: {weight: 700 kg}
                regimen:
                  setting: home
                  doses:
                    - {bolus: 10 mg, route: oral}
                    - {infusion: {rate: 5 mg/h, duration: 1 h}, route: sc}
                simulation: {duration: 4 h, step: 15 min}
                """;
        List<String> lines = error(yaml).problems().stream().map(Throwable::getMessage).toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("test.yaml:2: patient.weight: '700 kg' is not a human body weight"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("test.yaml:4: regimen.setting: unknown setting 'home'"), lines.get(1));
        assertTrue(lines.get(2).startsWith("test.yaml:6: regimen.doses[0].route:"), lines.get(2));
        assertTrue(lines.get(3).startsWith("test.yaml:7: regimen.doses[1].route:"), lines.get(3));
    }

    @Test
    void regimensBeyondTheDoseEventLimitAreRefusedBeforeTheyTakeMemory() {
        String devices = """
                model:
                  base: fanta-otto
                  routes:
                    intranasal:
                      - {F: 0.5, ka: 1 1/h, devices: {amount: 0.000002 mg, every: 5 min, later_F: 0.5}}
                patient: {weight: 70 kg}
                regimen:
                  route: intranasal
                  doses: [{bolus: 2800 mg}]
                simulation: {duration: 2 h, step: 15 min}
                """;
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> error(devices));
        assertTrue(e.getMessage().startsWith("test.yaml:9: regimen.doses[0]: the dose is 1400000000 dose events "
                + "(devices of the route's device size), more than the limit of 1000000"), e.getMessage());
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            steps.append("      - {rate: ").append(i % 7 + 1).append(" mg/h, for: 1 s}\n");
        }
        String repeated = "model: fanta-otto\npatient: {weight: 70 kg}\nregimen:\n  repeat: {every: 1 d, count: 10000}\n"
                + "  doses:\n    - steps:\n" + steps + "simulation: {duration: 2 h, step: 1 h}\n";
        e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> error(repeated));
        assertTrue(e.getMessage().startsWith("test.yaml:4: regimen.repeat.count: the regimen is 50000000 dose events "
                + "(infusion steps, boluses and devices, 10000 courses), more than the limit of 1000000"), e.getMessage());
    }

    @Test
    void readsTheCompleteExampleOfTheFormatPage() {
        CompiledScenario s = parse(COMPLETE);
        assertEquals("nl-inpatient-median", s.id());
        assertEquals(Drug.ESKETAMINE, s.scenario().drug());
        assertEquals(80, s.weightKg());
        assertEquals(144, s.scenario().simulation().durationH());
        assertEquals(5.0 / 60, s.scenario().simulation().stepH(), 1e-15);
        assertEquals("inpatient", s.scenario().regimen().setting().orElseThrow());
        assertEquals(3, s.typicalModel().compartments());
        assertEquals(0.18, s.typicalModel().routes().get(Route.ORAL).get(0).bioavailability());
        assertEquals(0.941, s.typicalModel().metabolite().orElseThrow().molarMassRatio());
        assertEquals(6.84, s.typicalModel().effectSite().orElseThrow().ke0PerH(), 1e-12);
        assertEquals(List.of(new TitrationSchedule(0, 5, 2, 12, 25, 96, Route.IV)), s.regimen().doses());
        double scale = Math.pow(80.0 / 70, 0.75);
        assertEquals(95.2 * scale, s.individualModel().clearanceLPerH(), 1e-12);
        assertEquals(133 * 80.0 / 70, s.individualModel().volumeL(), 1e-12);
        assertEquals(57.7 * scale, s.individualModel().metabolite().orElseThrow().clearanceLPerH(), 1e-12);
        assertTrue(s.warnings().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Dutch median (inpatient)", "zürich-2024", "a.b_c+d", "42"})
    void idsThatAreSafeFolderNamesAreAccepted(String id) {
        assertEquals(id, parse(COMPLETE.replace("id: nl-inpatient-median", "id: \"" + id + "\"")).id());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"../x", "a/b", "a\\\\b", ".hidden", "..", "tab\\there", "' lead'"})
    void idsThatCouldEscapeTheOutputFolderAreRefused(String id) {
        ScenarioException e = error(COMPLETE.replace("id: nl-inpatient-median", "id: \"" + id + "\""));
        assertEquals("id", e.key());
        assertTrue(e.problem().contains("cannot be a folder name"), e.getMessage());
    }

    @Test
    void idDefaultsToTheFileName() {
        assertEquals("test", parse(COMPLETE.replace("id: nl-inpatient-median\n", "")).id());
    }

    @Test
    void weightNormalisedDosesAndRatesAreMultipliedByTheWeight() {
        CompiledScenario s = parse(COMPLETE.replace("""
                    - infusion:
                        start: 5 mg/h
                        increment: 2 mg/h
                        every: 12 h
                        max: 25 mg/h
                        duration: 4 d
                """, """
                    - bolus: 0.5 mg/kg
                      over: 40 min
                    - bolus: 250 ug/kg
                      at: 3 h
                      route: oral
                    - steps:
                        - {rate: 1.2 ug/kg/min, for: 30 min}
                        - {rate: 0.35 mg/kg/h, for: 2 h}
                      at: 1 h
                    - infusion: {rate: 0.1 mg/kg/h, duration: 1 d}
                      at: 5 h
                """));
        assertEquals(List.of(
                new ConstantInfusion(0, 40.0 / 60, 40 / (40.0 / 60), Route.IV),
                new StepSchedule(1, List.of(new StepSchedule.Step(1.2e-3 * 60 * 80, 0.5),
                        new StepSchedule.Step(0.35 * 80, 2)), Route.IV),
                Bolus.of(3, 20, Route.ORAL),
                new ConstantInfusion(5, 24, 8, Route.IV)), s.regimen().doses());
    }

    @Test
    void repeatCopiesTheCourse() {
        CompiledScenario s = parse(COMPLETE.replace("  route: iv\n", "  route: iv\n  repeat: {every: 1 wk, count: 3}\n"));
        assertEquals(List.of(0.0, 168.0, 336.0), s.regimen().doses().stream().map(d -> d.startH()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "misspelt key|    duration: 4 d|    duraton: 4 d|regimen.doses[0].infusion.duraton|unknown key 'duraton' (did you mean 'duration'?)",
        "unknown unit|    start: 5 mg/h|    start: 5 mg/hx|regimen.doses[0].infusion.start|unknown unit 'mg/hx'",
        "negative rate|    start: 5 mg/h|    start: -5 mg/h|regimen.doses[0].infusion.start|must not be negative, got '-5 mg/h'",
        "NaN|    start: 5 mg/h|    start: .nan mg/h|regimen.doses[0].infusion.start|is not a quantity",
        "mass as rate|    start: 5 mg/h|    start: 5 mg|regimen.doses[0].infusion.start|'5 mg' is a mass",
        "zero step|  step: 5 min|  step: 0 min|simulation.step|must be positive, got '0 min'",
        "time as volume|    V2: 187 L|    V2: 187 h|model.compartments.V2|'187 h' is a time",
        "F above 1|    oral: {F: 0.18, ka: 0.97 1/h, lag: 0 h}|    oral: {F: 1.8, ka: 0.97 1/h, lag: 0 h}|model.routes.oral.F|must be between 0 and 1",
        "unknown route|  route: iv|  route: rectal|regimen.route|unknown route 'rectal'",
        "route not in model|  route: iv|  route: sc|regimen.route|the model has no 'sc' route",
        "bad drug|drug: esketamine|drug: cocaine|drug|unknown drug 'cocaine'",
        "unsafe id|id: nl-inpatient-median|id: ../../etc|id|cannot be a folder name",
        "implausible weight|  weight: 80 kg|  weight: 7000 kg|patient.weight|not a human body weight",
    })
    void badValuesNameTheLineTheKeyAndTheValue(String what, String original, String replacement, String key,
                                               String message) {
        List<String> lines = new java.util.ArrayList<>(COMPLETE.lines().toList());
        int line = lines.stream().map(String::trim).toList().indexOf(original) + 1;
        assertTrue(line > 0, "test set-up: no line '" + original + "'");
        String indent = lines.get(line - 1).replaceAll("\\S.*", "");
        lines.set(line - 1, indent + replacement);
        String yaml = String.join("\n", lines) + "\n";
        ScenarioException e = error(yaml);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.problem().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml:" + line + ": " + key + ": "), e.getMessage());
    }


    @Test
    void missingRequiredKeyNamesItsFullPath() {
        ScenarioException e = error(COMPLETE.replace("  weight: 80 kg\n", "  {}\n").replace("patient:\n  {}", "patient: {}"));
        assertEquals("patient.weight", e.key());
        assertEquals("the required key is missing", e.problem());
    }

    @Test
    void malformedYamlNamesTheLine() {
        ScenarioException e = error("model: {V1: 3 L\npatient:\n  weight: 70 kg\n");
        assertTrue(e.problem().startsWith("not valid YAML"), e.getMessage());
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void duplicateKeysAndTwoDoseKindsAreErrors() {
        assertTrue(error(COMPLETE + "simulation:\n  duration: 1 d\n  step: 1 h\n").problem().contains("appears twice"));
        ScenarioException e = error(COMPLETE.replace("    - infusion:\n", "    - bolus: 5 mg\n      infusion:\n"));
        assertTrue(e.problem().contains("exactly one of bolus, infusion or steps, got bolus and infusion"), e.getMessage());
    }

    @Test
    void unknownModelIdListsTheBuiltInOnesAndSuggestsTheClosest() {
        String yaml = COMPLETE.replaceAll("(?s)model:\\n  name.*?(?=patient:)", "model: fanta-oto\n");
        ScenarioException e = error(yaml);
        assertEquals("model", e.key());
        assertTrue(e.problem().contains("unknown model 'fanta-oto' (did you mean 'fanta-otto'?)"), e.getMessage());
        assertTrue(e.problem().contains("fanta-otto, simons-2022, perez-ruixo-2021, flint-2017, domino"), e.getMessage());
    }

    @Test
    void doseAfterTheEndIsAWarningNotAnError() {
        CompiledScenario s = parse(COMPLETE.replace("  duration: 6 d", "  duration: 6 d\n").replace("    - infusion:\n",
                "    - bolus: 5 mg\n      at: 7 d\n    - infusion:\n"));
        assertFalse(s.warnings().isEmpty());
        assertTrue(s.warnings().get(0).message().contains("after the end of the simulation"),
                s.warnings().get(0).toString());
    }

    @Test
    void titrationMaximumBelowTheStartIsAWarning() {
        CompiledScenario s = parse(COMPLETE.replace("max: 25 mg/h", "max: 2 mg/h"));
        assertTrue(s.warnings().get(0).toString().startsWith("test.yaml:38: regimen.doses[0].infusion.max: "),
                s.warnings().get(0).toString());
    }
}
