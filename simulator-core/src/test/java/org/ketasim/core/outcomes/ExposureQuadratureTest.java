package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.engine.FreeResponse;
import org.ketasim.core.engine.Series;
import org.ketasim.core.model.Observable;
import org.ketasim.core.scenario.CompiledScenario;

/**
 * The binned quadrature of the pain effect site ({@link SubjectExposure}) against a closed form and
 * against the engine's exact effect-site state (the built-in models carry Dahan's compartment at
 * t½ 10.9 days).
 */
class ExposureQuadratureTest {

    private static final double KE0 = Math.log(2) / (10.9 * 24);

    /**
     * One compartment (elimination rate a), a constant infusion to steady state Css from 0 to T:
     * Cp, its AUC and the effect site in closed form, by superposition of the infusion's start and
     * its end. The quadrature is exact for a Cp that is quadratic within each bin; what is left is
     * ke0 times the first moment of the rest. Tolerance 1e-8 relative (seen: 3e-9 at the course end,
     * 9e-10 after), and 1e-6 after the first hour (seen: 6e-7), where Ce is tiny and the first bin,
     * starting at the kink of the infusion's start, weighs most.
     */
    @Test
    void quadratureMatchesAClosedForm() {
        SubjectExposure e = oneCompartment();
        ExposureGrid grid = e.grid();
        for (double t : new double[] {1, 37, END_H, END_H + 5, grid.lastEdgeH(), END_H + 672, END_H + 2016}) {
            double want = closedForm(KE0, t);
            assertClose(want, e.cePain(KE0, t), t < 2 ? 1e-6 : 1e-8, 0, "Ce,pain at " + t + " h");
        }
    }

    /** The one-compartment infusion of these tests: elimination rate (1/h), steady state (ng/mL), end (h). */
    private static final double A = 0.3;
    private static final double CSS = 200;
    private static final double END_H = 100;

    /** @return its exposure, the edges' AUCs and concentrations in closed form */
    private static SubjectExposure oneCompartment() {
        ExposureGrid grid = ExposureGrid.forCourse(END_H);
        double[] edges = grid.edgesH();
        double[] auc = new double[edges.length];
        double[] cp = new double[edges.length];
        for (int j = 0; j < edges.length; j++) {
            auc[j] = superpose(t -> CSS * (t + Math.expm1(-A * t) / A), edges[j], END_H);
            cp[j] = superpose(t -> -CSS * Math.expm1(-A * t), edges[j], END_H);
        }
        double followUp = superpose(t -> CSS * (t + Math.expm1(-A * t) / A), END_H + 3000, END_H);
        return SubjectExposure.of(grid, auc, cp, followUp, CSS);
    }

    /** @return its effect site for rate constant ke0 (1/h) at time t (h), in closed form */
    private static double closedForm(double ke0, double t) {
        return superpose(s -> CSS * (-Math.expm1(-ke0 * s) - ke0 * (Math.exp(-A * s) - Math.exp(-ke0 * s)) / (ke0 - A)),
                t, END_H);
    }

    /**
     * Rate constants are summed four at a time, the last group padded: each gives, to the bit, what
     * it gives alone, and every one matches the closed form of the test above, at edges, at the last
     * edge and after it, for seven rate constants (a group and three left over) from 0.3 to 3.3 times
     * the typical one: to 1e-7 relative, as the quadrature's error grows with ke0 squared (seen:
     * 1.4e-8 at the largest).
     */
    @Test
    void rateConstantsInGroupsGiveWhatTheyGiveAlone() {
        SubjectExposure e = oneCompartment();
        ExposureGrid grid = e.grid();
        double[] times = {0, 37, END_H, grid.lastEdgeH(), END_H + 672};
        SubjectExposure.Times prepared = SubjectExposure.Times.of(grid, times);
        double[] ke0 = new double[7];
        for (int j = 0; j < ke0.length; j++) {
            ke0[j] = KE0 * Math.exp(0.4 * (j - 3));
        }
        double[][] together = new double[ke0.length][times.length];
        e.cePain(ke0, prepared, together);
        for (int j = 0; j < ke0.length; j++) {
            double k = ke0[j];
            double[] alone = new double[times.length];
            e.cePain(k, prepared, alone);
            assertEquals(0, together[j][0]);
            for (int t = 0; t < times.length; t++) {
                assertEquals(alone[t], together[j][t], "ke0 " + k + " at " + times[t] + " h");
                if (times[t] > 2) {
                    assertClose(closedForm(k, times[t]), together[j][t], 1e-7, 0,
                            "Ce,pain, ke0 " + k + ", at " + times[t] + " h");
                }
            }
        }
    }

