package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team's reproductions for the outputs of every command: nothing written outside or
 * through a link, no stale results, one command per folder, cells that cannot become formulas,
 * unique names, user mistakes as exit 2, inputs that must be regular files, and messages that do
 * not echo other files.
 */
class OutputSafetyTest {

    private static final String BOLUS = "../scenarios/examples/bolus.yaml";
    private static final String BUILT_IN = "../scenarios/examples/built-in-model.yaml";
    private static final String RULE = "../scenarios/teaching/rule-2mgh-hourly-until-relief.yaml";
    private static final String SCENARIO = """
            id: %s
            model: fanta-otto
            patient: {weight: 70 kg}
            regimen:
              doses: [{infusion: {rate: 5 mg/h, duration: 2 h}}]
            simulation: {duration: 4 h, step: 15 min}
            """;
    private static final String SWEEP = """
            id: grid
            base: base.yaml
            axes:
              rate: [2 mg/h, 4 mg/h]
              subjects: [5]
            """;

    @TempDir
    Path tmp;

    private Path scenario(Path dir, String id) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(id.replaceAll("[^A-Za-z0-9]", "_") + ".yaml");
        Files.writeString(file, SCENARIO.formatted(id));
        return file;
    }

    private Path sweep() throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), SCENARIO.formatted("base"));
        Path file = tmp.resolve("grid.sweep.yaml");
        Files.writeString(file, SWEEP);
        return file;
    }

    private static Cli.Result titrate(String script, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            List<String> all = new ArrayList<>(List.of("titrate"));
            all.addAll(List.of(args));
            return Cli.run(all.toArray(String[]::new));
        } finally {
            System.setIn(stdin);
        }
    }

    /** Every command that writes an output folder, writing to {@code out}. */
    private List<String[]> everyCommand(Path out) throws IOException {
        Path data = tmp.resolve("data.csv");
        Files.writeString(data, "ID,TIME,EVID,AMT,CMT\n1,0,1,100,1\n1,1,0,0,1\n");
        String o = out.toString();
        return List.of(new String[] {"run", BOLUS, "--out", o}, new String[] {"population", BUILT_IN, "--n", "5",
            "--out", o}, new String[] {"sweep", sweep().toString(), "--out", o}, new String[] {"compare", BOLUS,
                "--out", o}, new String[] {"tci", "--model", "fanta-otto", "--target", "100 ng/mL at 0 h", "--duration",
                    "1 h", "--out", o}, new String[] {"titrate", "--out", o}, new String[] {"nonmem", data.toString(),
                        "--model", "fanta-otto", "--out", o});
    }

    private static Cli.Result execute(String[] args) {
        return args[0].equals("titrate") ? titrate("rate 10 mg/h\nwait 1 h\nquit\n", List.of(args).subList(1,
                args.length).toArray(String[]::new)) : Cli.run(args);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.parse(r).getRecords();
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void aReusedFolderIsRefusedWithoutForceAndKeepsNoStaleResultsWithIt() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("population", BUILT_IN, "--n", "5", "--out", out.toString()).exitCode());
        Cli.Result r = Cli.run("run", RULE, "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--out " + out + " is not empty (built-in-model); add --force"), r.err());
        assertEquals(0, Cli.run("run", RULE, "--out", out.toString(), "--force").exitCode());
        assertFalse(Files.exists(out.resolve("built-in-model")), "the population's files are gone");
        assertTrue(Files.exists(out.resolve("rule-2mgh-hourly-until-relief/events.csv")));
        Files.writeString(out.resolve("my-notes.txt"), "mine");
        r = Cli.run("run", BOLUS, "--out", out.toString(), "--force", "--no-chart");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Set.of("bolus", "summary.csv", "my-notes.txt", ".ketasim-outputs", ".ketasim.lock"), names(out),
                "the earlier run's folder, events.csv and chart went; the user's file stayed");
        assertEquals(Set.of("timeseries.csv"), names(out.resolve("bolus")));
        assertEquals("mine", Files.readString(out.resolve("my-notes.txt")));
    }

    @Test
    void sweepNeverFollowsALinkInItsFolderFreshOrResumed() throws IOException {
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "secret\n");
        Path file = sweep();
        for (String name : List.of("sweep.csv", "warnings.txt", "sweep_subjects.csv")) {
            Path out = Files.createDirectories(tmp.resolve("fresh-" + name));
            Files.createSymbolicLink(out.resolve(name), victim);
            Cli.Result r = Cli.run("sweep", file.toString(), "--per-subject", "--out", out.toString());
            assertEquals(2, r.exitCode(), name);
            r = Cli.run("sweep", file.toString(), "--per-subject", "--force", "--out", out.toString());
            assertEquals(2, r.exitCode(), name);
            assertTrue(r.err().contains(name + ": it is a symbolic link"), r.err());
            assertTrue(Files.isSymbolicLink(out.resolve(name)));
        }
        for (String name : List.of("sweep.csv", "warnings.txt", "sweep_subjects.csv", "sweep.state")) {
            Path out = tmp.resolve("resumed-" + name);
            assertEquals(0, Cli.run("sweep", file.toString(), "--per-subject", "--out", out.toString()).exitCode());
            Files.deleteIfExists(out.resolve(name));
            Files.createSymbolicLink(out.resolve(name), victim);
            Cli.Result r = Cli.run("sweep", file.toString(), "--per-subject", "--resume", "--out", out.toString());
            assertEquals(2, r.exitCode(), name + ": " + r.out());
            assertTrue(r.err().contains(name), r.err());
        }
        assertEquals("secret\n", Files.readString(victim));
    }

    @Test
    void twoSweepsStartedTogetherIntoOneFolderDoNotBothWrite() throws Exception {
        Path file = sweep();
        Path out = tmp.resolve("out");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Cli.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Cli.run("sweep", file.toString(), "--out", out.toString());
            }));
        }
        start.countDown();
        List<Cli.Result> results = new ArrayList<>();
        for (CompletableFuture<Cli.Result> run : runs) {
            results.add(run.get());
        }
        assertEquals(Set.of(0, 2), results.stream().map(Cli.Result::exitCode).collect(Collectors.toSet()));
        Cli.Result refused = results.stream().filter(r -> r.exitCode() == 2).findFirst().orElseThrow();
        assertTrue(refused.err().contains("is in use by another ketasim command") || refused.err().contains("is not "
                + "empty"), refused.err());
        assertEquals(1 + 2, csv(out.resolve("sweep.csv")).size(), "every point once");
    }

    @Test
    void everyCommandRefusesAFolderThatAnotherProcessIsWritingTo() throws Exception {
        Path out = tmp.resolve("busy");
        Process holder = LockHolder.hold(out);
        try {
            for (String[] args : everyCommand(out)) {
                Cli.Result result = execute(args);
                assertEquals(2, result.exitCode(), args[0] + ": " + result.err());
                assertTrue(result.err().contains("is in use by another ketasim command"), args[0] + ": " + result.err());
            }
            assertEquals(Set.of(".ketasim.lock", ".ketasim-outputs"), names(out), "nothing written");
        } finally {
            assertEquals(0, LockHolder.release(holder));
        }
    }

    @Test
    void anOutThatIsAFileOrCannotBeCreatedIsBadInputForEveryCommand() throws IOException {
        Path file = tmp.resolve("taken");
        Files.writeString(file, "x");
        for (String[] args : everyCommand(file)) {
            Cli.Result r = execute(args);
            assertEquals(2, r.exitCode(), args[0] + ": " + r.err());
            assertTrue(r.err().contains("--out " + file + " exists and is not a directory"), args[0] + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        Path under = file.resolve("out");
        for (String[] args : everyCommand(under)) {
            Cli.Result r = execute(args);
            assertEquals(2, r.exitCode(), args[0] + ": " + r.err());
            assertTrue(r.err().contains("cannot write " + under + ": "), args[0] + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        assertEquals("x", Files.readString(file));
    }

    @Test
    void titrateChecksItsFolderBeforeTheSessionStarts() throws IOException {
        Path file = tmp.resolve("taken");
        Files.writeString(file, "x");
        Cli.Result r = titrate("rate 10 mg/h\nwait 1 h\nquit\n", "--out", file.resolve("out").toString());
        assertEquals(2, r.exitCode());
        assertFalse(r.out().contains("ketasim titrate:"), "no session was started: " + r.out());
    }

    @Test
    void idsThatNameFilesKetasimWritesAreRefusedAndTheOthersWritten() throws IOException {
        Path dir = tmp.resolve("in");
        for (String id : List.of("summary.csv", "warnings.txt", "Failures.TXT", "fine")) {
            scenario(dir, id);
        }
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", dir.toString(), "--out", out.toString(), "--no-chart");
        assertEquals(2, r.exitCode(), r.err());
        for (String id : List.of("summary.csv", "warnings.txt", "Failures.TXT")) {
            assertTrue(r.err().contains("id: the id '" + id + "' is the name of a file ketasim writes"), r.err());
        }
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
        assertTrue(Files.exists(out.resolve("fine/timeseries.csv")));
        assertEquals(3, Files.readAllLines(out.resolve("failures.txt")).size());
    }

    @Test
    void noTextCellOfAnyCsvCanBeTakenForAFormula() throws IOException {
        Path dir = tmp.resolve("+cmd");
        Files.createDirectories(dir);
        Path file = dir.resolve("evil.yaml");
        Files.writeString(file, """
                id: evil
                model:
                  name: '=HYPERLINK("http://evil.example","click")'
                  compartments: {V1: 133 L, CL: 95.2 L/h}
                  metabolite: {name: '@SUM(1+1)', fraction: 1, V1: 98.6 L, CL: 57.7 L/h}
                patient: {weight: 70 kg}
                regimen:
                  doses: [{infusion: {rate: 5 mg/h, duration: 2 h}}]
                simulation: {duration: 4 h, step: 15 min}
                """);
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("run", file.toString(), "--out", out.toString(), "--no-chart").exitCode());
        assertEquals(0, Cli.run("compare", file.toString(), "--out", tmp.resolve("cmp").toString()).exitCode());
        List<CSVRecord> summary = csv(out.resolve("summary.csv"));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")",
                summary.get(1).get(summary.get(0).toList().indexOf("model")));
        List<CSVRecord> comparison = csv(tmp.resolve("cmp/comparison.csv"));
        assertEquals("'+cmd", comparison.get(1).get(1), "the family, from the folder name");
        for (Path table : List.of(out.resolve("summary.csv"), out.resolve("evil/timeseries.csv"),
                tmp.resolve("cmp/comparison.csv"))) {
            for (CSVRecord record : csv(table)) {
                for (String cell : record) {
                    assertFalse(cell.matches("[=+@\t\r].*") || cell.startsWith("-") && !cell.matches(
                            "-[0-9.]+(E-?[0-9]+)?"), table + ": " + cell);
                }
            }
        }
    }

    @Test
    void aFileNameCannotStartACellOrALineOfAnExportedDataSet() throws IOException {
        Path file = scenario(tmp.resolve("in"), "x,+SUM(1)");
        Path moved = Files.move(file, file.resolveSibling("a,=cmd\nb.yaml"));
        Path data = tmp.resolve("data.csv");
        Cli.Result r = Cli.run("export-nonmem", moved.toString(), "--out", data.toString());
        assertEquals(0, r.exitCode(), r.err());
        String comment = Files.readAllLines(data).get(0);
        assertTrue(comment.startsWith("# ID 1 = x +SUM(1) (") && comment.contains("a =cmd\\nb.yaml"), comment);
        for (String cell : comment.split(",")) {
            assertTrue(cell.startsWith("# ID") || cell.startsWith(" "), "a cell of its own: " + cell);
        }
        assertTrue(Files.readAllLines(data).get(1).startsWith("ID,"), "the comment is one line, then the header");
    }

    @Test
    void anExistingDataSetIsReplacedOnlyWithForce() throws IOException {
        Path data = Files.writeString(tmp.resolve("mine.csv"), "not ketasim's\n");
        Cli.Result r = Cli.run("export-nonmem", "../scenarios/examples/bolus.yaml", "--out", data.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(data + " exists; give --force"), r.err());
        assertEquals("not ketasim's\n", Files.readString(data), "left as it was");
        Cli.Result forced = Cli.run("export-nonmem", "../scenarios/examples/bolus.yaml", "--out", data.toString(),
                "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(data).contains("ID,TIME,EVID"), "replaced");
    }

    @Test
    void aDataSetThatIsNotTextIsBadInput() throws IOException {
        Path data = tmp.resolve("binary.csv");
        Files.write(data, new byte[] {'I', 'D', ',', 'T', 'I', 'M', 'E', '\n', '1', ',', (byte) 0xff, (byte) 0xfe, '\n'});
        Cli.Result r = Cli.run("nonmem", data.toString(), "--model", "fanta-otto", "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("binary.csv: not UTF-8 text"), r.err());
    }

    @Test
    void compareGivesEveryChartItsOwnFile() throws IOException {
        Path in = tmp.resolve("in");
        List<String> args = new ArrayList<>(List.of("compare"));
        for (String family : List.of("a b", "a_b", "selected", "benefit_harm")) {
            args.add(scenario(in.resolve(family), family.replace(' ', '-') + "-median").toString());
        }
        args.addAll(List.of("--out", tmp.resolve("cmp").toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Set.of("benefit_harm.png", "a_b.png", "a_b-2.png", "selected-2.png", "selected.png",
                "benefit_harm-2.png"), names(tmp.resolve("cmp/charts")));
    }

    @Test
    void aWindowNameGivenTwiceIsBadInput() {
        Cli.Result r = Cli.run("compare", BOLUS, "--window", "a=1-2", "--window", "a=3-4", "--out",
                tmp.resolve("cmp").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--window: the window name 'a' is given twice"), r.err());
    }

    @Test
    void devicesAndPipesAreRefusedAsInputsWithoutReadingThem() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Files.writeString(tmp.resolve("zero.sweep.yaml"), "id: z\nbase: /dev/zero\naxes:\n  rate: [1 mg/h]\n");
        Path fifo = tmp.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        String out = tmp.resolve("out").toString();
        for (String[] args : List.of(new String[] {"sweep", tmp.resolve("zero.sweep.yaml").toString(), "--out", out},
                new String[] {"run", "/dev/zero", "--out", out}, new String[] {"run", fifo.toString(), "--out", out},
                new String[] {"nonmem", "/dev/zero", "--model", "fanta-otto", "--out", out},
                new String[] {"nonmem", fifo.toString(), "--model", "fanta-otto", "--out", out})) {
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(args));
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("not a regular file (a device, a pipe or a socket)"), r.err());
        }
    }

    @Test
    void messagesDoNotEchoTheTextOfAFileThatIsNotAScenario() throws IOException {
        String secret = "s3cr3t-hash";
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:" + secret + ":/home:/bin/sh\n");
        Path shadow = tmp.resolve("shadow");
        Files.writeString(shadow, "root:$6$" + secret + ":20228:0:99999:7:::\n");
        Path env = tmp.resolve("env");
        Files.writeString(env, "API_KEY=" + secret + "\n");
        Path sweepOfPasswd = tmp.resolve("p.sweep.yaml");
        Files.writeString(sweepOfPasswd, "id: p\nbase: passwd\naxes:\n  start: [1 mg/h]\n");
        String out = tmp.resolve("out").toString();
        for (String[] args : List.of(new String[] {"run", passwd.toString(), "--out", out},
                new String[] {"run", shadow.toString(), "--out", out}, new String[] {"validate", env.toString()},
                new String[] {"sweep", sweepOfPasswd.toString(), "--out", out},
                new String[] {"nonmem", shadow.toString(), "--model", "fanta-otto", "--out", out},
                new String[] {"nonmem", shadow.toString(), "--model", passwd.toString(), "--out", out})) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertFalse(r.err().contains(secret) || r.err().contains("root:"), String.join(" ", args) + ": " + r.err());
        }
    }
}
