package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Route;

class PopulationOutcomesTest {

    private static final CourseDescriptor IV_100_H = new CourseDescriptor(Set.of(Route.IV), false,
            List.of(new CourseDescriptor.Period(0, 100)), 233, 0.32, false);

    /** A constant plasma concentration from 0 to 100 h, nothing after: exact AUCs. */
    private static SubjectExposure constant(double cpNgPerMl) {
        ExposureGrid grid = ExposureGrid.forCourse(100);
        double[] auc = new double[grid.bins() + 1];
        double[] cp = new double[grid.bins() + 1];
        for (int j = 0; j <= grid.bins(); j++) {
            auc[j] = cpNgPerMl * Math.min(j * grid.binWidthH(), 100);
            cp[j] = j * grid.binWidthH() < 100 ? cpNgPerMl : 0;
        }
        return SubjectExposure.of(grid, auc, cp, cpNgPerMl * 100, cpNgPerMl);
    }

    private static OutcomeResult run(SubjectExposure e, int n, OutcomeSettings settings) {
        return PopulationOutcomes.simulate(Collections.nCopies(n, e), IV_100_H, settings);
    }

    /** With no drug in the blood the drug arm is the placebo arm, draw for draw. */
    @Test
    void noExposureGivesNoEffectOverPlacebo() {
        OutcomeResult r = run(constant(0), 500, OutcomeSettings.of(3).withReplicates(50));
        for (OutcomeTime t : OutcomeTime.DEFAULTS) {
            for (Measure m : List.of(Measure.MEETS_2_POINTS, Measure.MEETS_3_POINTS, Measure.MEETS_30_PERCENT,
                    Measure.MEETS_50_PERCENT)) {
                OutcomeRow d = r.row(Arm.DRUG, m, t.label());
                OutcomeRow p = r.row(Arm.PLACEBO, m, t.label());
                assertEquals(p.p(), d.p());
                assertEquals(p.pLo(), d.pLo());
                assertEquals(p.pHi(), d.pHi());
            }
            assertEquals(0, r.meanReduction(t.label()).difference().value());
            assertEquals(0, r.meanReduction(t.label()).difference().hi());
        }
        assertEquals(r.row(Arm.PLACEBO, Measure.PSYCHOMIMETIC, "course").p(),
                r.row(Arm.DRUG, Measure.PSYCHOMIMETIC, "course").p());
    }

    /**
     * A saturating exposure (relief 1 in every drug responder) without between-patient variability,
     * at the point estimates: closed forms, with 20,000 subjects, within 4 binomial SEs.
     * Drug: 67 % meet every definition; placebo: 23 % meet 2 points and 30 % (a placebo response is
     * at least 30 % of NRS 7 = 2.1 points), 23 % x P(U(0.3, 1) &gt; 0.5) = 16.4 % meet 50 %; mean
     * reductions 7 x 0.67 and 7 x 0.23 x 0.65.
     */
    @Test
    void saturatingExposureMatchesClosedForms() {
        int n = 20_000;
        OutcomeSettings s = OutcomeSettings.of(5).withReplicates(0)
                .withRelief(ReliefModel.DAHAN_2011.withVariability(0, 0));
        OutcomeResult r = run(constant(1e7), n, s);
        double se = Math.sqrt(0.25 / n);
        for (Measure m : List.of(Measure.MEETS_2_POINTS, Measure.MEETS_50_PERCENT)) {
            assertClose(0.67, r.row(Arm.DRUG, m, "end").p(), 0, 4 * se, "drug " + m.id());
        }
        assertClose(0.23, r.row(Arm.PLACEBO, Measure.MEETS_2_POINTS, "12_weeks").p(), 0, 4 * se, "placebo 2 points");
        assertClose(0.23, r.row(Arm.PLACEBO, Measure.MEETS_30_PERCENT, "4_weeks").p(), 0, 4 * se, "placebo 30 %");
        assertClose(0.23 * 0.5 / 0.7, r.row(Arm.PLACEBO, Measure.MEETS_50_PERCENT, "end").p(), 0, 4 * se,
                "placebo 50 %");
        assertClose(7 * 0.67, r.meanReduction("end").drug().value(), 0, 4 * 7 * se, "drug mean");
        assertClose(7 * 0.23 * 0.65, r.meanReduction("end").placebo().value(), 0, 0.06, "placebo mean (SE 0.014)");
        assertTrue(Double.isNaN(r.row(Arm.DRUG, Measure.MEETS_2_POINTS, "end").pLo()), "no replicates, no interval");
    }

    /**
     * The placebo share's interval is the logit-normal's 2.5 and 97.5 % points, logit(0.23) +-
     * 1.96 x 0.09 / (0.23 x 0.77) back-transformed: 0.099 and 0.446, within 0.03 (400 replicates of
     * 5,000 subjects: Monte Carlo and binomial error about 0.01).
     */
    @Test
    void placeboIntervalIsThePublishedUncertainty() {
        OutcomeResult r = run(constant(0), 5000, OutcomeSettings.of(9).withReplicates(400));
        OutcomeRow p = r.row(Arm.PLACEBO, Measure.MEETS_2_POINTS, "end");
        double sd = 0.09 / (0.23 * 0.77);
        double centre = Math.log(0.23 / 0.77);
        assertClose(1 / (1 + Math.exp(-(centre - 1.959964 * sd))), p.pLo(), 0, 0.03, "2.5 %");
        assertClose(1 / (1 + Math.exp(-(centre + 1.959964 * sd))), p.pHi(), 0, 0.03, "97.5 %");
    }

