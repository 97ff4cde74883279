package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Route;

class EvidenceTest {

    private static CourseDescriptor course(Set<Route> routes, boolean racemic, double peak, double rate,
                                           CourseDescriptor.Period... periods) {
        return new CourseDescriptor(routes, racemic, List.of(periods), peak, rate, false);
    }

    private static List<EvidenceReason.Limit> limits(EvidenceFlag f) {
        return f.reasons().stream().map(EvidenceReason::limit).toList();
    }

    @Test
    void theTrialItselfIsInside() {
        CourseDescriptor sigtermans = ExposureFixtures.course(ExposureFixtures.catalogue("trials/sigtermans2009.yaml"));
        for (Arm arm : Arm.values()) {
            EvidenceFlag f = Evidence.assess(sigtermans, arm);
            assertFalse(f.outside(), f.toString());
            assertEquals("", f.codes());
        }
    }

    @Test
    void eachLimitIsFlaggedWithItsNumbers() {
        CourseDescriptor all = course(Set.of(Route.IV, Route.IONTOPHORETIC), true, 1838, 2.5,
                new CourseDescriptor.Period(0, 6), new CourseDescriptor.Period(24, 30));
        EvidenceFlag drug = Evidence.assess(all, Arm.DRUG);
        assertEquals(List.of(EvidenceReason.Limit.ROUTE, EvidenceReason.Limit.RACEMIC, EvidenceReason.Limit.PEAK,
                EvidenceReason.Limit.RATE, EvidenceReason.Limit.SHORT_COURSE, EvidenceReason.Limit.SESSIONS), limits(drug));
        assertEquals("route_without_pd_evidence;racemic_dose;peak_above_calibration;rate_above_calibration;"
                + "course_shorter_than_trial;several_sessions", drug.codes());
        assertTrue(drug.reasons().get(0).text().contains("iontophoretic"));
        assertTrue(drug.reasons().get(2).text().contains("1838 ng/mL"), drug.reasons().get(2).text());
        assertTrue(drug.reasons().get(3).text().contains("2.5 mg/kg/h"), drug.reasons().get(3).text());
        assertTrue(drug.reasons().get(4).text().contains("30 h"), drug.reasons().get(4).text());
        assertEquals(List.of(EvidenceReason.Limit.ROUTE, EvidenceReason.Limit.SHORT_COURSE,
                EvidenceReason.Limit.SESSIONS), limits(Evidence.assess(all, Arm.PLACEBO)));
    }

    @Test
    void thresholdsAreWhereDocumented() {
        assertFalse(Evidence.assess(course(Set.of(Route.IV), false, 600, 0.857, new CourseDescriptor.Period(0, 48)),
                Arm.DRUG).outside());
        assertEquals(List.of(EvidenceReason.Limit.PEAK, EvidenceReason.Limit.RATE, EvidenceReason.Limit.SHORT_COURSE),
                limits(Evidence.assess(course(Set.of(Route.IV), false, 601, 0.858,
                        new CourseDescriptor.Period(0, 47.9)), Arm.DRUG)));
        assertFalse(Evidence.assess(course(Set.of(Route.IV), false, 1, 0.1, new CourseDescriptor.Period(0, 240)),
                Arm.DRUG).outside());
        assertEquals(List.of(EvidenceReason.Limit.LONG_COURSE), limits(Evidence.assess(course(Set.of(Route.IV), false,
                1, 0.1, new CourseDescriptor.Period(0, 240.5)), Arm.PLACEBO)));
    }

    @Test
    void touchingPeriodsAreOneSession() {
        CourseDescriptor c = course(Set.of(Route.IV), false, 1, 0.1, new CourseDescriptor.Period(8, 100),
                new CourseDescriptor.Period(0, 8), new CourseDescriptor.Period(50, 60));
        assertEquals(1, c.sessions());
        assertEquals(100, c.spanH());
        assertThrows(IllegalArgumentException.class, () -> course(Set.of(), false, 1, 0.1,
                new CourseDescriptor.Period(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> new CourseDescriptor.Period(5, 4));
    }

    /** Noppers 2011: two 100-h infusions 16 days apart warn; 29 days apart, 23-h infusions, or one do not. */
    @Test
    void repeatedLongInfusionsWithinFourWeeksWarn() {
        CourseDescriptor noppers = course(Set.of(Route.IV), false, 200, 0.29, new CourseDescriptor.Period(0, 100),
                new CourseDescriptor.Period(100 + 16 * 24, 200 + 16 * 24));
        RepeatedInfusionWarning w = RepeatedInfusionWarning.check(noppers).orElseThrow();
        assertEquals(2, w.longInfusions());
        assertEquals(16, w.shortestGapDays(), 1e-12);
        assertTrue(w.text().contains("Noppers 2011") && w.text().contains("3 of 6"), w.text());
        assertTrue(RepeatedInfusionWarning.check(course(Set.of(Route.IV), false, 200, 0.29,
                new CourseDescriptor.Period(0, 100), new CourseDescriptor.Period(100 + 29 * 24, 200 + 29 * 24)))
                .isEmpty());
        assertTrue(RepeatedInfusionWarning.check(course(Set.of(Route.IV), false, 200, 0.29,
                new CourseDescriptor.Period(0, 23), new CourseDescriptor.Period(48, 71))).isEmpty());
        assertTrue(RepeatedInfusionWarning.check(ExposureFixtures.course(
                ExposureFixtures.catalogue("trials/sigtermans2009.yaml"))).isEmpty());
        assertTrue(RepeatedInfusionWarning.check(ExposureFixtures.course(
                ExposureFixtures.catalogue("dutch-survey/nl-inpatient-median-repeat-4-months.yaml"))).isEmpty());
    }
}
