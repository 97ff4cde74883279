package org.ketasim.core.nonmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/**
 * Covariates and parameters that change from record to record, with NONMEM's semantics: the
 * interval from one record to the next is advanced with the parameters of the record that ends it
 * (next observation carried backward), a record's prediction uses its own volume, a dose uses its
 * own record's F, and a dose that enters after its record (lag, ADDL) the F of the record at or
 * after its entry. Expected values are piecewise closed forms written out here, to 1e-9 relative.
 */
class TimeVaryingTest {

    private static List<NonmemSimulator.Prediction> run(PkModel model, String csv, Map<String, String> mapping)
            throws IOException {
        NonmemDataSet data = NonmemDataSet.read("tv.csv", new StringReader(csv), mapping);
        return new NonmemSimulator(new RecordModels(model, 70, Map.of(), mapping, "tv.csv"))
                .simulate(data.individuals().get(0).records());
    }

    // one compartment, V proportional to weight, CL to weight^0.75, reference 70 kg
    private static final PkModel SCALED = PkModel.of("scaled", 20, 1.1)
            .withScaling(AllometricScaling.uniform(70, 1, 0.75));

    private static double v(double kg) {
        return 20 * kg / 70;
    }

    private static double k(double kg) {
        return 1.1 * Math.pow(kg / 70, 0.75) / v(kg);
    }

    /** Amount after h under elimination k and a constant input r, from a0 (mg). */
    private static double step(double a0, double k, double h, double r) {
        return a0 * Math.exp(-k * h) + r / k * (1 - Math.exp(-k * h));
    }

    @Test
    void eachIntervalTakesTheWeightOfTheRecordThatEndsIt() throws IOException {
        var p = run(SCALED, """
                ID,TIME,EVID,AMT,CMT,RATE,WT
                1,0,1,100,1,0,60
                1,2,0,0,1,0,80
                1,5,2,0,1,0,50
                1,5,1,50,1,0,90
                1,6,1,40,1,10,75
                1,8,0,0,1,0,65
                1,12,0,0,1,0,85
                1,13,3,0,1,0,70
                1,14,1,30,1,0,55
                1,16,0,0,1,0,.
                """, Map.of());
        double[] expected = new double[10];
        double a = 100;                                     // the first record: its dose, its volume
        expected[0] = a / v(60);
        a = step(a, k(80), 2, 0);                           // (0, 2] with the weight at 2
        expected[1] = a / v(80);
        a = step(a, k(50), 3, 0);                           // (2, 5] with the EVID 2 record's weight
        expected[2] = a / v(50);
        a += 50;                                            // same time: no interval, its own volume
        expected[3] = a / v(90);
        a = step(a, k(75), 1, 0);                           // (5, 6]; the infusion starts at 6
        expected[4] = a / v(75);
        a = step(a, k(65), 2, 10);                          // (6, 8] infusing, weight at 8
        expected[5] = a / v(65);
        a = step(step(a, k(85), 2, 10), k(85), 2, 0);       // (8, 12]: infusion ends at 10, weight at 12
        expected[6] = a / v(85);
        expected[7] = 0;                                    // reset
        a = 30;
        expected[8] = a / v(55);
        a = step(a, k(70), 2, 0);                           // no WT: the default weight, 70 kg
        expected[9] = a / v(70);
        for (int i = 0; i < expected.length; i++) {
            assertClose(1000 * expected[i], p.get(i).cp(), 1e-9, 1e-12, "record " + (i + 1));
        }
    }

    @Test
    void steadyStateUsesItsOwnRecordsWeight() throws IOException {
        var p = run(SCALED, """
                ID,TIME,EVID,AMT,CMT,RATE,II,SS,WT
                1,0,1,100,1,0,12,1,60
                1,3,0,0,1,0,0,0,80
                1,6,1,120,1,20,24,1,90
                1,9,0,0,1,0,0,0,50
                """, Map.of());
        double ss = 100 / (1 - Math.exp(-k(60) * 12));
        assertClose(1000 * ss / v(60), p.get(0).cp(), 1e-9, 0, "SS bolus");
        assertClose(1000 * ss * Math.exp(-k(80) * 3) / v(80), p.get(1).cp(), 1e-9, 0, "3 h later at 80 kg");
        double kk = k(90);
        double before = 20 / kk * (1 - Math.exp(-kk * 6)) * Math.exp(-kk * 18) / (1 - Math.exp(-kk * 24));
        assertClose(1000 * before / v(90), p.get(2).cp(), 1e-9, 0, "SS infusion, reset, at 90 kg");
        assertClose(1000 * step(before, k(50), 3, 20) / v(50), p.get(3).cp(), 1e-9, 0, "3 h into the infusion, 50 kg");
    }

