package org.ketasim.core.nonmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/** One rule of NONMEM's dosing semantics per test, against closed forms of a 1-compartment IV model. */
class NonmemSemanticsTest {

    private static final double V = 20;
    private static final double CL = 1.1;
    private static final double K = CL / V;

    private static List<NonmemSimulator.Prediction> run(String csv, Map<String, String> mapping) throws IOException {
        NonmemDataSet data = NonmemDataSet.read("t.csv", new StringReader(csv), mapping);
        return new NonmemSimulator(new RecordModels(PkModel.of("1cmt", V, CL), 70, Map.of(), mapping, "t.csv"))
                .simulate(data.individuals().get(0).records());
    }

    private static double bolus(double amount, double t) {
        return t < 0 ? 0 : 1000 * amount / V * Math.exp(-K * t);
    }

    @Test
    void aDoseRecordsPredictionIncludesItsBolusAndAdditionalDosesFollowEveryIi() throws IOException {
        var p = run("ID,TIME,EVID,AMT,CMT,II,ADDL\n1,0,1,100,1,12,2\n1,30,0,0,1,0,0\n", Map.of());
        assertClose(bolus(100, 0), p.get(0).cp(), 1e-14, 0, "at the dose");
        assertClose(bolus(100, 30) + bolus(100, 18) + bolus(100, 6), p.get(1).cp(), 1e-12, 0, "at 30 h");
    }

    @Test
    void bioavailabilityOnAnInfusionMakesItLongerAtTheSameRate() throws IOException {
        var p = run("ID,TIME,EVID,AMT,CMT,RATE,F\n1,0,1,100,1,10,0.5\n1,5,0,0,1,0,0.5\n1,8,0,0,1,0,0.5\n",
                Map.of("F1", "F"));
        double during = 1000 * 10 / CL * (1 - Math.exp(-K * 5));
        assertClose(during, p.get(1).cp(), 1e-12, 0, "at 5 h, still infusing");
        double atEnd = 1000 * 10 / CL * (1 - Math.exp(-K * 5));
        assertClose(atEnd * Math.exp(-K * 3), p.get(2).cp(), 1e-12, 0, "at 8 h, 3 h after the 5-h infusion ended");
    }

    @Test
    void steadyStateBolusIsTheGeometricSumAndSsTwoAddsToTheState() throws IOException {
        var p = run("ID,TIME,EVID,AMT,CMT,II,SS\n1,0,1,100,1,12,1\n1,6,0,0,1,0,0\n1,6,1,50,1,24,2\n", Map.of());
        double ss0 = bolus(100, 0) / (1 - Math.exp(-K * 12));
        assertClose(ss0, p.get(0).cp(), 1e-12, 0, "SS=1 just after the dose");
        double at6 = ss0 * Math.exp(-K * 6);
        assertClose(at6, p.get(1).cp(), 1e-12, 0, "6 h later");
        double added = bolus(50, 0) / (1 - Math.exp(-K * 24));
        assertClose(at6 + added, p.get(2).cp(), 1e-12, 0, "SS=2 adds its own steady state");
    }

    @Test
    void steadyStateInfusionLongerThanTheIntervalKeepsEarlierInfusionsRunning() throws IOException {
        // 12-h infusions of 100 mg every 6 h at steady state: two run at all times, 2 x 100/12 mg/h
        var p = run("ID,TIME,EVID,AMT,CMT,RATE,II,SS\n1,0,1,100,1,8.333333333333334,6,1\n1,3,0,0,1,0,0,0\n"
                + "1,30,0,0,1,0,0,0\n", Map.of());
        double rate = 100.0 / 12;
        double plateau = 1000 * 2 * rate / CL;
        assertClose(plateau, p.get(0).cp(), 1e-10, 0, "at the SS dose");
        assertClose(plateau, p.get(1).cp(), 1e-10, 0, "3 h later, still two infusions");
        // after 12 h every infusion of the train (started at 0, -6, -12, ...) has ended and decays
        double train = 1000 * rate / CL * (1 - Math.exp(-K * 12)) * Math.exp(-K * 18) / (1 - Math.exp(-K * 6));
        assertClose(train, p.get(2).cp(), 1e-10, 0, "at 30 h, 18 h after the last infusion ended");
    }

