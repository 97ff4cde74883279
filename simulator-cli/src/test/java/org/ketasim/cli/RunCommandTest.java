package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    private static final Path EXAMPLES = Path.of("../scenarios/examples");

    @TempDir
    Path tmp;

    @Test
    void writesTheOutputContractAndAChartPerScenario() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", EXAMPLES.resolve("titration.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> series = Files.readAllLines(out.resolve("titration/timeseries.csv"));
        assertEquals("time_h,rate_mg_per_h,cp_ng_per_ml,cm_ng_per_ml,ce_ng_per_ml,drug_high_score",
                series.get(0));
        assertEquals(6 * 24 * 12 + 1 + 1, series.size(), "header and one row per 5 min over 6 days");
        assertEquals("0.0,5.0,0.0,0.0,0.0,0.0", series.get(1));
        assertTrue(series.get(series.size() - 1).startsWith("144.0,0.0,"), series.get(series.size() - 1));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("id,total_dose_mg,dose_mg_per_kg,cmax_ng_per_ml,tmax_h,auc_ng_h_per_ml,cmax_exact_ng_per_ml,tmax_exact_h,"
                + "cmax_metabolite_ng_per_ml,auc_metabolite_ng_h_per_ml,cmax_effect_ng_per_ml,model,parent_analyte,"
                + "metabolite_analyte,max_drug_high_score,baseline_nrs,responder_max_nrs_reduction", summary.get(0));
        String[] row = summary.get(1).split(",");
        assertEquals("titration", row[0]);
        assertEquals(1152.0, Double.parseDouble(row[1]), 1e-9, "5,7,...,19 mg/h for 12 h each over 4 days");
        assertTrue(Double.parseDouble(row[3]) > 0);
        byte[] png = Files.readAllBytes(out.resolve("titration/chart.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(r.out().contains("summary: " + out.resolve("summary.csv")), r.out());
        assertNoPartFiles(out);
    }

    @Test
    void aDirectoryMeansEveryScenarioBelowItAndSvgChartsOnRequest() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", EXAMPLES.toString(), "--out", out.toString(), "--format", "svg");
        assertEquals(0, r.exitCode(), r.err());
        long yaml;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            yaml = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertEquals(yaml + 1, Files.readAllLines(out.resolve("summary.csv")).size());
        String svg = Files.readString(out.resolve("oral/chart.svg"));
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
    }

    @Test
    void numericSolverGivesTheSameNumbers() throws IOException {
        Path exact = tmp.resolve("exact");
        Path numeric = tmp.resolve("numeric");
        String file = EXAMPLES.resolve("oral.yaml").toString();
        assertEquals(0, Cli.run("run", file, "--out", exact.toString(), "--no-chart").exitCode());
        assertEquals(0, Cli.run("run", file, "--out", numeric.toString(), "--no-chart", "--solver", "numeric").exitCode());
        List<String> a = Files.readAllLines(exact.resolve("oral/timeseries.csv"));
        List<String> b = Files.readAllLines(numeric.resolve("oral/timeseries.csv"));
        for (int i = 1; i < a.size(); i++) {
            double cpA = Double.parseDouble(a.get(i).split(",")[2]);
            double cpB = Double.parseDouble(b.get(i).split(",")[2]);
            assertEquals(cpA, cpB, 1e-8 * Math.abs(cpA) + 1e-9, "row " + i);
        }
    }

    @Test
    void oneInvalidFileIsReportedWhileTheOthersAreWrittenAndTheExitCodeIsTwo() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(EXAMPLES.resolve("bolus.yaml")).replace("\n  weight: 70 kg", "\n  weight: 70 lb"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", EXAMPLES.resolve("bolus.yaml").toString(), bad.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(bad + ":"), r.err());
        assertTrue(r.err().contains("patient.weight: unknown unit 'lb'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(2, Files.readAllLines(out.resolve("summary.csv")).size(), "the good scenario's row");
        assertTrue(Files.exists(out.resolve("bolus/timeseries.csv")));
        String failures = Files.readString(out.resolve("failures.txt"));
        assertTrue(failures.contains("bad.yaml") && failures.contains("unknown unit 'lb'"), failures);
        assertNoPartFiles(out);
    }

    @Test
    void onlyInvalidFilesMeanNothingIsWritten() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "model: {V1: 3 L\n");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", bad.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertFalse(Files.exists(out), "no output folder, no summary");
    }

    @Test
    void duplicateIdsAreBadInput() throws IOException {
        Path copy = tmp.resolve("copy.yaml");
        Files.copy(EXAMPLES.resolve("bolus.yaml"), copy);
        Cli.Result r = Cli.run("run", EXAMPLES.resolve("bolus.yaml").toString(), copy.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("must be unique"), r.err());
    }

    @Test
    void missingInputsAndBadOptionsAreBadInput() {
        assertEquals(2, Cli.run("run", tmp.resolve("nope.yaml").toString(), "--out", tmp.toString()).exitCode());
        assertEquals(2, Cli.run("run", EXAMPLES.toString()).exitCode(), "--out is required");
        assertEquals(2, Cli.run("run", EXAMPLES.toString(), "--out", tmp.toString(), "--format", "gif").exitCode());
        assertEquals(2, Cli.run("run", tmp.toString(), "--out", tmp.resolve("o").toString()).exitCode(),
                "a directory without scenarios");
        assertEquals(2, Cli.run().exitCode(), "no command");
        assertEquals(2, Cli.run("frobnicate").exitCode());
    }

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("run") && help.out().contains("validate"), help.out());
        Cli.Result runHelp = Cli.run("run", "--help");
        assertEquals(0, runHelp.exitCode());
        assertTrue(runHelp.out().contains("--out"), runHelp.out());
        Cli.Result version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("ketasim 0."), version.out());
    }

    @Test
    void theCommandListGivesEveryCommandAWholeSentenceAndBareKetasimListsThem() {
        String help = Cli.run("--help").out();
        String list = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
        var commands = KetasimCommand.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())).getSubcommands();
        for (String name : commands.keySet()) {
            String summary = CommandSummaries.summary(commands.get(name).getCommandSpec());
            assertTrue(summary.endsWith("."), name + ": " + summary);
            assertTrue(list.replaceAll("\\s+", "").contains(name + summary.replaceAll("\\s+", "")), name + " in:\n" + list);
        }
        assertEquals("Titrate on a virtual patient, one command a line, from a terminal or a pipe.",
                CommandSummaries.summary(commands.get("titrate").getCommandSpec()));
        Cli.Result bare = Cli.run();
        assertEquals(2, bare.exitCode());
        commands.keySet().forEach(name -> assertTrue(bare.err().contains(name), name + " in " + bare.err()));
    }

    private static void assertNoPartFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".part")).toList());
        }
    }
}
