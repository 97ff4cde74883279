package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.units.Quantity;

/** A scripted lesson piped into titrate: it exits 0 and its saved scenario reproduces its numbers. */
class TitrateCommandTest {

    @TempDir
    Path tmp;

    private Cli.Result titrate(String script, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            String[] all = new String[args.length + 3];
            all[0] = "titrate";
            all[1] = "--out";
            all[2] = tmp.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            return Cli.run(all);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aScriptedLessonReplaysToTheSameNumbersThroughRun() throws IOException {
        Cli.Result r = titrate("""
                rate 10 mg/h
                wait 30 min
                +10
                wait 1 h
                bolus 0.1 mg/kg
                wait 15 min
                -50%
                wait 1 h
                undo
                wait 45 min
                nonsense
                quit
                """);
        assertEquals(0, r.exitCode(), r.err());
        List<String> status = r.out().lines().filter(l -> l.startsWith("t ")).toList();
        String last = status.get(status.size() - 1);
        assertTrue(last.startsWith("t 2:30  rate 10.00 mg/h  given 44.50 mg"), last);
        assertTrue(r.out().contains("? unknown command 'nonsense'"), r.out());
        List<String> rows = Files.readAllLines(tmp.resolve("titration-session/timeseries.csv"));
        String[] end = rows.get(rows.size() - 1).split(",");
        assertEquals("2.5", end[0]);
        String cp = String.format(Locale.ROOT, "Cp %.1f", Double.parseDouble(end[2]));
        assertTrue(last.contains(cp), cp + " in " + last);
        Scenario session = new ScenarioYaml().read(tmp.resolve("session.yaml"));
        String yaml = Files.readString(tmp.resolve("session.yaml"));
        DoseSpec.Steps steps = (DoseSpec.Steps) session.regimen().doses().get(0);
        assertEquals(new DoseSpec.Step(Quantity.of(20, "mg/h"), Quantity.of(1.25, "h")), steps.steps().get(1), yaml);
        DoseSpec.Bolus bolus = (DoseSpec.Bolus) session.regimen().doses().get(1);
        assertEquals(7, bolus.amount().internalValue(), 1e-12, yaml);
        assertEquals(1.5, bolus.atH(), 1e-12, yaml);
        assertTrue(Files.readString(tmp.resolve("transcript.txt")).contains("> -50%"));
    }

    @Test
    void relativeRatesInUnitsAreReadAndImplausibleDosesWarnAsSoonAsTheyAreEntered() {
        Cli.Result r = titrate("""
                rate 10 mg/h
                +2 mg/h
                -0.01 mg/kg/h
                rate 150 mg/h
                bolus 100 mg
                quit
                """);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        List<String> status = lines.stream().filter(l -> l.startsWith("t ")).toList();
        assertTrue(status.get(1).startsWith("t 0:00  rate 12.00 mg/h"), status.get(1));
        assertTrue(status.get(2).startsWith("t 0:00  rate 11.30 mg/h"), status.get(2));
        int rate = lines.indexOf(status.get(3));
        assertTrue(lines.get(rate - 1).startsWith("warning: '150 mg/h' is 150 mg/h for this 70 kg patient"),
                "the warning comes with the rate, before any time passes: " + lines.get(rate - 1));
        int bolus = lines.indexOf(status.get(4));
        assertTrue(lines.get(bolus - 1).startsWith("warning: '100 mg' given at once is 100 mg"), lines.get(bolus - 1));
    }

    @Test
    void theStatusSpellsOutItsMeasuresAndNeverShowsNaN() {
        for (String model : new String[] {"fanta-otto", "domino"}) {
            Cli.Result r = titrate("rate 10 mg/h\nwait 30 min\nquit\n", "--model", model, "--force");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("the expected fall in a responder's pain score (NRS points)"), r.out());
            assertTrue(r.out().contains("baseline pain score 7.0 (NRS, the 0-10 numeric rating scale)"), r.out());
            String last = r.out().lines().filter(l -> l.startsWith("t 0:30")).findFirst().orElseThrow();
            assertTrue(last.contains("points in a responder"), last);
            assertTrue(!last.contains("NaN") && !r.out().contains("NaN"), r.out());
            assertEquals(model.equals("fanta-otto"), last.contains("Cm "), model + ": " + last);
        }
    }

    @Test
    void badStartOptionsAreBadInput() {
        Cli.Result model = titrate("quit\n", "--model", "fanta-oto");
        assertEquals(2, model.exitCode());
        assertTrue(model.err().contains("--model: unknown model 'fanta-oto' (did you mean 'fanta-otto'?)"),
                model.err());
        assertEquals(2, titrate("quit\n", "--baseline-nrs", "12").exitCode());
    }
}