    @Test
    void resetsClearTheStateAndReplaceItWithTheirDose() throws IOException {
        var p = run("ID,TIME,EVID,AMT,CMT\n1,0,1,100,1\n1,5,3,0,1\n1,6,0,0,1\n1,7,4,30,1\n1,8,0,0,1\n", Map.of());
        assertEquals(0, p.get(1).cp());
        assertEquals(0, p.get(2).cp());
        assertClose(bolus(30, 1), p.get(4).cp(), 1e-12, 0, "only the EVID 4 dose remains");
    }

    @Test
    void modelledRateAndDurationComeFromMappedColumns() throws IOException {
        var rate = run("ID,TIME,EVID,AMT,CMT,RATE,R\n1,0,1,100,1,-1,20\n1,5,0,0,1,0,20\n", Map.of("R1", "R"));
        var dur = run("ID,TIME,EVID,AMT,CMT,RATE,D\n1,0,1,100,1,-2,5\n1,5,0,0,1,0,5\n", Map.of("D1", "D"));
        double expected = 1000 * 20 / CL * (1 - Math.exp(-K * 5));
        assertClose(expected, rate.get(1).cp(), 1e-12, 0, "RATE -1, R1 = 20 mg/h");
        assertClose(expected, dur.get(1).cp(), 1e-12, 0, "RATE -2, D1 = 5 h");
        var e = assertThrows(NonmemDataException.class,
                () -> run("ID,TIME,EVID,AMT,CMT,RATE\n1,0,1,100,1,-1\n", Map.of()));
        assertTrue(e.getMessage().contains("row 2: column RATE: RATE -1 needs a positive modelled rate R1"), e.getMessage());
    }

    @Test
    void lagDelaysTheDoseAndCommentRowsAreSkipped() throws IOException {
        var p = run("C,ID,TIME,EVID,AMT,CMT,LAG\n.,1,0,1,100,1,2\nC,1,1,0,0,1,2\n.,1,1.5,0,0,1,2\n.,1,3,0,0,1,2\n",
                Map.of("ALAG1", "LAG"));
        assertEquals(3, p.size(), "the commented row is skipped");
        assertEquals(0, p.get(1).cp());
        assertClose(bolus(100, 1), p.get(2).cp(), 1e-12, 0, "1 h after the lagged bolus arrived");
    }

    @ParameterizedTest(name = "RATE {0}")
    @CsvSource({"1e12", "1e300", "1.7976931348623157e308"})
    void anInfusionShorterThanAnInstantIsGivenAsABolusSoNoDoseIsLost(String rate) throws IOException {
        var p = run("ID,TIME,EVID,AMT,CMT,RATE,II,ADDL\n1,0,1,100,1," + rate + ",1,3\n1,0.5,0,0,1,0,0,0\n"
                + "1,5,0,0,1,0,0,0\n", Map.of());
        assertClose(bolus(100, 0), p.get(0).cp(), 1e-12, 0, "at the dose");
        assertClose(bolus(100, 0.5), p.get(1).cp(), 1e-12, 0, "0.5 h later");
        assertClose(bolus(100, 5) + bolus(100, 4) + bolus(100, 3) + bolus(100, 2), p.get(2).cp(), 1e-12, 0,
                "the additional doses too");
        var d = run("ID,TIME,EVID,AMT,CMT,RATE,DUR\n1,0,1,100,1,-2,1e-12\n1,2,0,0,1,0,1e-12\n", Map.of("D1", "DUR"));
        assertClose(bolus(100, 2), d.get(1).cp(), 1e-12, 0, "RATE -2 with a modelled duration of 1e-12 h");
    }

