package org.ketasim.core.nonmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/**
 * The 29 dosing scenarios of mrgsolve/nmtests against NONMEM 7.5.1 (src/test/resources/nonmem-parity):
 * every record's CP agrees with NONMEM's to its 5 printed significant digits (half a unit of the
 * fifth digit; exact zero where NONMEM prints 0).
 */
class NonmemParityTest {

    private static final Path DIR = Path.of("src/test/resources/nonmem-parity");
    static final PkModel MODEL = PkModel.of("nmtests-1001", 20, 1.1).withRoute(Route.ORAL, new Absorption(1, 1.5, 0));
    static final Map<String, String> MAPPING = Map.of("F2", "BIOAV", "ALAG2", "LAGT", "R2", "RAT2", "D2", "DUR2");

    static Stream<Arguments> ids() throws IOException {
        NonmemDataSet data = NonmemDataSet.read("1001.csv", Files.newBufferedReader(DIR.resolve("1001.csv")), MAPPING);
        List<String> nm = Files.readAllLines(DIR.resolve("1001-nm.csv"));
        List<String> key = Files.readAllLines(DIR.resolve("1001-run-key.csv"));
        List<Arguments> out = new ArrayList<>();
        int row = 1;
        for (NonmemDataSet.Individual e : data.individuals()) {
            double[] expected = new double[e.records().size()];
            double[] times = new double[expected.length];
            for (int i = 0; i < expected.length; i++) {
                String[] f = nm.get(row++).split(",");
                assertEquals(e.id(), f[0], "reference rows follow the data set");
                times[i] = Double.parseDouble(f[1]);
                expected[i] = Double.parseDouble(f[2]);
            }
            String description = key.get(Integer.parseInt(e.id())).replaceFirst("^[0-9]+,", "").replace("\"", "");
            out.add(Arguments.of(e.id() + ": " + description, e.records(), times, expected));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "ID {0}")
    @MethodSource("ids")
    void everyRecordMatchesNonmemToFiveSignificantDigits(String id, List<NonmemRecord> records, double[] times,
                                                        double[] expected) {
        var predictions = new NonmemSimulator(new RecordModels(MODEL, 70, Map.of(), MAPPING, "1001.csv"))
                .simulate(records);
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < expected.length; i++) {
            double ours = predictions.get(i).cp();
            double ref = expected[i];
            double tol = ref == 0 ? 1e-9 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(ref))) - 4) * (1 + 1e-9);
            if (!(Math.abs(ours - ref) <= tol) && failures.length() < 2000) {
                failures.append(String.format("%n  record %d, time %s: NONMEM %s, ketasim %.8g", i + 1, times[i], ref, ours));
            }
        }
        if (failures.length() > 0) {
            fail("ID " + id + ":" + failures);
        }
    }
}
