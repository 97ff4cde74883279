package org.ketasim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.Ketasim;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Route;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.PopulationSpec;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.TitrationSession;
import org.ketasim.core.units.Quantity;

/**
 * One teaching session at the pump, on the core's live {@link TitrationSession}: free titration,
 * an exercise (scored at the end against its goals, with the solution), or the unknown patient
 * (the resident sees only what a clinician sees: time, pump, pain score, psychomimetic signs and
 * the plasma levels ordered, each ready an hour after it is drawn; the truth is shown at the end).
 * The browser lets simulated time run by asking for it in small steps. A finished session is a
 * scenario, written by the codec, that {@code ketasim run} reproduces, and a short transcript.
 * Thread-safe (every method is synchronized).
 */
final class TeachingSession {

    /** What kind of session. */
    enum Kind {
        /** Free titration on the model's typical patient. */
        FREE,
        /** An exercise with goals, on the exercise's patient. */
        EXERCISE,
        /** A patient drawn from the model's population, seen as a clinician sees one. */
        UNKNOWN
    }

    /** The longest one step of running time may be (h). */
    static final double MAX_STEP_H = 24;
    /** How long a plasma level takes to come back from the laboratory (h). */
    static final double LAB_DELAY_H = 1;

    /** A plasma level ordered: drawn at a time, ready an hour later. */
    private record Lab(double drawnH, double value) {
    }

    private final Kind kind;
    private final Optional<Exercises.Exercise> exercise;
    private final Scenario patient;
    private final CompiledScenario compiled;
    private final Optional<UnknownPatient> unknown;
    private final TitrationSession session;
    private final List<Lab> labs = new ArrayList<>();
    private final StringBuilder transcript = new StringBuilder();
    private boolean finished;
    private long lastUsedMs = System.currentTimeMillis();

    /**
     * @param kind     what kind of session
     * @param exercise the exercise, for an exercise session
     * @param patient  the patient's scenario (model, weight, drug, baseline; its doses are not given)
     * @param seed     the unknown patient's seed (used only for that kind)
     */
    TeachingSession(Kind kind, Optional<Exercises.Exercise> exercise, Scenario patient, long seed) {
        this.kind = kind;
        this.exercise = exercise;
        this.patient = patient;
        this.compiled = patient.compile();
        this.unknown = kind == Kind.UNKNOWN ? Optional.of(UnknownPatient.draw(compiled, seed)) : Optional.empty();
        this.session = unknown.map(u -> new TitrationSession(compiled, u.individual(), Engine.MODAL))
                .orElseGet(() -> new TitrationSession(compiled, Engine.MODAL));
        log(String.format(Locale.ROOT, "%s session: model %s, %.4g kg, baseline NRS %.4g%s", kind.name().toLowerCase(
                Locale.ROOT), compiled.modelId(), compiled.weightKg(), compiled.baselineNrs(),
                exercise.map(e -> ", exercise: " + e.title()).orElse("")));
    }

    /** @return when the session was last used (epoch ms) */
    synchronized long lastUsedMs() {
        return lastUsedMs;
    }

    /**
     * Does one action and answers the view.
     *
     * @param action {@code rate}, {@code bolus}, {@code advance}, {@code undo}, {@code lab} or {@code view}
     * @param value  the rate (mg/h), the bolus (mg) or the time to run (h)
     * @return what the resident sees now
     * @throws InputException naming the action, for a value out of range or a finished session
     */
    synchronized Map<String, Object> act(String action, double value) {
        lastUsedMs = System.currentTimeMillis();
        if (finished && !action.equals("view")) {
            throw problem(action, "the session is finished; start a new one");
        }
        try {
            switch (action) {
                case "rate" -> {
                    session.setRate(value);
                    log(String.format(Locale.ROOT, "%s  rate %.4g mg/h", clock(), value));
                }
                case "bolus" -> {
                    session.bolus(value);
                    log(String.format(Locale.ROOT, "%s  bolus %.4g mg", clock(), value));
                }
                case "advance" -> {
                    if (!(value > 0 && value <= MAX_STEP_H)) {
                        throw problem(action, "time runs in steps of more than 0 and at most " + (int) MAX_STEP_H
                                + " h, got " + value + " h");
                    }
                    session.waitFor(Math.min(value, TitrationSession.MAX_HOURS - session.status().timeH()));
                }
                case "undo" -> {
                    if (!session.undo()) {
                        throw problem(action, "nothing to undo");
                    }
                    double now = session.status().timeH();
                    labs.removeIf(l -> l.drawnH() > now + 1e-9);
                    log(clock() + "  undo");
                }
                case "lab" -> {
                    double now = session.status().timeH();
                    labs.add(new Lab(now, unknown.map(u -> u.measure(session.status().cp()))
                            .orElse(session.status().cp())));
                    log(clock() + "  plasma level ordered");
                }
                case "view" -> {
                    // nothing to do: the view follows
                }
                default -> throw problem("action", "unknown action '" + action + "'");
            }
        } catch (IllegalArgumentException e) {
            throw problem(action, e.getMessage());
        }
        return view();
    }