    /** f(t) - f(t - T) for t &gt; T, else f(t): an infusion from 0 to T from the response to one from 0 on. */
    private static double superpose(DoubleUnaryOperator f, double t, double endH) {
        return t > endH ? f.applyAsDouble(t) - f.applyAsDouble(t - endH) : f.applyAsDouble(t);
    }

    /**
     * Every outcome time of catalogue courses: the exposures of {@link ExposureFixtures} against the
     * engine's own pain effect site. The washout after the course end is in closed form (the
     * plasma's free response, exact), so what is left at every time is the course's quadrature,
     * decaying after the end. Tolerances: 1e-7 relative for multi-day courses (the engine's accuracy
     * on this slow state is about 1e-8); at the end of the 6-h session 1e-5 (seen 2.5e-6) and of
     * the 40-min infusion 1e-5 (seen 7.3e-6), whose distribution phase curves inside the first bins
     * while Ce is still small, and 3e-6 after them (seen 1.2e-6). Courses of sessions weeks apart
     * take the weeks between in closed form too (gaps), so what is left is the sessions' quadrature:
     * KetCRPS-2 arm B (six 6-h sessions two weeks apart) 1e-5 at the end and 3e-6 after (seen 9.8e-7
     * and 7.3e-7); three Dutch inpatient courses four months apart, whose 5,940-h course is binned
     * at 3 h (at most 2,000 bins), 1e-5 (seen 2.8e-6; the bins alone, without the gaps, give the same).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"trials/sigtermans2009.yaml, 1e-7, 1e-7", "dutch-survey/nl-inpatient-median.yaml, 1e-7, 1e-7",
            "trials/ketcrps2-arm-a.yaml, 1e-7, 1e-7", "trials/vranken2005-k75.yaml, 1e-7, 1e-7",
            "trials/kiefer-anaesthetic-icu.yaml, 1e-7, 1e-7", "dutch-survey/nl-outpatient-median.yaml, 1e-5, 3e-6",
            "examples/built-in-model.yaml, 1e-5, 3e-6", "trials/ketcrps2-arm-b.yaml, 1e-5, 3e-6",
            "dutch-survey/nl-inpatient-median-repeat-4-months.yaml, 1e-5, 1e-5"})
    void quadratureMatchesTheEnginesEffectSite(String file, double atEnd, double after) {
        CompiledScenario s = ExposureFixtures.catalogue(file);
        SubjectExposure e = ExposureFixtures.typical(s);
        assertTrue(e.closedFormWashout(), file + ": nothing is given after the course end");
        if (s.scenario().regimen().repeat().isPresent()) {
            assertTrue(e.gaps() > 0, file + ": the weeks between sessions are gaps in closed form");
        }
        ExposureGrid g = e.grid();
        double end = g.courseEndH();
        double[] times = {end, end + 72, g.lastEdgeH(), end + 672, end + 2016};
        Series exact = ExposureFixtures.exactAt(s, times);
        double[] ce = exact.values(Observable.PAIN_EFFECT);
        for (int k = 0; k < times.length; k++) {
            assertClose(s.sKetamineFraction() * ce[k], e.cePain(KE0, times[k]), k == 0 ? atEnd : after, 0,
                    file + ": Ce,pain at " + times[k] + " h");
        }
    }

    /**
     * Inside a gap between sessions (KetCRPS-2 arm B: 6-h sessions two weeks apart) the effect site
     * comes from the gap's free response: at edges inside the first and the last gap, and at the gaps'
     * ends, against the engine's exact state, 3e-6 relative (the sessions' quadrature, seen 1e-6).
     */
    @Test
    void insideAGapTheEffectSiteComesFromTheFreeResponse() {
        CompiledScenario s = ExposureFixtures.catalogue("trials/ketcrps2-arm-b.yaml");
        SubjectExposure e = ExposureFixtures.typical(s);
        assertEquals(5, e.gaps(), "six sessions, five gaps");
        double[] times = {7, 100, 336, 5 * 336 - 1, 5 * 336};
        Series exact = ExposureFixtures.exactAt(s, times);
        double[] ce = exact.values(Observable.PAIN_EFFECT);
        for (int k = 0; k < times.length; k++) {
            assertClose(s.sKetamineFraction() * ce[k], e.cePain(KE0, times[k]), 3e-6, 0,
                    "Ce,pain at " + times[k] + " h");
        }
    }