    /** e^{Mh} x + M^-1 (e^{Mh} - I) u of a 2x2 matrix M with distinct real eigenvalues (Sylvester). */
    private static double[] twoByTwo(double[][] m, double h, double[] x, double[] u) {
        double tr = m[0][0] + m[1][1];
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        double root = Math.sqrt(tr * tr / 4 - det);
        double l1 = tr / 2 + root;
        double l2 = tr / 2 - root;
        double c1 = (Math.exp(l1 * h) - Math.exp(l2 * h)) / (l1 - l2);
        double c0 = (l1 * Math.exp(l2 * h) - l2 * Math.exp(l1 * h)) / (l1 - l2);
        double[][] e = {{c1 * m[0][0] + c0, c1 * m[0][1]}, {c1 * m[1][0], c1 * m[1][1] + c0}};
        double[] w = {(e[0][0] - 1) * u[0] + e[0][1] * u[1], e[1][0] * u[0] + (e[1][1] - 1) * u[1]};
        double[] forced = {(m[1][1] * w[0] - m[0][1] * w[1]) / det, (-m[1][0] * w[0] + m[0][0] * w[1]) / det};
        return new double[] {e[0][0] * x[0] + e[0][1] * x[1] + forced[0], e[1][0] * x[0] + e[1][1] * x[1] + forced[1]};
    }

    private static double[][] twoCompartments(double cl, double v1, double q, double v2) {
        return new double[][] {{-(cl + q) / v1, q / v2}, {q / v1, -q / v2}};
    }

    @Test
    void modelParametersComeFromMappedColumnsRecordByRecord() throws IOException {
        PkModel model = PkModel.of("2cmt", 10, 1).withPeripheral(new Peripheral(30, 2));
        Map<String, String> mapping = Map.of("CL", "CLI", "V1", "VC", "Q2", "QP", "V2", "VP");
        var p = run(model, """
                ID,TIME,EVID,AMT,CMT,RATE,CLI,VC,QP,VP
                1,0,1,100,1,0,2,12,3,40
                1,1,0,0,1,0,2.5,11,3.5,35
                1,3,1,60,1,20,1.5,14,2,50
                1,4,0,0,1,0,3,9,4,30
                1,7,0,0,1,0,2.2,13,2.5,45
                1,7,2,0,1,0,2.2,16,2.5,45
                1,10,0,0,1,0,1.8,10,3,38
                """, mapping);
        double[][] params = {{2, 12, 3, 40}, {2.5, 11, 3.5, 35}, {1.5, 14, 2, 50}, {3, 9, 4, 30}, {2.2, 13, 2.5, 45},
            {2.2, 16, 2.5, 45}, {1.8, 10, 3, 38}};
        double[] zero = {0, 0};
        double[] x = {100, 0};
        List<Double> expected = new ArrayList<>(List.of(x[0] / 12));
        x = twoByTwo(twoCompartments(2.5, 11, 3.5, 35), 1, x, zero);
        expected.add(x[0] / 11);
        x = twoByTwo(twoCompartments(1.5, 14, 2, 50), 2, x, zero);
        expected.add(x[0] / 14);
        x = twoByTwo(twoCompartments(3, 9, 4, 30), 1, x, new double[] {20, 0});
        expected.add(x[0] / 9);
        double[][] m = twoCompartments(2.2, 13, 2.5, 45);    // (4, 7]: the infusion ends at 6
        x = twoByTwo(m, 1, twoByTwo(m, 2, x, new double[] {20, 0}), zero);
        expected.add(x[0] / 13);
        expected.add(x[0] / 16);                             // same time, its own V1
        x = twoByTwo(twoCompartments(1.8, 10, 3, 38), 3, x, zero);
        expected.add(x[0] / 10);
        for (int i = 0; i < params.length; i++) {
            assertClose(1000 * expected.get(i), p.get(i).cp(), 1e-9, 0, "record " + (i + 1));
        }
    }

