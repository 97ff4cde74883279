package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketasim.core.scenario.CompiledScenario;

/**
 * Predicted against observed for every published outcome in outcomes.md that ketasim can simulate
 * (docs/validation.md, "Outcomes"). Each regimen is a catalogue scenario on fanta-otto, 300
 * subjects with its published PK variability, 200 replicates, baseline NRS 7 (no trial's baseline
 * is in the sources read). An observed share or mean must lie inside the 95 % interval, with the
 * allowance stated at each assertion; where the model fails, the test pins the failure and says so.
 */
class OutcomeValidationTest {

    private static final int SUBJECTS = 300;
    private static final long SEED = 20_240_612L;
    /** Sigtermans' weeks count from the start of the 100-h infusion: week w ends at 168 w h. */
    private static final List<OutcomeTime> SIGTERMANS_TIMES = List.of(OutcomeTime.END,
            new OutcomeTime("week_1", 168 - 100), new OutcomeTime("week_2_after", 100 + 336 - 100),
            OutcomeTime.FOUR_WEEKS, new OutcomeTime("week_11", 11 * 168 - 100), new OutcomeTime("week_12", 12 * 168 - 100),
            OutcomeTime.TWELVE_WEEKS);

    private static OutcomeResult sigtermans;

    private static OutcomeResult simulate(String file, List<OutcomeTime> times) {
        CompiledScenario s = ExposureFixtures.catalogue(file);
        return simulate(ExposureFixtures.population(s, SUBJECTS, SEED), ExposureFixtures.course(s), times);
    }

    private static OutcomeResult simulate(List<SubjectExposure> e, CourseDescriptor course, List<OutcomeTime> times) {
        return PopulationOutcomes.simulate(e, course, OutcomeSettings.of(SEED).withTimes(times).withThreads(2));
    }

    private static void print(String what, OutcomeResult r) {
        StringBuilder b = new StringBuilder("== " + what + "\n");
        for (OutcomeRow row : r.rows()) {
            b.append(String.format(Locale.ROOT, "%-8s %-17s %-13s %.3f [%.3f, %.3f] %s%n", row.arm().id(),
                    row.measure().id(), row.time(), row.p(), row.pLo(), row.pHi(), row.reasonCodes()));
        }
        for (MeanReductionRow m : r.meanReductions()) {
            b.append(String.format(Locale.ROOT, "mean reduction %-13s drug %.2f [%.2f, %.2f] placebo %.2f [%.2f, %.2f] "
                            + "difference %.2f [%.2f, %.2f]%n", m.time(), m.drug().value(), m.drug().lo(),
                    m.drug().hi(), m.placebo().value(), m.placebo().lo(), m.placebo().hi(), m.difference().value(),
                    m.difference().lo(), m.difference().hi()));
        }
        System.out.print(b);
    }

    private static void assertInside(double observed, double lo, double hi, double allowance, String what) {
        assertTrue(observed >= lo - allowance && observed <= hi + allowance, String.format(Locale.ROOT,
                "%s: observed %.3f outside the predicted interval [%.3f, %.3f] with allowance %.2f", what, observed, lo,
                hi, allowance));
    }

    @BeforeAll
    static void simulateSigtermans() {
        sigtermans = simulate("trials/sigtermans2009.yaml", SIGTERMANS_TIMES);
        print("Sigtermans 2009", sigtermans);
    }

    /**
     * Sigtermans 2009: lowest mean NRS at the end of week 1, 2.68 +- 0.51 on S-ketamine and 5.45 +-
     * 0.48 on placebo [V]. Predicted NRS = 7 - mean reduction. Allowance 0: both lie inside.
     */
    @Test
    void sigtermansWeekOne() {
        MeanReductionRow w1 = sigtermans.meanReduction("week_1");
        assertInside(2.68, 7 - w1.drug().hi(), 7 - w1.drug().lo(), 0, "week 1 NRS on S-ketamine");
        assertInside(5.45, 7 - w1.placebo().hi(), 7 - w1.placebo().lo(), 0, "week 1 NRS on placebo");
        assertTrue(!w1.outsideEvidence(), "the trial itself is inside the evidence");
    }

    /**
     * Sigtermans 2009: at week 12 the difference was no longer significant (P = 0.07) [V]; with 30
     * per arm and an SD of about 2.7 NRS (SEM 0.5 x sqrt 30) a difference below 1.96 x 0.70 = 1.37
     * points is not significant. Predicted at week 12: below that. Known failure, pinned: weeks
     * 1-11 were significant [S], so the observed week-11 difference was at least about 1.37; the
     * model's interval at week 11 lies below it (relief wanes faster than observed at Dahan's point
     * estimates and even at the long end of the t½ interval).
     */
    @Test
    void sigtermansWeekTwelveAndTheWeekElevenFailure() {
        assertTrue(sigtermans.meanReduction("week_12").difference().value() < 1.37);
        assertTrue(sigtermans.meanReduction("week_11").difference().hi() < 1.37, "the documented failure changed: "
                + sigtermans.meanReduction("week_11") + "; update docs/validation.md");
    }

