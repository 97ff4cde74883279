package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void badTargetsAndOptionsAreBadInput() {
        assertEquals(2, Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL", "--duration", "1 h", "--out",
                tmp.toString()).exitCode());
        assertEquals(2, Cli.run("tci", "--model", "nope", "--target", "100 ng/mL at 0 h", "--duration", "1 h",
                "--out", tmp.toString()).exitCode());
        assertEquals(2, Cli.run("tci", "--model", "fanta-otto", "--target", "100 mg at 0 h", "--duration", "1 h",
                "--out", tmp.toString()).exitCode());
        assertEquals(2, Cli.run("tci", "--model", "fanta-otto", "--target", "100 ng/mL at 0 h", "--site", "brain",
                "--duration", "1 h", "--out", tmp.toString()).exitCode());
    }
}
