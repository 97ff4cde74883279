package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team's reproductions of lost doses: what a run reports as given is what the model
 * received, and a regimen cut by the end of the simulation says so.
 */
class NoSilentLossTest {

    private static final String SCENARIO = """
            id: %s
            model: fanta-otto
            patient: {weight: 70 kg}
            regimen:
              doses: [%s]
            simulation: {duration: %s, step: 15 min}
            """;

    @TempDir
    Path tmp;

    private String[] summary(String id, String dose, String duration) throws IOException {
        Path file = tmp.resolve(id + ".yaml");
        Files.writeString(file, SCENARIO.formatted(id, dose, duration));
        Path out = tmp.resolve("out-" + id);
        Cli.Result r = Cli.run("run", file.toString(), "--out", out.toString(), "--no-chart");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        return rows.get(1).split(",");
    }

    @Test
    void aBolusOverAMicrosecondIsGivenWholeAsTheBolusItIs() throws IOException {
        String[] bolus = summary("bolus", "{bolus: 50 mg}", "4 h");
        String[] over = summary("over", "{bolus: 50 mg, over: 0.000001 s}", "4 h");
        assertEquals(50, Double.parseDouble(over[1]), 1e-6, "total_dose_mg");
        for (int column : new int[] {3, 5}) {
            double expected = Double.parseDouble(bolus[column]);
            assertTrue(expected > 0);
            assertEquals(expected, Double.parseDouble(over[column]), 1e-6 * expected, "column " + column);
        }
    }

    @Test
    void anInfusionLongerThanTheSimulationWarnsWithTheAmountCut() throws IOException {
        Path file = tmp.resolve("long.yaml");
        Files.writeString(file, SCENARIO.formatted("long", "{infusion: {rate: 20 mg/h, duration: 96 h}}", "48 h"));
        Cli.Result r = Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString(), "--no-chart");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("long.yaml:6: simulation.duration: the regimen runs until 96 h, after the end of "
                + "the simulation (48 h): 960 of its 1920 mg are simulated"), r.err());
    }
}