    /**
     * A depot model (ADVAN2) with additional lagged doses while weight, F1 and KA1 change on every
     * record: the reference below walks the same records with the one-compartment oral closed form.
     */
    @Test
    void additionalDosesTakeTheParametersOfTheRecordAtOrAfterTheirEntry() throws IOException {
        PkModel model = PkModel.of("oral", 20, 1.1).withRoute(Route.ORAL, new Absorption(1, 1.5, 0))
                .withScaling(new AllometricScaling(70, 0, 0.75, 0, 0));
        Map<String, String> mapping = Map.of("F1", "BIO", "KA1", "KAD", "ALAG1", "LAG");
        double[][] records = {   // time, weight, F1, KA1 (the first record is the dose: 100 mg, II 6, ADDL 5, lag 1)
            {0, 62, 0.9, 1.5}, {0, 64, 0.8, 1.2}, {4, 79, 0.7, 1.9}, {7, 71, 0.6, 0.8}, {10, 66, 0.95, 1.4},
            {15, 75, 0.5, 2.2}, {22, 60, 0.85, 1.1}, {30, 80, 0.75, 1.7}, {40, 68, 0.65, 1.3}};
        StringBuilder csv = new StringBuilder("ID,TIME,EVID,AMT,CMT,II,ADDL,WT,BIO,KAD,LAG\n");
        for (int i = 0; i < records.length; i++) {
            double[] r = records[i];
            csv.append(i == 0 ? "1,0,1,100,1,6,5," : "1," + r[0] + ",0,0,2,0,0,").append(r[1]).append(',').append(r[2])
                    .append(',').append(r[3]).append(",1\n");
        }
        var p = run(model, csv.toString(), mapping);
        double depot = 0;
        double central = 0;
        double t = 0;
        List<Double> entries = new ArrayList<>(List.of(1.0, 7.0, 13.0, 19.0, 25.0, 31.0));
        for (int i = 0; i < records.length; i++) {
            double[] r = records[i];
            double k = 1.1 * Math.pow(r[1] / 70, 0.75) / 20;
            double ka = r[3];
            while (true) {
                double next = entries.isEmpty() || entries.get(0) > r[0] ? r[0] : entries.get(0);
                double h = next - t;
                double d0 = depot;
                depot = d0 * Math.exp(-ka * h);
                central = central * Math.exp(-k * h) + ka * d0 * (Math.exp(-k * h) - Math.exp(-ka * h)) / (ka - k);
                t = next;
                if (!entries.isEmpty() && entries.get(0) == next) {
                    entries.remove(0);
                    depot += r[2] * 100;      // F of the record that ends the interval the dose enters in
                } else {
                    break;
                }
            }
            assertClose(1000 * central / 20, p.get(i).cp(), 1e-9, 1e-12, "record " + (i + 1) + " at " + r[0] + " h");
        }
        assertTrue(p.get(8).cp() > 0);
    }

    @Test
    void mappedValuesOutOfRangeNameRowColumnAndValue() throws IOException {
        PkModel model = PkModel.of("1cmt", 20, 1.1);
        var e = assertThrows(NonmemDataException.class, () -> run(model, "ID,TIME,AMT,VC\n1,0,100,20\n1,1,0,0\n",
                Map.of("V1", "VC")));
        assertEquals("tv.csv: row 3: column VC: V1 0.0 L must be > 0 (mapped with --map V1=VC)", e.getMessage());
        var f = assertThrows(NonmemDataException.class, () -> run(model, "ID,TIME,AMT,BIO\n1,0,100,-0.5\n",
                Map.of("F1", "BIO")));
        assertEquals("tv.csv: row 2: column BIO: F1 -0.5 must be >= 0 (mapped with --map F1=BIO)", f.getMessage());
        var noPeripheral = assertThrows(IllegalArgumentException.class,
                () -> new RecordModels(model, 70, Map.of(), Map.of("Q2", "QP"), "tv.csv"));
        assertTrue(noPeripheral.getMessage().contains("cannot map Q2: model 1cmt has one compartment"),
                noPeripheral.getMessage());
        var noDepot = assertThrows(IllegalArgumentException.class,
                () -> new RecordModels(model, 70, Map.of(), Map.of("KA1", "K"), "tv.csv"));
        assertTrue(noDepot.getMessage().contains("cannot map KA1: compartment 1 is not a depot (depots: none)"),
                noDepot.getMessage());
    }
}