    /** Sigtermans 2009: psychomimetic effects 76 % on S-ketamine and 18 % on placebo [V]: the calibration's own data. */
    @Test
    void sigtermansPsychomimetic() {
        OutcomeRow drug = sigtermans.row(Arm.DRUG, Measure.PSYCHOMIMETIC, "course");
        OutcomeRow placebo = sigtermans.row(Arm.PLACEBO, Measure.PSYCHOMIMETIC, "course");
        assertInside(0.76, drug.pLo(), drug.pHi(), 0, "psychomimetic on S-ketamine");
        assertInside(0.18, placebo.pLo(), placebo.pHi(), 0, "psychomimetic on placebo");
    }

    /**
     * Orhurhu 2019, 7 RCTs of IV ketamine: pooled difference from placebo up to 2 weeks after the
     * infusion -1.83 NRS (95 % CI -2.35 to -1.31) [V]. Predicted for the Sigtermans regimen 2 weeks
     * after its end; allowance 0 (the trials' regimens differ; this one is in the pool).
     */
    @Test
    void orhurhuPooledDifference() {
        MeanReductionRow two = sigtermans.meanReduction("week_2_after");
        assertInside(1.83, two.difference().lo(), two.difference().hi(), 0, "difference 2 weeks after");
    }

    /**
     * Dahan 2011: analgesia outlasting the treatment by 50 days [V]. Predicted: the days after the
     * course end until a typical responder (typical C50 and t½, fanta-otto's typical exposure) has
     * less than 30 % relief (Farrar's clinically important change), over 400 draws of the
     * population values; 50 days must lie inside the 95 % interval, allowance 0.
     */
    @Test
    void dahanDurationOfAnalgesia() {
        SubjectExposure e = ExposureFixtures.typical(ExposureFixtures.catalogue("trials/sigtermans2009.yaml"));
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        double point = daysAbove30Percent(e, ReliefModel.DAHAN_2011.point());
        double[] days = new double[400];
        for (int k = 0; k < days.length; k++) {
            days[k] = daysAbove30Percent(e, ReliefModel.DAHAN_2011.draw(rng));
        }
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        System.out.printf(Locale.ROOT, "Dahan: relief >= 30 %% lasts %.1f days after the course [%.1f, %.1f]%n", point,
                q.evaluate(days, 2.5), q.evaluate(days, 97.5));
        assertInside(50, q.evaluate(days, 2.5), q.evaluate(days, 97.5), 0, "days of relief after the course");
    }

    /** Days after the course end until the relief fraction falls below 0.3: after the binned week, exact decay. */
    private static double daysAbove30Percent(SubjectExposure e, ReliefModel.Parameters p) {
        double k = p.ke0PerH();
        double threshold = p.c50NgPerMl() * Math.pow(0.3 / 0.7, 1 / p.gamma());
        double after = e.grid().lastEdgeH() + 1;
        double ce = e.cePain(k, after);
        double t = after + Math.log(ce / threshold) / k;
        return (t - e.grid().courseEndH()) / 24;
    }

    /**
     * Mangnus 2021 (Erasmus MC, 7-day S-ketamine up to 14 mg/h, retrospective, protocols.md 9b [V]):
     * responders (NRS drop &gt;= 2 or reported success) 62 % at the end, 48 % at about 4 weeks.
     * Predicted meets_2_points; allowance 0.05 for "or reported success".
     */
    @Test
    void erasmusRetrospective() {
        OutcomeResult r = simulate("trials/erasmus2021-retrospective.yaml", OutcomeTime.DEFAULTS);
        print("Erasmus 2021", r);
        OutcomeRow end = r.row(Arm.DRUG, Measure.MEETS_2_POINTS, "end");
        OutcomeRow four = r.row(Arm.DRUG, Measure.MEETS_2_POINTS, "4_weeks");
        assertInside(0.62, end.pLo(), end.pHi(), 0.05, "responders at the end");
        assertInside(0.48, four.pLo(), four.pHi(), 0.05, "responders at 4 weeks");
    }

    /**
     * Pickering 2020: one racemic 0.5 mg/kg infusion, 35-day pain AUC 185 +- 100 on ketamine and
     * 187 +- 90 on placebo [V]: no effect. The catalogue's examples/built-in-model.yaml is that dose
     * over 40 min (the infusion time is not in the sources read; any time gives the same AUC).
     * Predicted: at 4 weeks and 35 days every share within 0.02 of placebo and a mean difference
     * interval below 0.3 NRS; flagged (racemic, short course).
     */
    @Test
    void pickeringSingleInfusionHasNoLastingEffect() {
        OutcomeResult r = simulate("examples/built-in-model.yaml", List.of(OutcomeTime.END, new OutcomeTime("week_1",
                168), OutcomeTime.FOUR_WEEKS, new OutcomeTime("day_35", 35 * 24)));
        print("Pickering-like single infusion", r);
        for (String t : List.of("4_weeks", "day_35")) {
            for (Measure m : List.of(Measure.MEETS_2_POINTS, Measure.MEETS_3_POINTS, Measure.MEETS_30_PERCENT,
                    Measure.MEETS_50_PERCENT)) {
                double d = r.row(Arm.DRUG, m, t).p() - r.row(Arm.PLACEBO, m, t).p();
                assertTrue(Math.abs(d) <= 0.02, m.id() + " at " + t + ": drug over placebo " + d);
            }
            assertTrue(r.meanReduction(t).difference().hi() < 0.3, r.meanReduction(t).toString());
        }
        OutcomeRow row = r.row(Arm.DRUG, Measure.MEETS_2_POINTS, "day_35");
        assertTrue(row.outsideEvidence());
        assertEquals("racemic_dose;course_shorter_than_trial", row.reasonCodes());
        OutcomeRow placeboAe = r.row(Arm.PLACEBO, Measure.PSYCHOMIMETIC, "course");
        assertInside(0.10, placeboAe.pLo(), placeboAe.pHi(), 0, "Pickering placebo adverse events");
    }

