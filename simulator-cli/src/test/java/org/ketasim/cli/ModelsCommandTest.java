package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelsCommandTest {

    private static final List<String> IDS =
            List.of("fanta-otto", "simons-2022", "perez-ruixo-2021", "flint-2017", "domino", "clements-1981",
                    "hijazi-2003", "kamp-2020");

    @Test
    void listsEveryModelWithDrugSamplingRoutesAndCitation() {
        Cli.Result r = Cli.run("models");
        assertEquals(0, r.exitCode(), r.err());
        for (String id : IDS) {
            assertTrue(r.out().lines().anyMatch(l -> l.equals(id) || l.equals(id + " (default)")), id + "\n" + r.out());
        }
        assertTrue(r.out().contains("fanta-otto (default)"));
        assertTrue(r.out().contains("sampling:   venous"));
        assertTrue(r.out().contains("sc (unvalidated)"));
        assertTrue(r.out().contains("doi:10.1007/s00228-021-03104-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fanta-otto", "simons-2022", "perez-ruixo-2021", "flint-2017", "domino", "clements-1981",
        "hijazi-2003", "kamp-2020"})
    void printsEachModelsParametersWithUnitsAndSources(String id) {
        Cli.Result r = Cli.run("models", id);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(" L, CL "), r.out());
        assertTrue(r.out().contains("L/h"), r.out());
        assertTrue(r.out().contains("Sources:"), r.out());
        assertTrue(r.out().contains("Assumptions:"), r.out());
        assertTrue(r.out().contains("effect site: ke0 "), r.out());
        assertFalse(r.out().contains("%n"), r.out());
    }

    @Test
    void anUnknownIdIsBadInput() {
        Cli.Result r = Cli.run("models", "simons-2023");
        assertTrue(r.err().contains("simons-2022"), r.err());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("built-in models: fanta-otto"), r.err());
    }

    @Test
    void summaryNamesTheAnalyteOfEachConcentration(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("racemic.yaml");
        Files.writeString(file, """
                source: test
                drug: ketamine
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  doses:
                    - infusion: {rate: 0.5 mg/kg/h, duration: 2 h}
                simulation: {duration: 4 h, step: 15 min}
                """);
        Cli.Result r = Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString(), "--no-chart");
        assertEquals(0, r.exitCode(), r.err());
        List<String> summary = Files.readAllLines(tmp.resolve("out/summary.csv"));
        assertTrue(summary.get(1).contains(",fanta-otto,S-ketamine (the S-enantiomer: half of the racemic dose),"
                + "\"S-norketamine (apparent, S-ketamine mass equivalents)\""), summary.get(1));
    }

    @Test
    void unvalidatedRoutesPrintTheirWarning(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("sc.yaml");
        Files.writeString(file, """
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  route: sc
                  doses:
                    - infusion: {rate: 5 mg/h, duration: 2 h}
                simulation: {duration: 4 h, step: 15 min}
                """);
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: " + file + ":4: regimen.route: route 'sc' of model 'fanta-otto' is "
                + "unvalidated"), r.err());
    }
}
