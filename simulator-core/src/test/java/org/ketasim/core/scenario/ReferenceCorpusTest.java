package org.ketasim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ketasim.core.testing.Close.assertClose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.testing.Simulations;

/**
 * Golden test against an independent implementation: the scenarios in
 * {@code src/test/resources/reference/cases} were written to the format page and solved by
 * {@code tools/reference-solver/refsolver.py} (scipy expm on exact rational times, itself checked
 * against mpmath at 40 digits to 1e-14). Every time-series value and every summary column must
 * agree to 1e-9 relative (1e-12 absolute near zero); the observed worst is about 1e-13.
 */
class ReferenceCorpusTest {

    private static final Path ROOT = Path.of("src/test/resources/reference");
    private static final double REL = 1e-9;
    private static final double ABS = 1e-12;

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("cases"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            return row;
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheIndependentReference(Path file) throws IOException {
        CompiledScenario scenario = new ScenarioYaml().load(file);
        var outcome = new PatientSimulator(Engine.MODAL).simulate(scenario);
        Simulations.Run r = Simulations.of(outcome);
        List<Map<String, String>> expected = readCsv(ROOT.resolve("expected").resolve(scenario.id()).resolve("timeseries.csv"));
        assertEquals(expected.size(), r.size(), "rows");
        Map<String, double[]> actual = new HashMap<>(Map.of("time_h", r.timesH(), "rate_mg_per_h", r.pumpRatesMgPerH(),
                "cp_ng_per_ml", r.parentConcentration(), "cm_ng_per_ml", r.metaboliteConcentration(),
                "ce_ng_per_ml", r.effectConcentration()));
        for (int i = 0; i < expected.size(); i++) {
            for (var cell : expected.get(i).entrySet()) {
                assertClose(Double.parseDouble(cell.getValue()), actual.get(cell.getKey())[i], REL, ABS,
                        cell.getKey() + " at row " + i);
            }
        }
        Map<String, String> summary = readCsv(ROOT.resolve("expected/summary.csv")).stream()
                .filter(row -> row.get("id").equals(scenario.id())).findFirst().orElseThrow();
        var s = outcome.summary();
        assertClose(Double.parseDouble(summary.get("total_dose_mg")), s.totalDoseMg(), REL, ABS, "total_dose_mg");
        assertClose(Double.parseDouble(summary.get("dose_mg_per_kg")), s.doseMgPerKg(), REL, ABS, "dose_mg_per_kg");
        assertClose(Double.parseDouble(summary.get("cmax_ng_per_ml")), s.cmaxNgPerMl(), REL, ABS, "cmax_ng_per_ml");
        assertClose(Double.parseDouble(summary.get("tmax_h")), s.tmaxH(), REL, ABS, "tmax_h");
        assertClose(Double.parseDouble(summary.get("auc_ng_h_per_ml")), s.aucNgHPerMl(), REL, ABS, "auc_ng_h_per_ml");
    }
}
