package org.ketasim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ketasim.core.Ketasim;
import org.ketasim.core.model.Observable;
import org.ketasim.core.population.PopulationResult;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.Scenario;

/** Exercises, their scoring, and the unknown patient. */
class TeachingTest {

    private static final Catalogue CATALOGUE = Catalogue.read(Path.of("../scenarios"));
    private static final Exercises EXERCISES = new Exercises(CATALOGUE);

    @Test
    void everyExerciseIsOfferedAndItsSolutionMeetsEveryGoal() {
        assertEquals(List.of("reach-100", "loading-dose", "slow-titration", "inpatient-relief"),
                EXERCISES.all().stream().map(Exercises.Exercise::id).toList());
        for (Exercises.Exercise e : EXERCISES.all()) {
            for (Goal.Result r : TeachingSession.judge(e, e.scenario())) {
                assertTrue(r.met(), e.id() + ": " + r.goal() + ": " + r.detail());
            }
        }
    }

    @Test
    void doingNothingOrTooMuchMissesGoals() {
        for (Exercises.Exercise e : EXERCISES.all()) {
            TeachingSession idle = new TeachingSession(TeachingSession.Kind.EXERCISE, Optional.of(e), e.scenario(), 0);
            idle.act("advance", 1);
            @SuppressWarnings("unchecked")
            Map<String, Object> score = (Map<String, Object>) idle.finish().get("score");
            assertTrue((long) score.get("percent") < 100, e.id());
        }
        Exercises.Exercise reach = EXERCISES.find("reach-100").orElseThrow();
        TeachingSession fast = new TeachingSession(TeachingSession.Kind.EXERCISE, Optional.of(reach), reach.scenario(), 0);
        fast.act("bolus", 60);
        fast.act("rate", 60);
        fast.act("advance", 3);
        @SuppressWarnings("unchecked")
        List<Goal.Result> goals = (List<Goal.Result>) ((Map<String, Object>) fast.finish().get("score")).get("goals");
        assertFalse(goals.get(2).met(), goals.toString());
    }

    @Test
    void theSolutionPlayedAtThePumpScoresFullMarks() {
        Exercises.Exercise reach = EXERCISES.find("reach-100").orElseThrow();
        TeachingSession s = new TeachingSession(TeachingSession.Kind.EXERCISE, Optional.of(reach), reach.scenario(), 0);
        s.act("rate", 12 * 6 + 25);
        s.act("advance", 10.0 / 60);
        s.act("rate", 25);
        s.act("advance", 50.0 / 60);
        s.act("rate", 16);
        s.act("advance", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> score = (Map<String, Object>) s.finish().get("score");
        assertEquals(100L, score.get("percent"), score.get("goals").toString());
    }

    @Test
    void theUnknownPatientShowsNoConcentrationsUntilTheEndAndItsScenarioDrawsItAgain() {
        Scenario patient = Designs.scratch();
        TeachingSession s = new TeachingSession(TeachingSession.Kind.UNKNOWN, Optional.empty(), patient, 123_456);
        s.act("rate", 20);
        Map<String, Object> view = s.act("advance", 2);
        assertNull(view.get("cp"));
        assertNull(view.get("truth"));
        assertNotNull(view.get("nrs"));
        s.act("lab", 0);
        s.act("advance", 0.5);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> labs = (List<Map<String, Object>>) s.act("view", 0).get("labs");
        assertNull(labs.get(0).get("ngPerMl"), "ready only an hour after it is drawn");
        s.act("advance", 1);
        Map<String, Object> end = s.finish();
        @SuppressWarnings("unchecked")
        Map<String, Object> truth = (Map<String, Object>) ((Map<String, Object>) end.get("view")).get("truth");
        double trueCp = (double) truth.get("cp");
        Scenario again = Ketasim.parse("session.yaml", (String) end.get("yaml"));
        assertEquals(123_456L, again.population().orElseThrow().seed().orElseThrow());
        PopulationResult run = Ketasim.population(again, PopulationSettings.of(1, 123_456)).result();
        double[] t = run.timesH();
        double[] cp = run.bands().get(Observable.PARENT)[0];
        assertEquals(3.5, t[t.length - 1], 1e-9);
        assertEquals(trueCp, cp[cp.length - 1], 1e-9 * trueCp);
        double typical = Ketasim.simulate(again.withPopulation(Optional.empty())).summary().cmaxNgPerMl();
        assertTrue(Math.abs(typical - trueCp) > 1e-6 * trueCp, "a drawn patient differs from the typical one");
        assertThrows(InputException.class, () -> s.act("rate", 5));
    }
}
