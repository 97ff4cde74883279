package org.ketasim.core.nonmem;

import static org.ketasim.core.testing.Close.assertClose;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/**
 * The exact steady state (SS=1 and SS=2) against its definition: the same dose given explicitly
 * 400 times (ADDL), by which time the train is at steady state to double precision, observed at the
 * same phase after the last dose. Covers the hard cases of the held-back NONMEM tests: lag longer
 * than the interval, infusions longer than the interval, lag and bioavailability on infusions,
 * doses into the depot and the central compartment. Agreement to 1e-9 relative.
 */
class SteadyStateTrainTest {

    private static final PkModel MODEL = PkModel.of("nmtests", 20, 1.1).withRoute(Route.ORAL, new Absorption(1, 1.5, 0));
    private static final int TRAIN = 400;

    private static double[] simulate(String csv) throws IOException {
        Map<String, String> mapping = Map.of("F2", "F", "ALAG2", "LAG", "ALAG1", "LAG1");
        NonmemDataSet data = NonmemDataSet.read("t.csv", new StringReader(csv), mapping);
        return new NonmemSimulator(new RecordModels(MODEL, 70, Map.of(), mapping, "t.csv"))
                .simulate(data.individuals().get(0).records()).stream().mapToDouble(NonmemSimulator.Prediction::cp)
                .toArray();
    }

    @ParameterizedTest(name = "cmt {0}, rate {1}, II {2}, lag {3}, F {4}, SS={5}")
    @CsvSource({
        "2, 0, 12, 0, 1, 1", "2, 0, 12, 5, 0.6, 1", "2, 0, 12, 30, 0.6, 1", "2, 0, 12, 24, 1, 1",
        "2, 10, 12, 0, 1, 1", "2, 10, 12, 3.16, 0.412, 1", "2, 2, 12, 0, 0.812, 1", "2, 2, 12, 14, 0.812, 1",
        "2, 8.3333, 6, 0, 1, 1", "2, 8.3333, 6, 7.5, 1, 1", "2, 10, 10, 0, 1, 1", "2, 10, 10, 4, 1, 1",
        "1, 0, 8, 0, 1, 1", "1, 0, 8, 11, 1, 1", "1, 25, 8, 2, 1, 1", "1, 5, 8, 0, 1, 1",
        "2, 0, 12, 5, 0.6, 2", "2, 10, 12, 3.16, 0.412, 2", "1, 5, 8, 3, 1, 2",
    })
    void steadyStateEqualsALongExplicitTrain(int cmt, double rate, double ii, double lag, double f, int ss)
            throws IOException {
        String lagColumns = String.format(Locale.ROOT, "%s,%s", cmt == 2 ? lag : 0, cmt == 1 ? lag : 0);
        double[] phases = {0, 0.37 * ii, 0.81 * ii};
        String header = "ID,TIME,EVID,AMT,CMT,RATE,II,ADDL,SS,F,LAG,LAG1\n";
        double t0 = TRAIN * ii;
        // for SS=2, a state to add to: a bolus into the central compartment 1 h before, in both versions
        // (with the same F as every record: F applies to additional doses when they enter, from the record
        // at or after their entry)
        String before = ss == 2 ? String.format(Locale.ROOT, "1,%s,1,50,2,0,0,0,0,%s,0,0%n", t0 - 1, f) : "";
        String observations = "";
        for (double p : phases) {
            observations += String.format(Locale.ROOT, "1,%s,0,0,2,0,0,0,0,%s,%s%n", t0 + p, f, lagColumns);
        }
        String steady = header + before + String.format(Locale.ROOT, "1,%s,1,100,%d,%s,%s,0,%d,%s,%s%n", t0, cmt, rate,
                ii, ss, f, lagColumns) + observations;
        String train = header + String.format(Locale.ROOT, "1,0,1,100,%d,%s,%s,%d,0,%s,%s%n", cmt, rate, ii, TRAIN, f,
                lagColumns) + before + observations;
        double[] a = simulate(steady);
        double[] b = simulate(train);
        for (int i = 1; i <= phases.length; i++) {
            assertClose(b[b.length - i], a[a.length - i], 1e-9, 1e-9, "phase " + phases[phases.length - i]);
        }
    }
}
