package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
        assertTrue(r.err().contains("--model: 'no-such-model' is neither a built-in model"), r.err());
        r = Cli.run("nonmem", tmp.resolve("none.csv").toString(), "--model", "fanta-otto", "--out",
                tmp.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("none.csv: no such file"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")), "a folder that nothing was written into is removed");
    }

    /**
     * Doses are held to the limits of a scenario's: more than 50 mg/kg within an hour is refused with
     * its row and column and nothing written (1 kg as a bolus; 5 g infused at 1e9 mg/h), the record's
     * WT counting; an anaesthetic rate or a bolus above 1 mg/kg into the central compartment is
     * warned about, on standard error and in warnings.txt; a bolus into a depot is not.
     */
    @Test
    void dosesNoHumanIsGivenAreRefusedAndAnaestheticOnesWarnedAbout() throws IOException {
        Cli.Result r = nonmem("ID,TIME,AMT\n1,0,1000000\n1,1,0\n", "--model", "fanta-otto");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("data.csv: row 2: column AMT: AMT 1000000 gives 1000000 mg within an hour for "
                + "this 70 kg patient (14290 mg/kg), more than a human is given"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
        r = nonmem("ID,TIME,AMT,RATE\n1,0,5000,1e9\n1,1,0,0\n", "--model", "fanta-otto");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("row 2: column AMT: AMT 5000 at RATE 1e+09 gives 5000 mg within an hour"), r.err());
        r = nonmem("ID,TIME,AMT,WT\n1,0,3000,100\n1,1,3000,50\n", "--model", "fanta-otto");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("row 3: column AMT: AMT 3000 gives 3000 mg within an hour for this 50 kg patient"),
                r.err());
        // fanta-otto numbers its five depots first: the central compartment is 6
        r = nonmem("ID,TIME,AMT,RATE,CMT\n1,0,200,0,6\n1,1,500,200,6\n1,2,200,0,1\n1,10,0,0,6\n", "--model",
                "fanta-otto");
        assertEquals(0, r.exitCode(), r.err());
        List<String> warnings = Files.readAllLines(tmp.resolve("o/warnings.txt"));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("data.csv:2: AMT: AMT 200 into the central compartment given at once is "
                + "200 mg for this 70 kg patient (2.857 mg/kg), an anaesthetic induction dose"), warnings.get(0));
        assertTrue(warnings.get(1).contains("data.csv:3: RATE: RATE 200 is 200 mg/h for this 70 kg patient"),
                warnings.get(1));
        for (String w : warnings) {
            assertTrue(r.err().contains("warning: " + w), r.err());
        }
    }

    private Cli.Result nonmem(String csv, String... options) throws IOException {
        Path data = tmp.resolve("data.csv");
        Files.writeString(data, csv);
        List<String> args = new ArrayList<>(List.of("nonmem", data.toString()));
        args.addAll(List.of(options));
        if (!args.contains("--model")) {
            args.addAll(List.of("--model", MODEL.toString()));
        }
        if (!args.contains("--out")) {
            args.addAll(List.of("--out", tmp.resolve("o").toString()));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    private List<CSVRecord> predictions() throws IOException {
        try (CSVParser parser = CSVParser.parse(tmp.resolve("o/predictions.csv"), StandardCharsets.UTF_8,
                CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void passedThroughColumnsAreProperCsvWithUniqueNamesAndNeutralisedFormulas() throws IOException {
        Cli.Result r = nonmem("ID,TIME,EVID,AMT,CMT,NOTE,CP,cp,TIME,SCORE\n"
                + "1,0,1,100,2,\"two\nlines, and \"\"quotes\"\"\",7,a,0,-5\n"
                + "1,1,0,0,2,=1+2,8,b,1,+3.5e-2\n"
                + "1,2,0,0,2,x\u0000y,9,c,2,@SUM(A1)\n"
                + "=cmd,3,0,0,2,-x,10,d,3,\"\t1\"\n");
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows = predictions();
        assertEquals(List.of("ID", "TIME", "EVID", "CP", "AMT", "CMT", "NOTE", "CP_input", "cp_input2", "TIME_input",
                "SCORE"), rows.get(0).toList());
        for (CSVRecord row : rows) {
            assertEquals(11, row.size(), "every row has every column: " + row);
        }
        assertEquals(List.of("two\nlines, and \"quotes\"", "7", "a", "0", "-5"), rows.get(1).toList().subList(6, 11));
        assertEquals(List.of("'=1+2", "8", "b", "1", "+3.5e-2"), rows.get(2).toList().subList(6, 11));
        assertEquals(List.of("x\u0000y", "9", "c", "2", "'@SUM(A1)"), rows.get(3).toList().subList(6, 11));
        assertEquals(List.of("'=cmd", "3.0", "0"), rows.get(4).toList().subList(0, 3), "a text ID is neutralised too");
        assertEquals(List.of("'-x", "10", "d", "3", "'\t1"), rows.get(4).toList().subList(6, 11));
        assertEquals(5, Files.readAllLines(tmp.resolve("o/predictions.csv")).size() - 1,
                "four records and one quoted line break");
    }

    @Test
    void anIdThatComesBackIsANewIndividualAndRowsStayInFileOrder() throws IOException {
        Cli.Result r = nonmem("ID,TIME,EVID,AMT,CMT\n1,0,1,100,2\n1,1,0,0,2\n2,0,1,100,2\n1,0,0,0,2\n1,1,0,0,2\n");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("3 individuals, 5 records"), r.out());
        List<CSVRecord> rows = predictions();
        assertEquals(List.of("1", "1", "2", "1", "1"), rows.subList(1, 6).stream().map(c -> c.get(0)).toList());
        assertEquals("0.0", rows.get(5).get(3), "the second block of ID 1 has no dose of its own");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws IOException {
        Cli.Result r = nonmem("\uFEFFID,TIME,EVID,AMT,CMT\n1,0,1,100,2\n");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("5000.0", predictions().get(1).get(3));
    }

    @Test
    void weightIsTakenRecordByRecord() throws IOException {
        Path model = tmp.resolve("scaled.yaml");
        Files.writeString(model, """
                model:
                  name: scaled
                  compartments: {V1: 20 L, CL: 1.1 L/h}
                  scaling: {reference_weight: 70 kg, volumes: 0, clearances: 0.75}
                """);
        Cli.Result r = nonmem("ID,TIME,EVID,AMT,CMT,WT\n1,0,1,100,1,60\n1,4,0,0,1,80\n", "--model", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        double k = 1.1 * Math.pow(80.0 / 70, 0.75) / 20;
        assertEquals(1000 * 100 / 20.0 * Math.exp(-k * 4), Double.parseDouble(predictions().get(2).get(3)), 1e-9);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("compartment number 0", List.of("--cmt", "central=0"), "error: --cmt: compartment number 0 "
                        + "for 'central' must be from 1 to 99"),
                Arguments.of("weight", List.of("--weight", "-1"), "error: --weight: must be a positive number of kg, "
                        + "got -1.0"),
                Arguments.of("parameter the model lacks", List.of("--map", "Q2=CMT"), "error: --map: cannot map Q2: model "
                        + "nmtests-1001 has one compartment"),
                Arguments.of("unknown parameter", List.of("--map", "XY=CMT"), "error: --map: cannot map 'XY'"),
                Arguments.of("unknown model", List.of("--model", "nope"), "error: --model: 'nope' is neither a built-in "
                        + "model"),
                Arguments.of("--out is a file", List.of("--out", "FILE"), "--out FILE exists and is not a directory"),
                Arguments.of("--out inside a file", List.of("--out", "FILE/sub"), "cannot write FILE/sub: a part of the path "
                        + "is not a folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesAreBadInputWithAMessageAndWriteNothing(String what, List<String> options, String message)
            throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "keep");
        List<String> args = options.stream().map(o -> o.replace("FILE", file.toString())).toList();
        Cli.Result r = nonmem("ID,TIME,EVID,AMT,CMT\n1,0,1,100,2\n", args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(message.replace("FILE", file.toString())), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void aFileThatIsNotUtf8IsBadInput() throws IOException {
        Path data = tmp.resolve("latin1.csv");
        Files.write(data, "ID,TIME,NOTE\n1,0,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result r = Cli.run("nonmem", data.toString(), "--model", MODEL.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("latin1.csv: not UTF-8 text"), r.err());
    }

    @Test
    void aReadOnlyOutputDirectoryIsBadInputAndNothingIsWritten() throws IOException {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as a user who can write anywhere (root)");
            Cli.Result r = nonmem("ID,TIME,EVID,AMT,CMT\n1,0,1,100,2\n", "--out", locked.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("permission denied"), r.err());
            try (Stream<Path> files = Files.list(locked)) {
                assertEquals(0, files.count());
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
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
    void exportWritesEveryTextOnOneCommentLineSoNoNameCanAddRecords() throws IOException {
        Path scenario = tmp.resolve("evil.yaml");
        Files.writeString(scenario, """
                model:
                  name: "x\\nID,TIME,EVID,AMT,CMT,RATE,II,ADDL,SS,MDV\\n1,0,1,99999,1,0,0,0,0,1\\r\\u2028\\u0000"
                  compartments: {V1: 20 L, CL: 1.1 L/h}
                patient: {weight: 70 kg}
                regimen:
                  doses: [{bolus: 10 mg}]
                simulation: {duration: 2 h, step: 1 h}
                """);
        Path data = tmp.resolve("d.csv");
        Cli.Result export = Cli.run("export-nonmem", scenario.toString(), "--out", data.toString());
        assertEquals(0, export.exitCode(), export.err());
        List<String> lines = Files.readAllLines(data);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("ID,")).count(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("# ID 1 = evil (") && lines.get(0).contains(
                "model x\\nID TIME EVID AMT CMT RATE II ADDL SS MDV\\n1 0 1 99999 1 0 0 0 0 1\\r\\u2028\\u0000; 70.0 kg"),
                lines.get(0));
        assertEquals(List.of("1,0.0,1,10.0,1,0.0,0,0,0,1", "1,0.0,0,0.0,1,0.0,0,0,0,0", "1,1.0,0,0.0,1,0.0,0,0,0,0",
                "1,2.0,0,0.0,1,0.0,0,0,0,0"), lines.subList(2, lines.size()));
        Cli.Result back = Cli.run("nonmem", data.toString(), "--model", scenario.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(0, back.exitCode(), back.err());
        assertEquals(500.0, Double.parseDouble(predictions().get(2).get(3)), 1e-9, "10 mg in 20 L, nothing more");
    }

    @Test
    void exportToAnUnwritablePlaceIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "keep");
        Cli.Result r = Cli.run("export-nonmem", "../scenarios/examples/bolus.yaml", "--out",
                file.resolve("d.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write " + file.resolve("d.csv") + ": " + file + " is a file, not a folder"),
                r.err());
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