    /**
     * Vranken 2005 (iontophoretic S-ketamine 50 or 75 mg/day for a week, central pain): no
     * difference from placebo [V]. The catalogue files take the whole loaded amount as absorbed (an
     * upper bound). Predicted: flagged (route); at that upper bound a difference at the end (a
     * failure unless little is delivered); with 10 % delivered, within 0.5 NRS of placebo.
     */
    @Test
    void vrankenIontophoresis() {
        for (String file : List.of("trials/vranken2005-k50.yaml", "trials/vranken2005-k75.yaml")) {
            CompiledScenario s = ExposureFixtures.catalogue(file);
            List<SubjectExposure> e = ExposureFixtures.population(s, SUBJECTS, SEED);
            CourseDescriptor course = ExposureFixtures.course(s);
            OutcomeResult full = simulate(e, course, OutcomeTime.DEFAULTS);
            OutcomeResult tenth = simulate(e.stream().map(x -> x.scaled(0.1)).toList(), course, OutcomeTime.DEFAULTS);
            print(file + " (all absorbed)", full);
            print(file + " (10 % absorbed)", tenth);
            assertEquals("route_without_pd_evidence", full.row(Arm.DRUG, Measure.MEETS_2_POINTS, "end").reasonCodes());
            assertTrue(full.meanReduction("end").difference().value() > 0.5, "the stated failure at F = 1");
            assertTrue(tenth.meanReduction("end").difference().value() < 0.5);
        }
    }

    /**
     * Kiefer 2008 (anaesthetic racemic ketamine in ICU, 5 days): "full remission" at 3 months in 65 %
     * of 20 [S]. Predicted meets_50_percent at 12 weeks: flagged (racemic, peak, rate); the observed
     * 65 % lies above the interval: the model fails there, as expected outside its evidence.
     */
    @Test
    void kieferIsOutsideTheEvidenceAndMissed() {
        OutcomeResult r = simulate("trials/kiefer-anaesthetic-icu.yaml", OutcomeTime.DEFAULTS);
        print("Kiefer anaesthetic ICU", r);
        OutcomeRow row = r.row(Arm.DRUG, Measure.MEETS_50_PERCENT, "12_weeks");
        assertEquals("racemic_dose;peak_above_calibration;rate_above_calibration", row.reasonCodes());
        assertTrue(row.pHi() < 0.65, "the documented miss changed: " + row + "; update docs/validation.md");
    }

    /**
     * Regimens reported in docs/validation.md without a published outcome to compare: printed, and
     * checked only for what must hold for any regimen: the drug arm is never below placebo.
     */
    @Test
    void printCatalogueRegimens() {
        List<String> lines = new ArrayList<>();
        for (String file : List.of("dutch-survey/nl-inpatient-median.yaml", "dutch-survey/nl-outpatient-median.yaml",
                "trials/ketcrps2-arm-a.yaml", "trials/schwartzman2009.yaml")) {
            OutcomeResult r = simulate(file, OutcomeTime.DEFAULTS);
            for (String t : List.of("end", "4_weeks", "12_weeks")) {
                OutcomeRow d = r.row(Arm.DRUG, Measure.MEETS_30_PERCENT, t);
                OutcomeRow p = r.row(Arm.PLACEBO, Measure.MEETS_30_PERCENT, t);
                assertTrue(d.p() >= p.p(), file + " at " + t);
                lines.add(String.format(Locale.ROOT, "%s %s meets_30_percent drug %.2f [%.2f, %.2f] placebo %.2f "
                        + "[%.2f, %.2f] %s", file, t, d.p(), d.pLo(), d.pHi(), p.p(), p.pLo(), p.pHi(), d.reasonCodes()));
            }
            OutcomeRow psy = r.row(Arm.DRUG, Measure.PSYCHOMIMETIC, "course");
            lines.add(String.format(Locale.ROOT, "%s psychomimetic %.2f [%.2f, %.2f]", file, psy.p(), psy.pLo(),
                    psy.pHi()));
        }
        lines.forEach(System.out::println);
        assertEquals(16, lines.size());
    }
}
