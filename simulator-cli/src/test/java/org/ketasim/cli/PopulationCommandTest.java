package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationCommandTest {

    private static final String SCENARIO = """
            id: pop
            model: fanta-otto
            patient: {weight: 70 kg}
            regimen:
              doses:
                - infusion: {start: 5 mg/h, increment: 2 mg/h, every: 12 h, max: 25 mg/h, duration: 48 h}
            simulation: {duration: 48 h, step: 0.5 h}
            """;

    @TempDir
    Path tmp;

    private Path scenario(String yaml) throws IOException {
        Path file = tmp.resolve("pop.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theSameSeedGivesTheSameBytesAtAnyThreadCount() throws IOException {
        Path file = scenario(SCENARIO);
        Cli.Result one = Cli.run("population", file.toString(), "--n", "200", "--seed", "42", "--threads", "1",
                "--out", tmp.resolve("one").toString());
        Cli.Result two = Cli.run("population", file.toString(), "--n", "200", "--seed", "42", "--threads", "2",
                "--out", tmp.resolve("two").toString());
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, two.exitCode(), two.err());
        for (String name : List.of("population_bands.csv", "population_subjects.csv", "population_probabilities.csv")) {
            byte[] a = Files.readAllBytes(tmp.resolve("one/pop").resolve(name));
            assertArrayEquals(a, Files.readAllBytes(tmp.resolve("two/pop").resolve(name)), name);
            assertTrue(new String(a).lines().skip(1).allMatch(l -> l.startsWith("42,")), name + " carries the seed");
        }
        assertTrue(Files.size(tmp.resolve("one/pop/population.png")) > 1000);
        assertTrue(one.out().contains("200 subjects, seed 42"), one.out());
    }

    @Test
    void bandsAreOrderedAndTheMedianIsNearTheTypicalPatient() throws IOException {
        Path file = scenario(SCENARIO);
        assertEquals(0, Cli.run("population", file.toString(), "--n", "500", "--out", tmp.resolve("out").toString())
                .exitCode());
        Cli.Result typical = Cli.run("run", file.toString(), "--no-chart", "--out", tmp.resolve("run").toString());
        assertEquals(0, typical.exitCode(), typical.err());
        List<String> bands = Files.readAllLines(tmp.resolve("out/pop/population_bands.csv"));
        List<String> run = Files.readAllLines(tmp.resolve("run/pop/timeseries.csv"));
        assertTrue(bands.get(0).startsWith("seed,time_h,parent_p5_ng_per_ml,parent_p25_ng_per_ml,parent_p50_ng_per_ml"));
        String[] last = bands.get(bands.size() - 1).split(",");
        for (int k = 3; k < 7; k++) {
            assertTrue(Double.parseDouble(last[k]) >= Double.parseDouble(last[k - 1]), bands.get(0) + "\n" + last[k]);
        }
        double typicalCp = Double.parseDouble(run.get(run.size() - 1).split(",")[2]);
        assertEquals(typicalCp, Double.parseDouble(last[4]), 0.1 * typicalCp, "median vs typical patient");
    }

    @Test
    void badOptionsAndModelsWithoutVariabilityAreBadInput() throws IOException {
        Path file = scenario(SCENARIO);
        String out = tmp.resolve("bad").toString();
        assertEquals(2, Cli.run("population", file.toString(), "--n", "0", "--out", out).exitCode());
        for (String[] bad : new String[][] {{"--percentiles", "50,25", "got [50.0, 25.0]"},
            {"--weight-sd", "-1", "got -1.0"}, {"--window", "x=5-2", "got 5.0-2.0"},
            {"--observations", "2 h, 1 h", "got [2.0, 1.0]"}}) {
            Cli.Result r = Cli.run("population", file.toString(), bad[0], bad[1], "--out", out);
            assertEquals(2, r.exitCode(), bad[0] + " " + bad[1]);
            assertTrue(r.err().startsWith("error: " + bad[0] + ": ") && r.err().contains(bad[2]),
                    "names the option and its value: " + r.err());
        }
        assertEquals(2, Cli.run("population", file.toString(), "--threads", "0", "--out", out).exitCode());
        for (String[] bad : new String[][] {{"--threads", "100000"}, {"--seed", "-1"}, {"--replicates", "-3"},
            {"--n", "0"}}) {
            for (String command : new String[] {"population", "compare"}) {
                Cli.Result r = Cli.run(command, file.toString(), bad[0], bad[1], "--out", out);
                assertEquals(2, r.exitCode(), command + " " + bad[0] + " " + bad[1]);
                assertTrue(r.err().startsWith("error: " + bad[0] + ": must be") && r.err().contains("got " + bad[1]),
                        "names the option and its value: " + r.err());
            }
        }
        assertFalse(Files.exists(tmp.resolve("bad/pop")), "nothing written for bad options");
        Path inline = scenario(SCENARIO.replace("model: fanta-otto",
                "model:\n  name: inline\n  compartments: {V1: 10 L, CL: 10 L/h}"));
        Cli.Result r = Cli.run("population", inline.toString(), "--out", out);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("has no inter-individual variability") && r.err().contains("model.variability"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void weightVariabilityIsDrawnWithinTheStudyWeights() throws IOException {
        Path file = scenario(SCENARIO.replace("5 mg/h, increment: 2 mg/h", "0.07 mg/kg/h, increment: 0.03 mg/kg/h")
                .replace("max: 25 mg/h", "max: 0.35 mg/kg/h"));
        Cli.Result r = Cli.run("population", file.toString(), "--n", "100", "--weight-sd", "15", "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(tmp.resolve("out/pop/population_subjects.csv"));
        double[] weights = rows.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
        assertTrue(java.util.Arrays.stream(weights).allMatch(w -> w >= 50 && w <= 95), "fanta-otto studied 50-95 kg");
        assertTrue(java.util.Arrays.stream(weights).distinct().count() > 90);
    }

    @Test
    void aPopulationKeyMakesRunWriteThePopulationAndOptionsWinOverIt() throws IOException {
        Path file = scenario(SCENARIO + "population: {subjects: 50, seed: 7, percentiles: [10, 50, 90], "
                + "observations: [1 h, 2 h]}\n");
        Cli.Result run = Cli.run("run", file.toString(), "--no-chart", "--out", tmp.resolve("run").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> probabilities = Files.readAllLines(tmp.resolve("run/pop/population_probabilities.csv"));
        assertEquals("7,50,p_inside_analgesia_acute", probabilities.get(1).substring(0, probabilities.get(1).lastIndexOf(',')));
        assertEquals(1 + 50 * 2 * 2, Files.readAllLines(tmp.resolve("run/pop/population_observations.csv")).size());
        assertTrue(Files.readString(tmp.resolve("run/pop/population_bands.csv")).startsWith(
                "seed,time_h,parent_p10_ng_per_ml,parent_p50_ng_per_ml,parent_p90_ng_per_ml,"));
        assertFalse(Files.exists(tmp.resolve("run/pop/population.png")), "--no-chart draws no population chart");
        Cli.Result pop = Cli.run("population", file.toString(), "--n", "20", "--out", tmp.resolve("pop").toString());
        assertEquals(0, pop.exitCode(), pop.err());
        assertTrue(Files.readAllLines(tmp.resolve("pop/pop/population_probabilities.csv")).get(1).startsWith("7,20,"));
        assertTrue(Files.exists(tmp.resolve("pop/pop/population.png")));
    }

    @Test
    void aBadPopulationKeyNamesTheFileLineAndKey() throws IOException {
        Path file = scenario(SCENARIO + "population:\n  subjects: 2.5\n");
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("pop.yaml:9: population.subjects: must be a whole number from 1 to 1000000, got '2.5'"),
                r.err());
        file = scenario(SCENARIO + "population: {percentiles: [50, 5]}\n");
        r = Cli.run("validate", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("population.percentiles[1]"), r.err());
        file = scenario(SCENARIO + "population: {size: 5}\n");
        assertTrue(Cli.run("validate", file.toString()).err().contains("unknown key 'size'"));
        file = scenario(SCENARIO + "population:\n  baseline_nrs_sd: 6\n");
        r = Cli.run("validate", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("pop.yaml:9: population.baseline_nrs_sd: must be 0 to 5.0 NRS points, got 6"),
                r.err());
    }

    /**
     * A spread of baseline pain scores changes the outcome shares (a patient at a higher baseline
     * needs more relief for the same definitions) but not the concentrations: the bands are the
     * same bytes.
     */
    @Test
    void aBaselineSpreadChangesOutcomesNotConcentrations() throws IOException {
        for (String sd : new String[] {"0", "2"}) {
            Path file = scenario(SCENARIO + "population: {baseline_nrs_sd: " + sd + "}\n");
            Cli.Result r = Cli.run("population", file.toString(), "--n", "200", "--seed", "5", "--replicates", "20",
                    "--out", tmp.resolve("sd" + sd).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        assertEquals(Files.readString(tmp.resolve("sd0/pop/population_bands.csv")),
                Files.readString(tmp.resolve("sd2/pop/population_bands.csv")));
        assertNotEquals(Files.readString(tmp.resolve("sd0/pop/population_outcomes.csv")),
                Files.readString(tmp.resolve("sd2/pop/population_outcomes.csv")));
    }

    @Test
    void observationsAreWrittenAndReproducibleAndBadTimesAreBadInput() throws IOException {
        Path file = scenario(SCENARIO);
        for (String threads : new String[] {"1", "2"}) {
            Cli.Result r = Cli.run("population", file.toString(), "--n", "50", "--seed", "3", "--threads", threads,
                    "--observations", "0.5 h, 24 h", "--out", tmp.resolve("t" + threads).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        List<String> rows = Files.readAllLines(tmp.resolve("t1/pop/population_observations.csv"));
        assertEquals("seed,subject,time_h,analyte,ipred_ng_per_ml,dv_ng_per_ml", rows.get(0));
        assertEquals(1 + 50 * 2 * 2, rows.size());
        assertTrue(rows.get(1).startsWith("3,0,0.5,parent,"), rows.get(1));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("t1/pop/population_observations.csv")),
                Files.readAllBytes(tmp.resolve("t2/pop/population_observations.csv")));
        Cli.Result bad = Cli.run("population", file.toString(), "--observations", "1 mg", "--out",
                tmp.resolve("bad").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--observations"), bad.err());
    }
}
