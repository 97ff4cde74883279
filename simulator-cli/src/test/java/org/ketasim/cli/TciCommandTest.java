package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TciCommandTest {

    @TempDir
    Path tmp;

    private static List<double[]> series(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(l -> {
            String[] c = l.split(",");
            return new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                Double.parseDouble(c[4])};
        }).toList();
    }

    @Test
    void plasmaTargetingReachesAndHoldsEachTargetWithinOnePercentWithinThePumpLimit() throws IOException {
        Cli.Result r = Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL at 0 h, 150 ng/mL at 2 h",
                "--site", "plasma", "--duration", "4", "h", "--max-rate", "6000 mg/h", "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(tmp.resolve("tci.yaml")).contains("model: fanta-otto"));
        for (double[] row : series(tmp.resolve("tci-plasma/timeseries.csv"))) {
            double t = row[0];
            assertTrue(row[1] <= 6000, "rate " + row[1] + " at " + t);
            if (t >= 10.0 / 3600 - 1e-9) {
                double target = t < 2 + 10.0 / 3600 - 1e-9 ? 100 : 150;
                assertEquals(target, row[2], 0.01 * target, "Cp at " + t + " h");
            }
        }
    }

    @Test
    void effectSiteTargetingBringsCeToTheTargetWithoutPlasmaBelowIt() throws IOException {
        Cli.Result r = Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL at 0 h", "--site", "effect",
                "--duration", "1 h", "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<double[]> rows = series(tmp.resolve("tci-effect/timeseries.csv"));
        double[] last = rows.get(rows.size() - 1);
        assertEquals(100, last[3], 0.5, "Ce at the end");
        assertTrue(rows.stream().anyMatch(row -> row[2] > 110), "effect-site targeting overshoots in plasma");
    }

    @Test
    void theWrittenScheduleIsOnThePumpsResolutionInWholeUpdatesAndSaysSo() throws IOException {
        Cli.Result r = Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL at 1 h", "--duration", "3 h",
                "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        String yaml = Files.readString(tmp.resolve("tci.yaml"));
        assertTrue(yaml.startsWith("# Target-controlled infusion computed by ketasim tci (plasma, Jacobs 1990).\n"
                + "# Pump: the rate is updated every 1 min and set to a whole multiple of 0.1 mg/h (--resolution)"), yaml);
        List<String> rates = yaml.lines().filter(l -> l.trim().startsWith("- rate: ")).toList();
        List<String> times = yaml.lines().filter(l -> l.trim().startsWith("for: ")).toList();
        assertTrue(rates.size() < 200, rates.size() + " steps for 180 updates");
        for (String line : rates) {
            assertTrue(line.trim().matches("- rate: [0-9]+(\\.[0-9])? mg/h"), line);
        }
        for (String line : times) {
            assertTrue(line.trim().matches("for: [0-9]+ (min|h)"), line);
        }
        assertEquals("- rate: 0 mg/h", rates.get(0).trim(), "nothing before the first target");
        assertEquals("for: 1 h", times.get(0).trim());
        for (int i = 1; i < rates.size(); i++) {
            assertTrue(!rates.get(i).equals(rates.get(i - 1)), "equal consecutive rates are one step: " + rates.get(i));
        }
        for (double[] row : series(tmp.resolve("tci-plasma/timeseries.csv"))) {
            if (row[0] > 1 + 1e-9) {
                assertEquals(100, row[2], 1, "Cp at " + row[0] + " h on the rounded rates");
            }
        }
    }

    @Test
    void microgramsPerMillilitreAreReadAsSuchAndTargetsBeyondTheEvidenceWarn() throws IOException {
        Cli.Result r = Cli.run("tci", "--model", "fanta-otto", "--target", "0.2 ug/mL at 0 h, 500 ng/mL at 1 h",
                "--duration", "2 h", "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<double[]> rows = series(tmp.resolve("tci-plasma/timeseries.csv"));
        assertEquals(200, rows.get(30)[2], 2, "0.2 ug/mL is 200 ng/mL");
        assertTrue(r.err().contains("warning: --target: the target of 500 ng/mL at 1 h is above the highest "
                + "S-ketamine concentration targeted in a human TCI study (320 ng/mL, Sigtermans 2009"), r.err());
        assertTrue(!r.err().contains("the target of 200"), r.err());
        assertTrue(Files.readString(tmp.resolve("warnings.txt")).contains("the target of 500 ng/mL"));
    }

    /**
     * A target no human dose reaches is refused as the targets' problem, naming the schedule's step and
     * what to change, with nothing written; an anaesthetic one is warned about, naming its step in the
     * tci.yaml written.
     */
    @Test
    void aScheduleBeyondWhatAHumanIsGivenIsRefusedAsTheTargets() throws IOException {
        Cli.Result r = Cli.run("tci", "--model", "fanta-otto", "--target", "500000 ng/mL at 0 h", "--duration", "2 h",
                "--out", tmp.resolve("beyond").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("error: --target: the pump rates that reach these targets are refused "
                + "(regimen.doses[0].steps[0].rate of the schedule): 12000 mg/h gives 12000 mg within an hour"), r.err());
        assertTrue(r.err().contains("lower the targets or --max-rate"), r.err());
        assertFalse(Files.exists(tmp.resolve("beyond")));
        r = Cli.run("tci", "--model", "fanta-otto", "--target", "5000 ng/mL at 0 h", "--duration", "2 h", "--out",
                tmp.resolve("high").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("tci.yaml: regimen.doses[0].steps[0].rate: 12000 mg/h for 0.05 h given at once"),
                r.err());
    }

    @Test
    void badTargetsAndOptionsAreBadInput() {
        assertEquals(2, Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL", "--duration", "1 h", "--out",
                tmp.toString()).exitCode());
        Cli.Result model = Cli.run("tci", "--model", "fanta-oto", "--target", "100 ng/mL at 0 h", "--duration", "1 h",
                "--out", tmp.toString());
        assertEquals(2, model.exitCode());
        assertTrue(model.err().contains("--model: unknown model 'fanta-oto' (did you mean 'fanta-otto'?)"),
                model.err());
        assertEquals(2, Cli.run("tci", "--model", "fanta-otto", "--target", "100 mg at 0 h", "--duration", "1 h",
                "--out", tmp.toString()).exitCode());
        assertEquals(2, Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL at 0 h", "--site", "brain",
                "--duration", "1 h", "--out", tmp.toString()).exitCode());
        assertEquals(2, Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL at 0 h", "--resolution",
                "-1 mg/h", "--duration", "1 h", "--out", tmp.toString()).exitCode());
    }

    /** Each value out of range is refused naming its own option and value, with exit 2 and no file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--target|-5 ng/mL at 0 h|--target: a TCI target needs a time >= 0 and a concentration >= 0, got -5.0",
        "--duration|-2 h|--duration: the pump must run for a time above 0, got '-2 h'",
        "--max-rate|0 mg/h|--max-rate: the pump's highest rate must be above 0, got '0 mg/h'",
        "--update|0 s|--update: the time between updates must be above 0",
        "--update|5 h|--update: the time between updates must be above 0 and at most the pump's run (--duration 2 h)",
        "--weight|2000|--weight: '2000' is not a human body weight"})
    void eachValueOutOfRangeNamesItsOption(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of("tci", "--model", "fanta-otto", "--target", "100 ng/mL at 0 h",
                "--duration", "2 h", "--out", tmp.resolve("out").toString()));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(List.of(option, value));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: " + message), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }
}