    private Map<String, Object> view() {
        TitrationSession.Status s = session.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name().toLowerCase(Locale.ROOT));
        m.put("timeH", s.timeH());
        m.put("rateMgPerH", s.rateMgPerH());
        m.put("givenMg", s.givenMg());
        m.put("finished", finished);
        m.put("labs", labs.stream().map(l -> {
            Map<String, Object> lab = new LinkedHashMap<>();
            lab.put("drawnH", l.drawnH());
            lab.put("readyH", l.drawnH() + LAB_DELAY_H);
            lab.put("ngPerMl", s.timeH() + 1e-9 >= l.drawnH() + LAB_DELAY_H ? l.value() : null);
            return lab;
        }).toList());
        m.put("pump", pump());
        if (unknown.isPresent()) {
            UnknownPatient u = unknown.get();
            m.put("nrs", u.nrs(compiled.baselineNrs(), s.cePain(), s.givenMg() > 0));
            m.put("signs", Double.isNaN(s.ce()) ? "not observable with this model"
                    : u.signs(s.ce()) ? "psychomimetic signs: feels 'high', dissociated, altered perception"
                    : "no psychomimetic signs");
            if (finished) {
                m.put("truth", truth());
            }
        } else {
            m.putAll(truth());
        }
        return m;
    }

    /** The concentrations: always shown in free and exercise sessions, at the end of an unknown-patient one. */
    private Map<String, Object> truth() {
        TitrationSession.Status s = session.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cp", s.cp());
        m.put("ce", Json.number(s.ce()));
        m.put("cm", Json.number(s.cm()));
        m.put("volunteerDrugHigh", Json.number(s.drugHigh()));
        m.put("responderNrsReduction", Json.number(s.nrsReduction()));
        List<TitrationSession.Sample> samples = session.samples(TitrationSession.MAX_HOURS);
        double[] t = samples.stream().mapToDouble(TitrationSession.Sample::timeH).toArray();
        double[] cp = samples.stream().mapToDouble(TitrationSession.Sample::cp).toArray();
        double[] ce = samples.stream().mapToDouble(TitrationSession.Sample::ce).toArray();
        int[] rows = Thinning.rows(cp, null, WebLimits.MAX_CURVE_POINTS);
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("t", Thinning.pick(t, rows));
        curve.put("cp", Thinning.pick(cp, rows));
        if (!Double.isNaN(s.ce())) {
            curve.put("ce", Thinning.pick(ce, rows));
        }
        m.put("curve", curve);
        return m;
    }

    /** @return the pump's rate from each change on, as {t, rate} pairs, from the session's doses */
    private List<double[]> pump() {
        List<double[]> points = new ArrayList<>();
        double t = 0;
        for (DoseSpec d : session.doses()) {
            if (d instanceof DoseSpec.Steps steps) {
                for (DoseSpec.Step st : steps.steps()) {
                    points.add(new double[] {t, st.rate().internalValue()});
                    t += st.duration().internalValue();
                }
            }
        }
        points.add(new double[] {session.status().timeH(), session.rateMgPerH()});
        return points;
    }

    /**
     * Ends the session: the scenario (YAML) and transcript, the exercise's score and solution, the
     * unknown patient's truth.
     *
     * @return all of it, with the last view
     */
    synchronized Map<String, Object> finish() {
        lastUsedMs = System.currentTimeMillis();
        finished = true;
        double end = Math.max(session.status().timeH(), exercise.map(Exercises.Exercise::durationH).orElse(0.0));
        Map<String, Object> m = new LinkedHashMap<>();
        log(clock() + "  finished");
        if (end <= 0) {
            m.put("view", view());
            m.put("transcript", transcript.toString());
            m.put("message", "no time has passed, so there is no session to save");
            return m;
        }
        Scenario s = scenario(end);
        m.put("yaml", Ketasim.toYaml(s));
        m.put("fileName", s.id() + ".yaml");
        exercise.ifPresent(e -> m.put("score", score(e, s)));
        unknown.ifPresent(u -> {
            Map<String, Object> reveal = new LinkedHashMap<>(u.reveal());
            PatientResult typical = Ketasim.simulate(s.withPopulation(Optional.empty()));
            int[] rows = Thinning.rows(typical.series().values(Observable.PARENT), null,
                    WebLimits.MAX_CURVE_POINTS);
            reveal.put("typicalT", Thinning.pick(typical.series().timesH(), rows));
            reveal.put("typicalCp", Thinning.pick(typical.series().values(Observable.PARENT),
                    rows));
            m.put("reveal", reveal);
            log(String.format(Locale.ROOT, "the patient: %s, %s, parameters x %s", u.reveal().get("responder")
                    .equals(Boolean.TRUE) ? "a responder" : "a non-responder", "sensitivity "
                    + String.format(Locale.ROOT, "%.2f", (double) u.reveal().get("sensitivity")), u.reveal().get("factors")));
        });
        m.put("view", view());
        m.put("transcript", transcript.toString());
        return m;
    }

    /**
     * @param durationH how long to simulate (h)
     * @return the session as a scenario: the pump's rates as steps from 0 and the boluses, on the
     *         session's patient (for the unknown patient, the population key that draws it again)
     */
    synchronized Scenario scenario(double durationH) {
        List<DoseSpec> doses = session.doses();
        String id = switch (kind) {
            case FREE -> "titration-session";
            case EXERCISE -> "exercise-" + exercise.orElseThrow().id();
            case UNKNOWN -> "unknown-patient-session";
        };
        String notes = "Written by ketasim serve (teaching, " + kind.name().toLowerCase(Locale.ROOT) + " session)."
                + (kind == Kind.UNKNOWN ? " The patient is subject 0 of the model's population with seed "
                + unknown.orElseThrow().seed() + ": the population key below draws it again in ketasim run." : "");
        return Scenario.builder().id(id).title("Titration session" + exercise.map(e -> ": " + e.title()).orElse(""))
                .source("ketasim serve").notes(notes).drug(patient.drug()).salt(patient.salt()).model(patient.model())
                .patient(patient.patient())
                .regimen(new RegimenSpec(Optional.empty(), Optional.of(Route.IV),
                        doses.isEmpty() ? List.of(DoseSpec.bolus("0 mg")) : doses, Optional.empty()))
                .simulation(new SimulationSpec(Quantity.of(durationH, "h"), Quantity.of(Math.min(1, durationH * 60),
                        "min")))
                .population(unknown.map(u -> new PopulationSpec(Optional.of(1), Optional.of(u.seed()),
                        Optional.empty(), List.of(), List.of(), Optional.empty()))).build();
    }

    private static Map<String, Object> score(Exercises.Exercise e, Scenario session) {
        List<Goal.Result> mine = judge(e, session);
        List<Goal.Result> solution = judge(e, e.scenario());
        PatientResult sol = Ketasim.simulate(e.scenario());
        Map<String, Object> m = new LinkedHashMap<>();
        long met = mine.stream().filter(Goal.Result::met).count();
        m.put("percent", Math.round(100.0 * met / mine.size()));
        m.put("goals", mine);
        m.put("solutionTitle", e.scenario().title());
        m.put("solutionNotes", e.scenario().notes());
        m.put("solutionGoals", solution);
        int[] rows = Thinning.rows(sol.series().values(Observable.PARENT),
                sol.series().pumpRatesMgPerH(), WebLimits.MAX_CURVE_POINTS);
        m.put("solutionT", Thinning.pick(sol.series().timesH(), rows));
        m.put("solutionCp", Thinning.pick(sol.series().values(Observable.PARENT), rows));
        m.put("solutionRate", Thinning.pick(sol.series().pumpRatesMgPerH(), rows));
        return m;
    }

    /**
     * @param e an exercise
     * @param s a scenario on its patient
     * @return every goal judged on the scenario simulated over the exercise's time at a one-minute step
     */
    static List<Goal.Result> judge(Exercises.Exercise e, Scenario s) {
        Scenario grid = s.withSimulation(new SimulationSpec(Quantity.of(e.durationH(), "h"), Quantity.of(1, "min")));
        PatientResult r = Ketasim.simulate(grid);
        return e.goals().stream().map(g -> g.judge(r)).toList();
    }

    private String clock() {
        return Goal.hours(session.status().timeH());
    }

    private void log(String line) {
        transcript.append(line).append('\n');
    }

    private static InputException problem(String key, String problem) {
        return new InputException(new Location("session", 0, key), problem);
    }
}
