package org.ketasim.core.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.Route;

class RegimenTest {

    @Test
    void titrationRisesEachIntervalUntilTheMaximumThenHoldsToTheEnd() {
        var t = new TitrationSchedule(1, 5, 2, 12, 10, 96, Route.IV);
        assertEquals(List.of(new RateSegment(1, 13, 5), new RateSegment(13, 25, 7), new RateSegment(25, 37, 9),
                new RateSegment(37, 97, 10)), t.rateSegments());
        assertEquals(5 * 12 + 7 * 12 + 9 * 12 + 10 * 60, t.administeredMg(1000), 1e-9);
        assertEquals(5 * 12 + 7 * 2, t.administeredMg(15), 1e-9);
    }

    @Test
    void titrationWithoutMaximumEndsMidIntervalAtItsDuration() {
        var t = new TitrationSchedule(0, 5, 2, 12, Double.POSITIVE_INFINITY, 30, Route.IV);
        assertEquals(List.of(new RateSegment(0, 12, 5), new RateSegment(12, 24, 7), new RateSegment(24, 30, 9)),
                t.rateSegments());
    }

    @Test
    void titrationWithZeroIncrementIsOneSegment() {
        var t = new TitrationSchedule(0, 5, 0, 1, Double.POSITIVE_INFINITY, 100, Route.IV);
        assertEquals(List.of(new RateSegment(0, 100, 5)), t.rateSegments());
    }

    @Test
    void stepsFollowOneAnother() {
        var s = new StepSchedule(2, List.of(new StepSchedule.Step(4, 1), new StepSchedule.Step(0, 0.5),
                new StepSchedule.Step(8, 2)), Route.IV);
        assertEquals(List.of(new RateSegment(2, 3, 4), new RateSegment(3, 3.5, 0), new RateSegment(3.5, 5.5, 8)),
                s.rateSegments());
        assertEquals(20, s.administeredMg(10), 1e-12);
    }

    @Test
    void bolusOverADurationIsAConstantInfusionOfThatAmount() {
        var c = ConstantInfusion.ofAmount(0, 35, 2.0 / 3, Route.IV);
        assertEquals(52.5, c.rateMgPerH(), 1e-12);
        assertEquals(35, c.administeredMg(1), 1e-12);
    }

    @Test
    void repeatCopiesTheWholeCourseShifted() {
        Regimen course = Regimen.of(Bolus.of(0, 10, Route.IV), new ConstantInfusion(1, 2, 5, Route.IV));
        Regimen repeated = course.repeated(24, 3);
        assertEquals(6, repeated.doses().size());
        assertEquals(List.of(0.0, 1.0, 24.0, 25.0, 48.0, 49.0),
                repeated.doses().stream().map(Dose::startH).toList());
        assertEquals(60, repeated.administeredMg(100), 1e-12);
        assertEquals(20 + 10 + 5, repeated.administeredMg(26), 1e-12);
    }

    @Test
    void aBolusAtTheEndTimeCounts() {
        assertEquals(10, Regimen.of(Bolus.of(8, 10, Route.IV)).administeredMg(8), 0);
        assertEquals(0, Regimen.of(Bolus.of(8, 10, Route.IV)).administeredMg(7.9), 0);
    }

    @Test
    void rejectsNegativeAndNonFiniteValuesNamingThem() {
        var e = assertThrows(IllegalArgumentException.class, () -> Bolus.of(0, -1, Route.IV));
        assertEquals("bolus amount must be zero or positive, got -1.0 mg", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConstantInfusion(0, 1, Double.NaN, Route.IV));
        assertThrows(IllegalArgumentException.class, () -> new TitrationSchedule(0, 5, 2, 0, 10, 5, Route.IV));
        assertThrows(IllegalArgumentException.class, () -> Regimen.of(Bolus.of(0, 1, Route.IV)).repeated(24, 0));
        assertEquals(0, new Regimen(List.of()).administeredMg(100), "an empty regimen (every dose decided by a "
                + "controller) gives nothing");
    }
}
