package org.ketasim.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.scenario.Scenario;

/**
 * The teaching exercises: each is built on a scenario of the catalogue's {@code teaching} (or
 * survey) folder, whose patient, model and time the resident titrates, and whose regimen is the
 * solution shown afterwards. An exercise is offered only when its scenario is in the catalogue.
 * The goals were checked against the solutions (see the tests). Immutable and thread-safe.
 */
final class Exercises {

    /**
     * One exercise.
     *
     * @param id       the exercise's id
     * @param title    one line
     * @param brief    what the resident is asked to do
     * @param solution the catalogue scenario whose patient is titrated and whose regimen is the solution
     * @param goals    the goals, each scoring equally
     */
    record Exercise(String id, String title, String brief, Catalogue.Entry solution, List<Goal> goals) {
        /** Copies the list. */
        Exercise {
            goals = List.copyOf(goals);
        }

        /** @return the simulated time of the exercise (h): the solution scenario's */
        double durationH() {
            return solution.scenario().simulation().durationH();
        }

        /** @return the solution scenario */
        Scenario scenario() {
            return solution.scenario();
        }
    }

    private final List<Exercise> exercises;

    /** @param catalogue where the exercises' scenarios are */
    Exercises(Catalogue catalogue) {
        List<Exercise> list = new ArrayList<>();
        add(list, catalogue, "reach-100", "Reach 100 ng/mL within an hour, never pass 150",
                "Bring S-ketamine in plasma to 100 ng/mL within the first hour and keep it between 100 and 150 ng/mL "
                        + "until 3 h, without ever passing 150. A bolus and a higher first rate help; watch the "
                        + "distribution into the tissues.",
                "teaching/exercise-reach-100-within-an-hour",
                List.of(new Goal.Reach(100, 1), new Goal.Stay(100, 150, 1, 3), new Goal.NeverAbove(150)));
        add(list, catalogue, "loading-dose", "A loading dose before the infusion",
                "Reach 80 ng/mL within 30 minutes, then hold plasma between 80 and 200 ng/mL until the 4-hour "
                        + "mark without ever passing 200. An infusion alone takes hours to get there.",
                "teaching/bolus-before-infusion",
                List.of(new Goal.Reach(80, 0.5), new Goal.Stay(80, 200, 0.5, 4), new Goal.NeverAbove(200)));
        add(list, catalogue, "slow-titration", "Titrate up without overshooting",
                "Raise the rate step by step so that plasma reaches 150 ng/mL by 10 h but never passes 250 ng/mL: "
                        + "each rate needs time to show its effect before the next step.",
                "teaching/slow-titration-every-2-h",
                List.of(new Goal.Reach(150, 10), new Goal.NeverAbove(250)));
        add(list, catalogue, "inpatient-relief", "An inpatient course to relief without psychomimetic effects",
                "Give a 4-day inpatient infusion so that a typical responder's expected NRS reduction is at least "
                        + "2 points at day 11, while a typical volunteer's drug-high score stays below 0.5 throughout. "
                        + "Pain relief follows the concentration with a half-life of about 11 days (Dahan 2011): "
                        + "speed time up.",
                "dutch-survey/nl-inpatient-constant-5mgh",
                List.of(new Goal.ResponderRelief(2), new Goal.VolunteerDrugHighBelow(0.5)));
        this.exercises = List.copyOf(list);
    }

    private static void add(List<Exercise> list, Catalogue catalogue, String id, String title, String brief,
                            String key, List<Goal> goals) {
        catalogue.find(key).ifPresent(e -> list.add(new Exercise(id, title, brief, e, goals)));
    }

    /** @return the exercises offered */
    List<Exercise> all() {
        return exercises;
    }

    /**
     * @param id an exercise's id
     * @return the exercise, if offered
     */
    Optional<Exercise> find(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
