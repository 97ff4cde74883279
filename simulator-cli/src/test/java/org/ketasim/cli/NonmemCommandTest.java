package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NonmemCommandTest {

    private static final Path PARITY = Path.of("../simulator-core/src/test/resources/nonmem-parity/1001.csv");
    private static final Path MODEL = Path.of("src/test/resources/nonmem/nmtests-model.yaml");

    @TempDir
    Path tmp;

    @Test
    void simulatesTheParitySetWritingOneRowPerRecordWithItsOtherColumns() throws IOException {
        Cli.Result r = Cli.run("nonmem", PARITY.toString(), "--model", MODEL.toString(), "--out", tmp.toString(),
                "--map", "F2=BIOAV", "--map", "ALAG2=LAGT", "--map", "R2=RAT2", "--map", "D2=DUR2");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(tmp.resolve("predictions.csv"));
        assertEquals(3838, rows.size());
        assertEquals("ID,TIME,EVID,CP,C,amt,cmt,ss,ii,addl,rate,LAGT,MODE,DUR2,RAT2,BIOAV,DV", rows.get(0));
        List<String> nm = Files.readAllLines(PARITY.resolveSibling("1001-nm.csv"));
        for (int i = 1; i < rows.size(); i++) {
            double ours = Double.parseDouble(rows.get(i).split(",")[3]);
            double ref = Double.parseDouble(nm.get(i).split(",")[2]);
            double tol = ref == 0 ? 1e-9 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(ref))) - 4) * (1 + 1e-9);
            assertTrue(Math.abs(ours - ref) <= tol, "row " + i + ": " + ours + " vs NONMEM " + ref);
        }
    }

    @Test
    void badDataSetsAreBadInputNamingRowAndColumnAndWriteNothing() throws IOException {
        Path data = tmp.resolve("bad.csv");
        Files.writeString(data, "ID,TIME,EVID,AMT,CMT\n1,0,1,100,2\n1,1,9,0,2\n");
        Cli.Result r = Cli.run("nonmem", data.toString(), "--model", MODEL.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.csv: row 3: column EVID: unknown EVID 9"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("o/predictions.csv")));
        r = Cli.run("nonmem", data.toString(), "--model", "no-such-model", "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--model no-such-model: neither a built-in model"), r.err());
        r = Cli.run("nonmem", tmp.resolve("none.csv").toString(), "--model", "fanta-otto", "--out",
                tmp.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("none.csv: no such file"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")), "a folder that nothing was written into is removed");
    }

    static Stream<Path> roundTrip() throws IOException {
        List<String> corpus = List.of("c03", "c06", "c10", "c12", "c14", "c17", "c20", "c22", "c25", "c27", "c28");
        Stream<Path> cases;
        try (Stream<Path> files = Files.list(Path.of("../simulator-core/src/test/resources/reference/cases"))) {
            cases = files.filter(p -> corpus.stream().anyMatch(c -> p.getFileName().toString().startsWith(c)))
                    .sorted().toList().stream();
        }
        try (Stream<Path> examples = Files.list(Path.of("../scenarios/examples"))) {
            return Stream.concat(examples.sorted().toList().stream(), cases);
        }
    }

    /** A scenario exported as a data set and simulated back reproduces its run output to 1e-9 relative. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrip")
    void exportThenImportReproducesRun(Path scenario) throws IOException {
        Path data = tmp.resolve("data.csv");
        Cli.Result export = Cli.run("export-nonmem", scenario.toString(), "--out", data.toString());
        assertEquals(0, export.exitCode(), export.err());
        Cli.Result imported = Cli.run("nonmem", data.toString(), "--model", scenario.toString(), "--out",
                tmp.resolve("nm").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        Cli.Result run = Cli.run("run", scenario.toString(), "--out", tmp.resolve("run").toString(), "--no-chart");
        assertEquals(0, run.exitCode(), run.err());
        Path series;
        try (Stream<Path> dirs = Files.list(tmp.resolve("run"))) {
            series = dirs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("timeseries.csv");
        }
        List<String> expected = Files.readAllLines(series).subList(1, Files.readAllLines(series).size());
        List<String> observed = Files.readAllLines(tmp.resolve("nm/predictions.csv")).stream().skip(1)
                .filter(l -> l.split(",")[2].equals("0")).toList();
        assertEquals(expected.size(), observed.size(), "one observation per output row");
        for (int i = 0; i < expected.size(); i++) {
            double cp = Double.parseDouble(expected.get(i).split(",")[2]);
            double back = Double.parseDouble(observed.get(i).split(",")[3]);
            assertEquals(cp, back, 1e-9 * Math.abs(cp) + 1e-12, "row " + i + " of " + scenario);
        }
    }

    @Test
    void exportRefusesWhatItCannotWriteExactly() throws IOException {
        Path scenario = tmp.resolve("nasal.yaml");
        Files.writeString(scenario, """
                model: perez-ruixo-2021
                patient: {weight: 70 kg}
                regimen:
                  route: intranasal
                  doses: [{bolus: 56 mg}]
                simulation: {duration: 4 h, step: 15 min}
                """);
        Cli.Result r = Cli.run("export-nonmem", scenario.toString(), "--out", tmp.resolve("d.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("dosed by devices"), r.err());
        assertFalse(Files.exists(tmp.resolve("d.csv")));
    }
}
