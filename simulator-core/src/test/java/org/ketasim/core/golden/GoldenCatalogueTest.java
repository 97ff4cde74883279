package org.ketasim.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.SummaryWriter;
import org.ketasim.core.io.TimeSeriesWriter;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.pd.PdCurves;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.testing.Catalogue;

/**
 * Today's behaviour pinned: every catalogue file, simulated on the default (modal) engine and
 * written by the writers of {@code ketasim run}, against the golden fixtures made from the code
 * before the engine and scenario redesign (commit 640347d, {@code tools/golden/thin.py}: the
 * summary, the row count and up to 300 rows of each time series). Every number must agree to
 * 1e-9 of its column's largest value (a relative tolerance that does not blow up where a
 * concentration has decayed to nothing); text cells exactly. Columns added since (the peak in
 * continuous time) are not in the fixtures. A catalogue file added after the redesign has a fixture
 * made by the same script from the commit that added it ({@code examples/inline-variability.yaml},
 * whose inline variability the old code could not read). On a plateau Tmax may be another row,
 * one whose concentration ties Cmax to that tolerance (at steady state the rows differ in the last
 * bit only).
 *
 * <p>One explained change: the pharmacodynamic columns of the fixtures (a "drug-high probability"
 * with an invented Hill exponent 2, a typical responder's relief with exponent 1, and yes/no
 * "meets" columns) were retired by the outcome models (issue 12). Their successors, a typical
 * volunteer's {@code drug_high_score} and a {@code responder_nrs_reduction} with Dahan's point
 * values, are checked instead against the fixtures' own effect-site concentrations.
 */
class GoldenCatalogueTest {

    private static final Path FIXTURES = Path.of("src/test/resources/golden");
    private static final double TOLERANCE = 1e-9;
    /** The fixtures' pharmacodynamic columns that the outcome models retired. */
    private static final Set<String> RETIRED = Set.of("drug_high_probability", "nrs_reduction",
            "max_drug_high_probability", "drug_high_hours", "max_nrs_reduction", "meets_2_points", "meets_3_points",
            "meets_30_percent", "meets_50_percent");

    static Stream<Path> catalogue() {
        return Catalogue.scenarios();
    }

    private static List<CSVRecord> read(Reader reader) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void matchesTheGoldenFixture(Path file) throws IOException {
        CompiledScenario c = new ScenarioYaml().load(file);
        PatientResult r = new PatientSimulator(Engine.MODAL).simulate(c);
        StringWriter series = new StringWriter();
        new TimeSeriesWriter().write(r.series(), r.pd(), series);
        List<CSVRecord> actual = read(new java.io.StringReader(series.toString()));
        Map<String, String> rows = new HashMap<>();
        for (CSVRecord row : read(Files.newBufferedReader(FIXTURES.resolve("rows.csv")))) {
            rows.put(row.get("id"), row.get("rows"));
        }
        assertEquals(Integer.parseInt(rows.get(c.id())), actual.size(), "rows");
        List<CSVRecord> expected;
        try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(
                FIXTURES.resolve(c.id() + ".csv.gz"))), StandardCharsets.UTF_8)) {
            expected = read(in);
        }
        Map<String, Double> scale = new HashMap<>();
        for (CSVRecord row : expected) {
            for (String column : row.getParser().getHeaderNames()) {
                if (!column.equals("row") && !row.get(column).isEmpty()) {
                    scale.merge(column, Math.abs(Double.parseDouble(row.get(column))), Math::max);
                }
            }
        }
        for (CSVRecord row : expected) {
            CSVRecord got = actual.get(Integer.parseInt(row.get("row")));
            for (String column : row.getParser().getHeaderNames()) {
                if (!column.equals("row") && !RETIRED.contains(column)) {
                    assertNumber(row.get(column), got.get(column), scale.get(column), column + " at row " + row.get("row"));
                }
            }
            if (row.isMapped("ce_ng_per_ml")) {
                double ce = c.sKetamineFraction() * Double.parseDouble(row.get("ce_ng_per_ml"));
                assertNumber(Double.toString(PdCurves.drugHighScore(ce)), got.get("drug_high_score"), 1.0,
                        "drug_high_score at row " + row.get("row"));
            }
            if (row.isMapped("ce_pain_ng_per_ml")) {
                double ce = c.sKetamineFraction() * Double.parseDouble(row.get("ce_pain_ng_per_ml"));
                assertNumber(Double.toString(PdCurves.responderNrsReduction(ce, c.baselineNrs())),
                        got.get("responder_nrs_reduction"), c.baselineNrs(), "responder_nrs_reduction at row "
                                + row.get("row"));
            }
        }
        StringWriter summary = new StringWriter();
        SummaryWriter w = new SummaryWriter();
        w.writeHeader(summary);
        w.writeRow(new SummaryWriter.Row(c.id(), c.modelId(), c.parentAnalyte(), c.metaboliteAnalyte().orElse(""),
                r.summary(), r.pd()), summary);
        CSVRecord got = read(new java.io.StringReader(summary.toString())).get(0);
        CSVRecord want = read(Files.newBufferedReader(FIXTURES.resolve("summary.csv"))).stream()
                .filter(s -> s.get("id").equals(c.id())).findFirst().orElseThrow();
        for (String column : want.getParser().getHeaderNames()) {
            String value = want.get(column);
            if (RETIRED.contains(column)) {
                continue;
            }
            if (column.equals("tmax_h") && !value.equals(got.get(column))) {
                double[] t = r.series().timesH();
                double[] cp = r.series().values(org.ketasim.core.model.Observable.PARENT);
                double cmax = r.summary().cmaxNgPerMl();
                int row = java.util.stream.IntStream.range(0, t.length)
                        .filter(i -> t[i] == Double.parseDouble(value)).findFirst().orElseThrow();
                assertTrue(Math.abs(cp[row] - cmax) <= TOLERANCE * cmax, "Tmax " + value + " h is no tie: Cp there "
                        + cp[row] + ", Cmax " + cmax);
            } else if (value.matches("-?[0-9].*")) {
                assertNumber(value, got.get(column), Math.abs(Double.parseDouble(value)), "summary " + column);
            } else {
                assertEquals(value, got.get(column), "summary " + column);
            }
        }
    }

    private static void assertNumber(String expected, String actual, Double scale, String what) {
        if (expected.isEmpty()) {
            assertEquals("", actual, what);
            return;
        }
        double e = Double.parseDouble(expected);
        double a = Double.parseDouble(actual);
        assertTrue(Math.abs(e - a) <= TOLERANCE * Math.max(scale == null ? 0 : scale, Math.abs(e)) || e == a,
                what + ": expected " + expected + ", got " + actual);
    }
}
