package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theWholeCatalogueGivesACsvAndASelfContainedReportWithWarnings() throws IOException {
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", "../scenarios", "--out", out.toString(), "--n", "20", "--replicates", "20");
        assertEquals(0, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        for (String column : List.of("id", "family", "setting", "route", "drug", "analyte", "total_dose_mg",
                "total_dose_mg_per_kg", "s_ketamine_dose_mg", "peak_rate_mg_per_h", "peak_rate_mg_per_kg_per_h",
                "infusion_hours", "cmax_ng_per_ml", "auc_ng_h_per_ml", "cmax_metabolite_ng_per_ml",
                "auc_metabolite_ng_h_per_ml", "hours_in_analgesia_acute", "hours_in_drug_high", "peak_drug_high_score",
                "pk_variability", "p_meets_30_percent_4_weeks", "p_meets_30_percent_4_weeks_lo",
                "p_meets_30_percent_4_weeks_hi", "placebo_p_meets_30_percent_4_weeks", "p_psychomimetic_course",
                "outside_evidence", "outside_evidence_reasons")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        assertTrue(header.stream().noneMatch(c -> c.startsWith("meets_") || c.startsWith("nrs_reduction")
                || c.contains("probability")), "no typical responder's relief and no yes/no: " + header);
        Map<String, Map<String, String>> byId = new HashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int k = 0; k < header.size(); k++) {
                row.put(header.get(k), cells[k]);
            }
            byId.put(row.get("id"), row);
        }
        assertEquals("true", byId.get("nl-inpatient-mgkgh-7.0-literal").get("outside_evidence"));
        assertTrue(byId.get("vranken2005-k75").get("outside_evidence_reasons").contains("route_without_pd_evidence"));
        assertEquals("false", byId.get("sigtermans2009").get("outside_evidence"), "the calibration trial itself");
        Map<String, String> kiefer = byId.get("kiefer-anaesthetic-icu");
        assertEquals(0.5, Double.parseDouble(kiefer.get("s_ketamine_dose_mg")) / Double.parseDouble(
                kiefer.get("total_dose_mg")), 1e-12, "half of a racemic dose is S-ketamine");
        assertTrue(csv.size() > 50, "one row per catalogue scenario: " + csv.size());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("nl-inpatient-median,dutch-survey,inpatient,iv,esketamine,"
                + "fanta-otto,S-ketamine,70.0,1152.0,")), "the Dutch inpatient median row");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<img alt=") && html.contains("src=\"data:image/png;base64,"), "embedded charts");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<link")
                || html.contains("<script src"), "no external resources");
        assertEquals(1, html.split("<script", -1).length - 1, "one script, the report's own");
        assertTrue(html.contains("nl-inpatient-mgkgh-7.0-literal") && html.contains("if mg/h was meant"),
                "the literal mg/kg/h clinic's warning is in the report");
        assertTrue(Files.exists(out.resolve("charts/selected.png")));
    }

    /**
     * Several regimens are compared at once, one worker each, when there are at least as many as
     * workers, and each regimen's population gets the workers otherwise: the files are the same at
     * one, two and three workers, charts included (drawn side by side).
     */
    @Test
    void theResultsDoNotDependOnTheWorkers() throws IOException {
        List<String> files = List.of("../scenarios/dutch-survey/nl-inpatient-median.yaml",
                "../scenarios/dutch-survey/nl-outpatient-median.yaml", "../scenarios/dutch-survey/nl-oral.yaml");
        Map<String, byte[]> first = null;
        for (String threads : List.of("1", "2", "3")) {
            Path out = tmp.resolve("threads-" + threads);
            List<String> args = new ArrayList<>(List.of("compare"));
            args.addAll(files);
            args.addAll(List.of("--out", out.toString(), "--n", "30", "--replicates", "20", "--threads", threads));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            Map<String, byte[]> written = new HashMap<>();
            for (String name : List.of("comparison.csv", "report.html", "charts/benefit_harm.png",
                    "charts/dutch-survey.png", "charts/selected.png")) {
                written.put(name, Files.readAllBytes(out.resolve(name)));
            }
            if (first == null) {
                first = written;
            } else {
                for (String name : written.keySet()) {
                    assertTrue(Arrays.equals(first.get(name), written.get(name)), name + " at " + threads
                            + " workers");
                }
            }
        }
    }

    @Test
    void aReferenceWeightAndEveryModelGiveOneRowPerScenarioAndModel() throws IOException {
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", "../scenarios/examples/titration.yaml",
                "../scenarios/examples/built-in-model.yaml", "--out", out.toString(), "--weight", "80", "kg",
                "--models", "all", "--window", "low=10-50", "--window", "high=200-inf");
        assertEquals(0, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertTrue(csv.get(0).contains("hours_in_low,hours_in_high"), csv.get(0));
        assertTrue(csv.stream().skip(1).allMatch(l -> l.contains(",true,") || l.contains(",false,")),
                "every row has its population outcomes");
        assertEquals(1 + 4 + 8, csv.size(), "the esketamine scenario x the 4 S-ketamine models, the racemic one x all 8");
        assertTrue(csv.stream().skip(1).allMatch(l -> l.contains(",80.0,")), "every row at 80 kg");
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("built-in-model,examples,outpatient,iv,ketamine,domino,")));
    }

    @Test
    void esketamineScenariosAreNotSimulatedWithRacemicModelsAndTheReportSaysSo() throws IOException {
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", "../scenarios/examples/titration.yaml", "--out", out.toString(),
                "--model", "kamp-2020");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, Files.readAllLines(out.resolve("comparison.csv")).size(), "header only");
        assertTrue(Files.readString(out.resolve("report.html")).contains("Not simulated with kamp-2020"));
    }

    @Test
    void textFromScenarioFilesIsEscapedInTheReport() throws IOException {
        Path file = tmp.resolve("evil.yaml");
        Files.writeString(file, """
                title: "<script>alert(1)</script> & co"
                source: "<b>bold</b>"
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  doses: [{infusion: {rate: 5 mg/h, duration: 2 h}}]
                simulation: {duration: 4 h, step: 15 min}
                """);
        Path out = tmp.resolve("cmp");
        assertEquals(0, Cli.run("compare", file.toString(), "--out", out.toString()).exitCode());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script>alert") || html.contains("<b>bold"), "scenario text must not become markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    }

    @Test
    void badOptionsAreBadInput() {
        assertEquals(2, Cli.run("compare", "../scenarios/examples", "--out", tmp.toString(), "--window", "70-160")
                .exitCode());
        assertEquals(2, Cli.run("compare", "../scenarios/examples", "--out", tmp.toString(), "--model", "nope")
                .exitCode());
        assertEquals(2, Cli.run("compare", "../scenarios/examples", "--out", tmp.toString(), "--weight", "70", "lb")
                .exitCode());
        assertEquals(2, Cli.run("compare", "../scenarios/dutch-survey", "--out", tmp.toString(), "--strict")
                .exitCode(), "the literal mg/kg/h clinics warn, and --strict makes that an error");
    }

    /** Two 100-h infusions 16 days apart, as in Noppers 2011: the liver warning reaches the report. */
    @Test
    void repeatedLongInfusionsCarryTheLiverWarning() throws IOException {
        Path scenario = Files.writeString(tmp.resolve("twice.yaml"), """
                id: twice
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  doses:
                    - infusion: {rate: 20 mg/h, duration: 100 h}
                  repeat: {every: 16 d, count: 2}
                simulation: {duration: 22 d, step: 1 h}
                """);
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", scenario.toString(), "--out", out.toString(), "--n", "20", "--replicates",
                "20");
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Noppers"), "the liver warning is in the report");
    }

    @Test
    void eachOptionsTypicalMistakeIsBadInputWithAClearMessage() {
        Cli.Result set = Cli.run("compare", "../scenarios/examples", "--out", tmp.resolve("a").toString(), "--set",
                "titrasion");
        assertEquals(2, set.exitCode());
        assertTrue(set.err().contains("--set") && set.err().contains("titrasion") && set.err().contains("titration"),
                "names the option, the id and the likely one: " + set.err());
        Cli.Result model = Cli.run("compare", "../scenarios/examples", "--out", tmp.resolve("b").toString(),
                "--model", "fanta-oto");
        assertEquals(2, model.exitCode());
        assertTrue(model.err().contains("unknown model 'fanta-oto'") && model.err().contains("fanta-otto"),
                model.err());
        Cli.Result window = Cli.run("compare", "../scenarios/examples", "--out", tmp.resolve("c").toString(),
                "--window", "70-160");
        assertEquals(2, window.exitCode());
        assertTrue(window.err().contains("--window"), window.err());
    }

    @Test
    void examplesAndTeachingFilesAreLeftOutUnlessAskedForOrNamed() throws IOException {
        Path out = tmp.resolve("cmp");
        String dir = tmp.resolve("cat").toString();
        Path catalogue = Files.createDirectories(tmp.resolve("cat"));
        for (String family : List.of("trials", "examples", "teaching")) {
            Files.createDirectories(catalogue.resolve(family));
        }
        Files.copy(Path.of("../scenarios/trials/sigtermans2009.yaml"), catalogue.resolve("trials/sigtermans2009.yaml"));
        Files.copy(Path.of("../scenarios/examples/bolus.yaml"), catalogue.resolve("examples/bolus.yaml"));
        Files.copy(Path.of("../scenarios/teaching/slow-titration-every-2-h.yaml"),
                catalogue.resolve("teaching/slow-titration-every-2-h.yaml"));
        String[] fast = {"--n", "10", "--replicates", "10"};
        Cli.Result r = Cli.run(concat(new String[] {"compare", dir, "--out", out.toString()}, fast));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, Files.readAllLines(out.resolve("comparison.csv")).size(), "the trial only");
        assertTrue(Files.readString(out.resolve("report.html")).contains("2 example and teaching files left out"));
        r = Cli.run(concat(new String[] {"compare", dir, "--include-examples", "--out", out.toString(), "--force"},
                fast));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(4, Files.readAllLines(out.resolve("comparison.csv")).size(), "asked for");
        r = Cli.run(concat(new String[] {"compare", catalogue.resolve("teaching").toString(), "--out", out.toString(),
            "--force"}, fast));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, Files.readAllLines(out.resolve("comparison.csv")).size(), "a folder named is compared");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
