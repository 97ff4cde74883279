package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    /** A titration base scenario, shared with {@link SweepResumeTest}. */
    static final String BASE = """
            id: base
            model: fanta-otto
            patient: {weight: 70 kg}
            regimen:
              doses:
                - infusion: {start: 5 mg/h, increment: 2 mg/h, every: 12 h, max: 25 mg/h, duration: 48 h}
            simulation: {duration: 60 h, step: 30 min}
            """;

    private static final String SWEEP = """
            id: grid
            base: base.yaml
            axes:
              start: {from: 2 mg/h, to: 6 mg/h, by: 2 mg/h}
              increment: [1 mg/h, 3 mg/h]
              weight: [60 kg, 80 kg]
            """;

    @TempDir
    Path tmp;

    @BeforeEach
    void base() throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), BASE);
    }

    private Path sweep(String yaml) throws IOException {
        Path file = tmp.resolve("sweep.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void everyPointIsOneRowInGridOrderWithTheLastAxisFastest() throws IOException {
        Cli.Result r = Cli.run("sweep", sweep(SWEEP).toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(tmp.resolve("out/sweep.csv"));
        assertEquals(1 + 3 * 2 * 2, rows.size());
        assertTrue(rows.get(0).startsWith("point,scenario,start,increment,weight,total_dose_mg,"));
        assertTrue(rows.get(1).startsWith("0,base.yaml,2 mg/h,1 mg/h,60 kg,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("1,base.yaml,2 mg/h,1 mg/h,80 kg,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("2,base.yaml,2 mg/h,3 mg/h,60 kg,"), rows.get(3));
        assertTrue(rows.get(12).startsWith("11,base.yaml,6 mg/h,3 mg/h,80 kg,"), rows.get(12));
        // start 2, +1 every 12 h for 48 h: 2, 3, 4, 5 mg/h -> 168 mg
        assertEquals(168.0, Double.parseDouble(rows.get(1).split(",")[5]), 1e-9);
        assertTrue(rows.stream().skip(1).allMatch(l -> l.endsWith(",")), "no problems");
    }

    @Test
    void theRowsDoNotDependOnTheThreadCount() throws IOException {
        Path file = sweep(SWEEP);
        assertEquals(0, Cli.run("sweep", file.toString(), "--threads", "1", "--out", tmp.resolve("a").toString())
                .exitCode());
        assertEquals(0, Cli.run("sweep", file.toString(), "--threads", "3", "--out", tmp.resolve("b").toString())
                .exitCode());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/sweep.csv")), Files.readAllBytes(tmp.resolve("b/sweep.csv")));
    }

    @Test
    void aResumedSweepGivesTheSameRowsAsAnUninterruptedOne() throws IOException {
        Path file = sweep(SWEEP.replace("weight: [60 kg, 80 kg]", "weight: [60 kg, 80 kg]\n  subjects: [20]"));
        assertEquals(0, Cli.run("sweep", file.toString(), "--per-subject", "--out", tmp.resolve("whole").toString())
                .exitCode());
        Path cut = tmp.resolve("cut");
        assertEquals(0, Cli.run("sweep", file.toString(), "--per-subject", "--out", cut.toString()).exitCode());
        byte[] whole = Files.readAllBytes(tmp.resolve("whole/sweep.csv"));
        String text = new String(whole);
        int inSeventhRow = text.indexOf('\n', text.indexOf("\n6,") + 1) - 10;
        try (RandomAccessFile f = new RandomAccessFile(cut.resolve("sweep.csv").toFile(), "rw")) {
            f.setLength(inSeventhRow);
        }
        Cli.Result r = Cli.run("sweep", file.toString(), "--per-subject", "--resume", "--out", cut.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(6 run now)"), r.out());
        assertArrayEquals(whole, Files.readAllBytes(cut.resolve("sweep.csv")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("whole/sweep_subjects.csv")),
                Files.readAllBytes(cut.resolve("sweep_subjects.csv")));
        assertEquals(1 + 12 * 20, Files.readAllLines(cut.resolve("sweep_subjects.csv")).size());
    }

    @Test
    void resumingADifferentSweepIsRefused() throws IOException {
        Path file = sweep(SWEEP);
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", out.toString()).exitCode());
        sweep(SWEEP.replace("[60 kg, 80 kg]", "[60 kg, 90 kg]"));
        Cli.Result r = Cli.run("sweep", file.toString(), "--resume", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("holds a different sweep"), r.err());
        assertEquals(2, Cli.run("sweep", file.toString(), "--resume", "--out", tmp.resolve("none").toString())
                .exitCode());
    }

    @Test
    void aPointThatCannotBeSimulatedGetsItsReasonAndExitCode2() throws IOException {
        Path file = sweep(SWEEP.replace("weight: [60 kg, 80 kg]", "model: [fanta-otto, domino]"));
        Cli.Result r = Cli.run("sweep", file.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exitCode());
        List<String> rows = Files.readAllLines(tmp.resolve("out/sweep.csv"));
        assertTrue(rows.get(2).startsWith("1,base.yaml,2 mg/h,1 mg/h,domino,,,"), rows.get(2));
        assertTrue(rows.get(2).contains("racemic ketamine"), rows.get(2));
        assertTrue(rows.get(2).matches(".*base\\.yaml:2: model: .*"), "the base file's own line: " + rows.get(2));
    }

    @Test
    void badSweepFilesNameTheFileLineAndKey() throws IOException {
        String[][] cases = {
            {SWEEP.replace("increment: [1 mg/h, 3 mg/h]", "incremnt: [1 mg/h]"), "sweep.yaml:5: axes.incremnt: unknown key"},
            {SWEEP.replace("[1 mg/h, 3 mg/h]", "[1 mg/h, 3 mg/hx]"), "sweep.yaml:5: axes.increment: unknown unit 'mg/hx'"},
            {SWEEP.replace("to: 6 mg/h", "to: 6 mg/min"), "sweep.yaml:4: axes.start: from, to and by must be written in one unit"},
            {SWEEP.replace("weight: [60 kg, 80 kg]", "rate: [10 mg/h]"), "sweep.yaml:6: axes.rate: no base scenario has a dose whose rate"},
            {SWEEP.replace("base.yaml", "missing.yaml"), "sweep.yaml:2: base: the base scenario is not valid"},
            {SWEEP.replace("[60 kg, 80 kg]", "[60 kg, 800 kg]"), "axes.weight: '800 kg' is not a human body weight"},
            {SWEEP + "  subjects: [0]\n", "axes.subjects: must be a whole number from 1 to 1000000"},
            {SWEEP + "  subjects: [1000000]\n", "sweep.yaml:4: axes: the grid simulates 12000012 patients (12 points, "
                + "each with its population), more than the limit of 10000000"},
            {SWEEP.replace("[1 mg/h, 3 mg/h]", "[1 mg/h, \"3\\nmg/h\"]"), "axes.increment: an axis value is one line of "
                + "text, got one with a line break"},
            {SWEEP.replace("to: 6 mg/h", "to: 1e12 mg/h"), "sweep.yaml:4: axes.start: an axis has at most 100000 values, "
                + "this range has 500000000000"},
            {SWEEP.replace("by: 2 mg/h", "by: 1e-300 mg/h"), "sweep.yaml:4: axes.start: an axis has at most 100000 "
                + "values, this range has about 4.00e+300"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run("sweep", sweep(c[0]).toString(), "--out", tmp.resolve("bad").toString());
            assertEquals(2, r.exitCode(), c[1]);
            assertTrue(r.err().contains(c[1]), "expected '" + c[1] + "' in: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(tmp.resolve("bad/sweep.csv")), "nothing written for a bad sweep file");
        }
    }

    @Test
    void aListOfBasesIsTheSlowestAxisAndAnAxisThatMissesABaseIsThatPointsProblem() throws IOException {
        Files.writeString(tmp.resolve("constant.yaml"), BASE.replace("id: base", "id: constant").replace(
                "{start: 5 mg/h, increment: 2 mg/h, every: 12 h, max: 25 mg/h, duration: 48 h}",
                "{rate: 10 mg/h, duration: 48 h}"));
        Path file = sweep("base: [base.yaml, constant.yaml]\naxes:\n  start: [3 mg/h]\n  model: [fanta-otto, simons-2022]\n");
        Cli.Result r = Cli.run("sweep", file.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(tmp.resolve("out/sweep.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(2).startsWith("1,base.yaml,3 mg/h,simons-2022,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("2,constant.yaml,3 mg/h,fanta-otto,,"), rows.get(3));
        assertTrue(rows.get(3).endsWith("start: the base scenario has no dose whose start this axis could vary"),
                rows.get(3));
    }

    @Test
    void runRefusesASweepFileAndSkipsThemInFolders() throws IOException {
        Path file = tmp.resolve("grid.sweep.yaml");
        Files.writeString(file, SWEEP);
        Cli.Result r = Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("a sweep file, not a scenario: run it with 'ketasim sweep'"), r.err());
        r = Cli.run("validate", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedByRunPopulationAndSweep() throws IOException {
        Path file = tmp.resolve("taken");
        Files.writeString(file, "x");
        Path base = tmp.resolve("base.yaml");
        for (String[] args : new String[][] {{"run", base.toString()}, {"population", base.toString()},
            {"sweep", sweep(SWEEP).toString()}}) {
            Cli.Result r = Cli.run(args[0], args[1], "--out", file.toString());
            assertEquals(2, r.exitCode(), args[0]);
            assertTrue(r.err().contains("--out " + file + " exists and is not a directory"), r.err());
            assertEquals("x", Files.readString(file));
        }
    }

    @Test
    void aResumedSweepStillReportsTheProblemsOfRowsWrittenBeforeTheInterruption() throws IOException {
        Path file = sweep(SWEEP.replace("weight: [60 kg, 80 kg]", "model: [domino, fanta-otto]"));
        Path out = tmp.resolve("out");
        assertEquals(2, Cli.run("sweep", file.toString(), "--out", out.toString()).exitCode());
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        Files.writeString(out.resolve("sweep.csv"), String.join("\n", rows.subList(0, 4)) + "\n");
        Cli.Result r = Cli.run("sweep", file.toString(), "--resume", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("6 point(s) could not be simulated"), r.out());
        assertEquals(rows, Files.readAllLines(out.resolve("sweep.csv")));
    }
}