    private static List<SubjectExposure> varied(int n) {
        SubjectExposure base = constant(200);
        List<SubjectExposure> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(base.scaled(0.5 + (double) i / n));
        }
        return list;
    }

    @Test
    void resultsDependOnTheSeedOnlyNotOnThreads() {
        List<SubjectExposure> e = varied(300);
        OutcomeSettings s = OutcomeSettings.of(17).withReplicates(60)
                .withBaseline(new BaselineNrs(7, 1.5));
        OutcomeResult one = PopulationOutcomes.simulate(e, IV_100_H, s);
        OutcomeResult four = PopulationOutcomes.simulate(e, IV_100_H, s.withThreads(4));
        assertEquals(one.rows(), four.rows());
        assertEquals(one.meanReductions(), four.meanReductions());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(one.perSubject().get(i).baselineNrs(), four.perSubject().get(i).baselineNrs());
        }
        OutcomeResult other = PopulationOutcomes.simulate(e, IV_100_H, OutcomeSettings.of(18).withReplicates(60)
                .withBaseline(new BaselineNrs(7, 1.5)));
        assertNotEquals(one.rows(), other.rows());
    }

    @Test
    void perSubjectViewIsConsistent() {
        List<SubjectExposure> e = varied(400);
        OutcomeResult r = PopulationOutcomes.simulate(e, IV_100_H, OutcomeSettings.of(1).withReplicates(0)
                .withBaseline(new BaselineNrs(6, 2)));
        assertEquals(400, r.perSubject().size());
        for (SubjectOutcome s : r.perSubject()) {
            assertTrue(!s.placeboResponder() || s.drugResponder(), "placebo responders respond to the drug");
            assertTrue(s.baselineNrs() >= 0 && s.baselineNrs() <= 10);
            double[] ce = s.cePainNgPerMl();
            assertTrue(ce[0] > ce[1] && ce[1] > ce[2], "the pain effect site falls after the course");
            for (int t = 0; t < 3; t++) {
                assertTrue(s.drugNrsReduction()[t] >= s.placeboNrsReduction()[t]);
                assertTrue(s.drugNrsReduction()[t] <= s.baselineNrs());
            }
        }
        long drug = r.perSubject().stream().filter(s -> s.drugNrsReduction()[0] >= 2).count();
        assertEquals(r.row(Arm.DRUG, Measure.MEETS_2_POINTS, "end").p(), drug / 400.0, 1e-12);
    }

    @Test
    void responderCurveIsLabelledAndFollowsTheEffectSite() {
        SubjectExposure e = constant(200);
        ReliefModel.Parameters p = ReliefModel.DAHAN_2011.point();
        ResponderCurve c = ResponderCurve.of(e, p, 7, 50, 100, 772, 2116);
        assertTrue(ResponderCurve.LABEL.startsWith("a responder's relief"));
        assertClose(7 * p.fraction(e.cePain(p.ke0PerH(), 772), p.c50NgPerMl()), c.nrsReduction()[2], 1e-15, 0, "4 weeks");
        assertTrue(c.nrsReduction()[1] > c.nrsReduction()[3]);
    }

    /**
     * 1,000 subjects x 200 replicates on a 100-h course (268 bins), one thread, after a warm-up:
     * the brief's target is well under a second; the test allows 1 s and prints the time.
     */
    @Test
    void thousandSubjectsTimesTwoHundredReplicatesIsFast() {
        List<SubjectExposure> e = varied(1000);
        OutcomeSettings s = OutcomeSettings.of(2);
        PopulationOutcomes.simulate(e, IV_100_H, s);
        long best = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            PopulationOutcomes.simulate(e, IV_100_H, s);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("1,000 subjects x 200 replicates: %.3f s%n", best / 1e9);
        assertTrue(best < 1e9, "took " + best / 1e9 + " s");
    }

    @Test
    void badInputIsRefusedNamingIt() {
        OutcomeSettings s = OutcomeSettings.of(1);
        assertThrows(IllegalArgumentException.class, () -> PopulationOutcomes.simulate(List.of(), IV_100_H, s));
        SubjectExposure other = SubjectExposure.of(ExposureGrid.forCourse(50), new double[219], new double[219], 0, 0);
        IllegalArgumentException grids = assertThrows(IllegalArgumentException.class,
                () -> PopulationOutcomes.simulate(List.of(constant(1), other), IV_100_H, s));
        assertTrue(grids.getMessage().contains("one grid"), grids.getMessage());
        CourseDescriptor shorter = new CourseDescriptor(Set.of(Route.IV), false,
                List.of(new CourseDescriptor.Period(0, 90)), 1, 0.1, false);
        IllegalArgumentException end = assertThrows(IllegalArgumentException.class,
                () -> PopulationOutcomes.simulate(List.of(constant(1)), shorter, s));
        assertTrue(end.getMessage().contains("90"), end.getMessage());
        IllegalArgumentException between = assertThrows(IllegalArgumentException.class,
                () -> PopulationOutcomes.simulate(List.of(constant(1)), IV_100_H,
                        s.withTimes(List.of(new OutcomeTime("day_1_and_a_bit", 24.5)))));
        assertTrue(between.getMessage().contains("124.5 h"), between.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OutcomeTime("course", 0));
        assertThrows(IllegalArgumentException.class, () -> new BaselineNrs(11, 0));
    }
}