    @Test
    void anInfusionJustLongerThanAnInstantIsStillAnInfusion() throws IOException {
        double duration = 1e-6;
        var p = run("ID,TIME,EVID,AMT,CMT,RATE\n1,0,1,100,1," + 100 / duration + "\n1,2,0,0,1,0\n", Map.of());
        assertEquals(0, p.get(0).cp(), "the infusion has just started");
        double end = 1000 * 100 / duration / CL * -Math.expm1(-K * duration);
        assertClose(end * Math.exp(-K * (2 - duration)), p.get(1).cp(), 1e-12, 0, "2 h later");
    }

    @Test
    void valuesBeyondDoublePrecisionAreRefusedNamingTheRecord() {
        PkModel oral = PkModel.of("oral", V, CL).withRoute(Route.ORAL, new Absorption(1, 1.5, 0));
        var time = assertThrows(NonmemDataException.class, () -> new NonmemSimulator(new RecordModels(oral, 70,
                Map.of(), Map.of(), "t.csv")).simulate(NonmemDataSet.read("t.csv", new StringReader(
                "ID,TIME,EVID,AMT,CMT\n1,0,1,100,1\n1,1e308,0,0,2\n"), Map.of()).individuals().get(0).records()));
        assertTrue(time.getMessage().startsWith("t.csv: row 3: cannot simulate up to this record at time 1.0E308 h"),
                time.getMessage());
        var amount = assertThrows(NonmemDataException.class,
                () -> run("ID,TIME,EVID,AMT,CMT\n1,0,1,1e308,1\n1,1,1,1e308,1\n", Map.of()));
        assertTrue(amount.getMessage().contains("row 3: cannot simulate") && amount.getMessage().contains("an amount is "
                + "not a finite number"), amount.getMessage());
        var endless = assertThrows(NonmemDataException.class,
                () -> run("ID,TIME,EVID,AMT,CMT,RATE\n1,0,1,1e308,1,1e-308\n", Map.of()));
        assertEquals("t.csv: row 2: column RATE: an infusion of 1.0E308 mg at 1.0E-308 mg/h would last for ever",
                endless.getMessage());
    }

    @Test
    void aSteadyStateInfusionEndsAtItsRecordAndTakesNoBioavailability() throws IOException {
        var p = run("ID,TIME,EVID,AMT,CMT,RATE,II,SS,F\n1,0,1,0,1,10,0,1,0.5\n1,3,0,0,1,0,0,0,0.5\n",
                Map.of("F1", "F"));
        double plateau = 1000 * 10 / CL;
        assertClose(plateau, p.get(0).cp(), 1e-12, 0, "at steady state, F not applied");
        assertClose(plateau * Math.exp(-K * 3), p.get(1).cp(), 1e-12, 0, "3 h after the infusion ended");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown EVID|ID,TIME,EVID,AMT\\n1,0,7,100|row 2: column EVID|7",
        "negative AMT|ID,TIME,EVID,AMT\\n1,0,1,-5|row 2: column AMT|negative",
        "RATE without AMT|ID,TIME,EVID,AMT,RATE\\n1,0,1,0,10|row 2: column RATE|without an amount",
        "unsorted TIME|ID,TIME,EVID,AMT\\n1,5,1,100\\n1,2,0,0|row 3: column TIME|before the previous",
        "not a number|ID,TIME,EVID,AMT\\n1,0,1,abc|row 2: column AMT|'abc' is not a number",
        "missing TIME|ID,EVID,AMT\\n1,1,100|row 1: column TIME|missing",
        "SS without II|ID,TIME,EVID,AMT,SS\\n1,0,1,100,1|row 2: column II|need an interval",
        "bad mapping|ID,TIME,EVID,AMT\\n1,0,1,100|t.csv|cannot map 'X2'",
    })
    void badDataSetsNameTheRowAndColumn(String what, String csv, String where, String problem) {
        Map<String, String> mapping = what.equals("bad mapping") ? Map.of("X2", "AMT") : Map.of();
        var e = assertThrows(NonmemDataException.class,
                () -> NonmemDataSet.read("t.csv", new StringReader(csv.replace("\\n", "\n") + "\n"), mapping));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(problem), e.getMessage());
    }
}
