package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --resume} continues only what it checked: its files are counted as CSV records, and
 * a state, header, row or subject that is not this sweep's interrupted run is refused with exit 2.
 */
class SweepResumeTest {

    /** 20 points. */
    private static final String SWEEP = """
            id: grid
            base: base.yaml
            axes:
              start: {from: 1 mg/h, to: 10 mg/h, by: 1 mg/h}
              increment: [1 mg/h, 2 mg/h]
            """;

    private static final String POPULATION_SWEEP = """
            id: pop
            base: base.yaml
            axes:
              start: [2 mg/h, 4 mg/h, 6 mg/h, 8 mg/h]
              subjects: [3]
            """;

    @TempDir
    Path tmp;

    private Path file;
    private Path populations;
    private Path out;
    private byte[] whole;

    @BeforeEach
    void sweepOnce() throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), SweepCommandTest.BASE);
        file = tmp.resolve("grid.sweep.yaml");
        Files.writeString(file, SWEEP);
        populations = tmp.resolve("pop.sweep.yaml");
        Files.writeString(populations, POPULATION_SWEEP);
        out = tmp.resolve("out");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", out.toString()).exitCode());
        whole = Files.readAllBytes(out.resolve("sweep.csv"));
    }

    private Cli.Result resume(Path sweep, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", sweep.toString(), "--resume", "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private void assertRefused(Cli.Result r, String reason) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("error: --resume: ") && r.err().contains(reason), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aRowCutAnywhereIsRunAgain() throws IOException {
        String text = new String(whole, StandardCharsets.UTF_8);
        int row5 = text.indexOf("\n5,") + 1;
        for (int cut : new int[] {row5, row5 + 1, text.indexOf('\n', row5 + 1), text.length() - 1}) {
            Files.writeString(out.resolve("sweep.csv"), text.substring(0, cut));
            Cli.Result r = resume(file);
            assertEquals(0, r.exitCode(), r.err());
            assertArrayEquals(whole, Files.readAllBytes(out.resolve("sweep.csv")), "cut at " + cut);
        }
    }

    @Test
    void extraRowsAreRefused() throws IOException {
        String text = new String(whole, StandardCharsets.UTF_8);
        String rows = text.substring(text.indexOf('\n') + 1);
        Files.writeString(out.resolve("sweep.csv"), text + rows + rows + rows);
        assertRefused(resume(file), "has more rows than the sweep has points (20)");
    }

    @Test
    void anEmptyFileOrAnotherHeaderIsRefused() throws IOException {
        Files.writeString(out.resolve("sweep.csv"), "");
        assertRefused(resume(file), "sweep.csv has no header");
        Files.writeString(out.resolve("sweep.csv"), "\n");
        assertRefused(resume(file), "sweep.csv has not this sweep's header");
        Files.writeString(out.resolve("sweep.csv"), "point,scenario\n0,base.yaml\n");
        assertRefused(resume(file), "sweep.csv has not this sweep's header");
    }

    @Test
    void anotherSweepsRowsAreRefused() throws IOException {
        Path other = tmp.resolve("other.sweep.yaml");
        Files.writeString(other, SWEEP.replace("to: 10 mg/h", "to: 20 mg/h").replace("id: grid", "id: other"));
        Path otherOut = tmp.resolve("other");
        assertEquals(0, Cli.run("sweep", other.toString(), "--out", otherOut.toString()).exitCode());
        Files.copy(otherOut.resolve("sweep.csv"), out.resolve("sweep.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(resume(file), "has more rows than the sweep has points");
        String text = new String(whole, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("sweep.csv"), text.replace("\n3,base.yaml,2 mg/h", "\n3,base.yaml,9 mg/h"));
        assertRefused(resume(file), "sweep.csv: row 4 is not point 3 of this sweep");
        Files.writeString(out.resolve("sweep.csv"), text.replace("\n3,base.yaml", "\n4,base.yaml"));
        assertRefused(resume(file), "row 4 is not point 3");
        Files.writeString(out.resolve("sweep.csv"), text.replace("\n3,base.yaml,2 mg/h,2 mg/h,", "\n3,base.yaml,"));
        assertRefused(resume(file), "record 5 has 19 cells, the header 21");
    }

    @Test
    void aStateThatIsNotThisSweepsIsRefused() throws IOException {
        Files.write(out.resolve("sweep.state"), new byte[] {0, (byte) 0xff, 0x13, 'x', '\n'});
        assertRefused(resume(file), "sweep.state is not a sweep's state");
        Files.writeString(out.resolve("sweep.state"), "0".repeat(64) + "\n");
        assertRefused(resume(file), "holds a different sweep");
        Files.delete(out.resolve("sweep.state"));
        assertRefused(resume(file), "holds no sweep to resume");
    }

    @Test
    void theSubjectsOfEveryKeptPointMustAllBeThere() throws IOException {
        out = tmp.resolve("pop");
        assertEquals(0, Cli.run("sweep", populations.toString(), "--per-subject", "--out", out.toString())
                .exitCode());
        byte[] subjects = Files.readAllBytes(out.resolve("sweep_subjects.csv"));
        List<String> lines = Files.readAllLines(out.resolve("sweep_subjects.csv"));
        assertEquals(1 + 4 * 3, lines.size());

        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        Files.writeString(out.resolve("sweep.csv"), String.join("\n", rows.subList(0, 3)) + "\n");
        Cli.Result r = resume(populations, "--per-subject");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(2 run now)"), r.out());
        assertArrayEquals(subjects, Files.readAllBytes(out.resolve("sweep_subjects.csv")));

        List<String> missingOne = new ArrayList<>(lines);
        missingOne.remove(4);
        Files.writeString(out.resolve("sweep_subjects.csv"), String.join("\n", missingOne) + "\n");
        assertRefused(resume(populations, "--per-subject"), "sweep_subjects.csv has 2 rows for point 1, which has 3 "
                + "subjects");
        Files.delete(out.resolve("sweep_subjects.csv"));
        assertRefused(resume(populations, "--per-subject"), "sweep_subjects.csv is missing");
    }

    @Test
    void warningsOfAnotherSweepAreRefused() throws IOException {
        Files.writeString(out.resolve("warnings.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        assertRefused(resume(file), "warnings.txt: line 1 is not a warning of this sweep's points, in order");
        Files.writeString(out.resolve("warnings.txt"), "point 3: a\npoint 2: b\n");
        assertRefused(resume(file), "line 2 is not a warning");
        Files.writeString(out.resolve("warnings.txt"), "point 3: a\npoint 25: b\n");
        assertRefused(resume(file), "line 2 is not a warning");
    }
}