    /** A bolus inside a bin: the stated bound ke0 h / 2 on its share of Ce. */
    @Test
    void aBolusInsideABinStaysWithinTheStatedBound() {
        CompiledScenario s = ExposureFixtures.parse("""
                id: bolus
                drug: esketamine
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  route: iv
                  doses:
                    - bolus: 20 mg
                      at: 2.5 h
                    - infusion: {rate: 1 mg/h, duration: 3 h}
                simulation: {duration: 4 h, step: 5 min}
                """);
        SubjectExposure e = ExposureFixtures.typical(s);
        double t = e.grid().courseEndH() + 672;
        double exact = ExposureFixtures.exactAt(s, t).values(Observable.PAIN_EFFECT)[0];
        assertClose(exact, e.cePain(KE0, t), KE0 * e.grid().binWidthH() / 2, 0, "Ce,pain after a bolus mid-bin");
    }

    @Test
    void gridEndsTheCourseOnAnEdge() {
        ExposureGrid g = ExposureGrid.forCourse(100.5);
        assertEquals(101, g.courseBins());
        assertClose(100.5, g.courseEndH(), 1e-15, 0, "course end");
        assertTrue(g.binWidthH() <= 1);
        assertEquals(g.courseBins(), g.edgeIndex(100.5));
        assertEquals(-1, g.edgeIndex(100.7));
        ExposureGrid bolus = ExposureGrid.forCourse(0);
        assertEquals(0, bolus.courseBins());
        assertEquals(168, bolus.washoutBins());
    }

    /**
     * With the washout in closed form, the bins after the course end are never read: an exposure
     * holding the course's bins alone gives, to the bit, what one holding the whole grid gives, and
     * one without its washout is refused.
     */
    @Test
    void aCourseOnlyExposureGivesWhatTheWholeGridGives() {
        SubjectExposure whole = oneCompartment();
        ExposureGrid grid = whole.grid();
        int course = grid.courseBins();
        double[] edges = grid.edgesH();
        double[] auc = new double[course + 1];
        double[] cp = new double[course + 1];
        for (int j = 0; j <= course; j++) {
            auc[j] = superpose(t -> CSS * (t + Math.expm1(-A * t) / A), edges[j], END_H);
            cp[j] = superpose(t -> -CSS * Math.expm1(-A * t), edges[j], END_H);
        }
        List<SubjectExposure.Gap> washout = List.of(new SubjectExposure.Gap(course, SubjectExposure.Gap.OPEN,
                new FreeResponse(new double[] {-A}, new double[] {cp[course]})));
        SubjectExposure full = whole.withGaps(washout);
        SubjectExposure alone = SubjectExposure.ofCourse(grid, auc, cp, CSS, washout);
        assertTrue(alone.closedFormWashout());
        assertEquals(full.aucNgHPerMl(), alone.aucNgHPerMl(), 0.0);
        for (double t : new double[] {1, 37, END_H, END_H + 5, grid.lastEdgeH(), END_H + 672, END_H + 2016}) {
            assertEquals(full.cePain(KE0, t), alone.cePain(KE0, t), 0.0, "Ce,pain at " + t + " h");
            assertEquals(full.scaled(0.5).cePain(KE0, t), alone.scaled(0.5).cePain(KE0, t), 0.0,
                    "scaled, at " + t + " h");
        }
        assertClose(closedForm(KE0, END_H + 672), alone.cePain(KE0, END_H + 672), 1e-8, 0, "against the closed form");
        assertThrows(IllegalArgumentException.class, () -> SubjectExposure.ofCourse(grid, auc, cp, CSS, List.of()));
        assertThrows(IllegalArgumentException.class, () -> alone.withGaps(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SubjectExposure.ofCourse(grid, new double[course], cp, CSS, washout));
    }

    @Test
    void refusesTimesBetweenEdgesAndBadInput() {
        SubjectExposure e = ExposureFixtures.typical(ExposureFixtures.catalogue("trials/sigtermans2009.yaml"));
        IllegalArgumentException between = assertThrows(IllegalArgumentException.class, () -> e.cePain(KE0, 100.5));
        assertTrue(between.getMessage().contains("100.5 h"), between.getMessage());
        ExposureGrid g = ExposureGrid.forCourse(2);
        double[] three = new double[g.bins() + 1];
        assertThrows(IllegalArgumentException.class, () -> SubjectExposure.of(g, new double[2], three, 0, 0));
        double[] decreasing = new double[g.bins() + 1];
        decreasing[1] = 5;
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SubjectExposure.of(g, decreasing, three, 5, 0));
        assertTrue(bad.getMessage().contains("non-decreasing"), bad.getMessage());
    }
}
