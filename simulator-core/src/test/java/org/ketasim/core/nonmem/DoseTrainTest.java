package org.ketasim.core.nonmem;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/**
 * Additional doses (ADDL) are summed in closed form ({@link TrainResponse}); the result must be what
 * the same doses give when each is its own record, and, for infusions into the central compartment
 * of a one-compartment model, the sum of each infusion's closed form. Agreement to 1e-9 relative.
 */
class DoseTrainTest {

    private static final double V = 20;
    private static final double CL = 1.1;
    private static final double K = CL / V;
    private static final PkModel MODEL = PkModel.of("nmtests", V, CL).withRoute(Route.ORAL, new Absorption(1, 1.5, 0));
    private static final Map<String, String> MAPPING = Map.of("F1", "F", "F2", "F", "ALAG1", "LAG", "ALAG2", "LAG");
    private static final String HEADER = "ID,TIME,EVID,AMT,CMT,RATE,II,ADDL,F,LAG\n";

    private static double[] cp(String csv) throws IOException {
        NonmemDataSet data = NonmemDataSet.read("t.csv", new StringReader(csv), MAPPING);
        return new NonmemSimulator(new RecordModels(MODEL, 70, Map.of(), MAPPING, "t.csv"))
                .simulate(data.individuals().get(0).records()).stream().mapToDouble(NonmemSimulator.Prediction::cp)
                .toArray();
    }

    private static String line(double time, int evid, double amt, int cmt, double rate, double ii, int addl, double f,
                               double lag) {
        return String.format(Locale.ROOT, "1,%s,%d,%s,%d,%s,%s,%d,%s,%s%n", time, evid, amt, cmt, rate, ii, addl, f, lag);
    }

    @ParameterizedTest(name = "cmt {0}, rate {1}, II {2}, lag {3}, F {4}, {5} doses")
    @CsvSource({
        "2, 10, 1, 0, 1, 300",        // 10-h infusions every hour: ten run at once
        "2, 10, 10, 0, 1, 200",       // II equal to the duration
        "2, 3, 2.5, 1.7, 0.6, 250",   // overlapping, lagged, with F (F makes them 20 h)
        "1, 25, 3, 2.5, 1, 250",      // into the depot
        "2, 0, 2, 7.3, 0.6, 300",     // boluses with a lag longer than II
        "1, 0, 0.75, 0, 0.8, 400",    // boluses into the depot
    })
    void additionalDosesEqualTheSameDosesGivenOneByOne(int cmt, double rate, double ii, double lag, double f, int count)
            throws IOException {
        List<Double> times = new ArrayList<>();
        for (double fraction : new double[] {0.5, 3, 3.37, 17.81, count / 2.0 + 0.29, count - 1, count + 0.5, count + 30}) {
            times.add(Math.round((fraction * ii + lag) * 1e6) / 1e6);
        }
        assertTrainEqualsDoses(cmt, rate, ii, lag, f, count, times);
    }

    @Property(tries = 150)
    void randomTrainsEqualTheSameDosesGivenOneByOne(@ForAll @IntRange(min = 1, max = 2) int cmt,
            @ForAll @DoubleRange(min = 0, max = 200) double rate, @ForAll @DoubleRange(min = 0.05, max = 24) double ii,
            @ForAll @DoubleRange(min = 0, max = 30) double lag, @ForAll @DoubleRange(min = 0.1, max = 1) double f,
            @ForAll @IntRange(min = 2, max = 80) int count, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        double r = rate < 20 ? 0 : round(rate);
        double i = round(ii);
        double l = rate > 150 ? 0 : round(lag);
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            times.add(k == 0 ? 3 * i + l : round(random.nextDouble() * (count * i + l + 40)));
        }
        assertTrainEqualsDoses(cmt, r, i, l, round(f), count, times.stream().sorted().toList());
    }

    private static double round(double v) {
        return Math.round(v * 1e3) / 1e3;
    }

    /**
     * One record with ADDL = count - 1 against count dose records, observed at the same times (a
     * dose record sorts before an observation at the same time, as an additional dose enters first).
     */
    private static void assertTrainEqualsDoses(int cmt, double rate, double ii, double lag, double f, int count,
                                               List<Double> times) throws IOException {
        StringBuilder train = new StringBuilder(HEADER).append(line(0, 1, 100, cmt, rate, ii, count - 1, f, lag));
        StringBuilder explicit = new StringBuilder(HEADER);
        List<double[]> events = new ArrayList<>();   // {time, 0 dose / 1 observation}
        for (int j = 0; j < count; j++) {
            events.add(new double[] {j * ii, 0});
        }
        times.forEach(t -> events.add(new double[] {t, 1}));
        events.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        for (double[] e : events) {
            explicit.append(e[1] == 0 ? line(e[0], 1, 100, cmt, rate, 0, 0, f, lag) : line(e[0], 0, 0, cmt, 0, 0, 0, f, lag));
        }
        times.forEach(t -> train.append(line(t, 0, 0, cmt, 0, 0, 0, f, lag)));
        double[] closed = cp(train.toString());
        double[] oneByOne = cp(explicit.toString());
        int k = 1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i)[1] == 1) {
                assertClose(oneByOne[i], closed[k], 1e-9, 1e-9, "CP at " + times.get(k - 1));
                k++;
            }
        }
    }

    /** The amount at t from an infusion at rate r on [s, s + d) into the central compartment (mg). */
    private static double infusion(double r, double s, double d, double t) {
        if (t <= s) {
            return 0;
        }
        double on = Math.min(t - s, d);
        return r / K * (1 - Math.exp(-K * on)) * Math.exp(-K * (t - s - on));
    }

    @Test
    void aHundredThousandOverlappingInfusionsTakeMillisecondsAndEqualTheirClosedForm() throws IOException {
        int additional = 100_000;
        double[] times = {0.5, 5000, 5000.25, 100_000, 100_010, 100_100};
        StringBuilder csv = new StringBuilder(HEADER).append(line(0, 1, 100, 2, 10, 1, additional, 1, 0));
        for (double t : times) {
            csv.append(line(t, 0, 0, 2, 0, 0, 0, 1, 0));
        }
        long start = System.nanoTime();
        double[] cp = cp(csv.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "took " + seconds + " s");
        for (int i = 0; i < times.length; i++) {
            double amount = 0;
            for (int j = 0; j <= additional; j++) {
                amount += infusion(10, j, 10, times[i]);
            }
            assertClose(1000 * amount / V, cp[i + 1], 1e-9, 0, "CP at " + times[i]);
        }
    }
}
