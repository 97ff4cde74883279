package org.ketasim.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.pd.PdCurves;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.Breakpoints;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.Plausibility;
import org.ketasim.core.units.Quantity;

/**
 * An interactive titration on one patient, as a resident at a pump: set a rate, give a bolus, let
 * time pass, look. It runs the engine's live {@link Propagator}: letting time pass costs that time,
 * nothing is re-simulated, so a session is linear in its length. Undo replays the session without
 * its last action. The doses given become a scenario's doses ({@link #doses()}) that reproduce the
 * session. Not thread-safe.
 */
public final class TitrationSession {

    /** The longest session (h): 30 days. */
    public static final double MAX_HOURS = 30 * 24;
    /**
     * The most rate changes and boluses a session takes: its scenario file ({@link #doses()}, one
     * step or bolus each, under 80 characters) then stays well within the 1,000,000 characters a
     * scenario file may have, so that {@code ketasim run} reads back whatever a session wrote.
     */
    public static final int MAX_DOSING_ACTIONS = 10_000;
    /** Samples kept for charts, one a minute of simulated time. */
    private static final double SAMPLE_H = 1.0 / 60;

    /**
     * The patient now.
     *
     * @param timeH        elapsed time (h)
     * @param rateMgPerH   the pump rate (mg/h)
     * @param givenMg      the amount given so far (mg)
     * @param cp           plasma concentration (ng/mL)
     * @param ce           effect-site concentration (ng/mL), NaN without an effect site
     * @param cm           metabolite concentration (ng/mL), NaN without a metabolite
     * @param cePain       pain effect-site concentration (ng/mL), NaN without the pain effect site
     * @param nrsReduction a responder's expected NRS reduction (points), NaN without the pain effect site
     * @param drugHigh     the drug-high score of a typical volunteer (0 to 1), NaN without an effect site
     */
    public record Status(double timeH, double rateMgPerH, double givenMg, double cp, double ce, double cm,
                         double cePain, double nrsReduction, double drugHigh) {
    }

    /**
     * One sample of the curves.
     *
     * @param timeH time (h)
     * @param cp    plasma concentration (ng/mL)
     * @param ce    effect-site concentration (ng/mL), NaN without one
     */
    public record Sample(double timeH, double cp, double ce) {
    }

    /** One action of the session: a rate from now, a bolus now, or time passing. */
    private record Action(Kind kind, double value) {
    }

    private enum Kind { RATE, BOLUS, WAIT }

    private final CompiledScenario patient;
    private final Engine engine;
    private final Plan plan;
    private final List<Action> actions = new ArrayList<>();
    private Propagator propagator;
    private double rate;
    private int dosingActions;
    private final List<Sample> samples = new ArrayList<>();

    /**
     * @param patient the patient (model, weight, baseline); its own doses are not given
     * @param engine  how intervals are taken
     */
    public TitrationSession(CompiledScenario patient, Engine engine) {
        this(patient, patient.plan().system(), engine);
    }

    /**
     * A session on one subject of the scenario's population rather than its typical patient.
     *
     * @param patient    the patient (weight, baseline, drug form); its own doses are not given
     * @param individual the subject's model, weight scaling and variability applied (see
     *                   {@link org.ketasim.core.model.Variability#apply})
     * @param engine     how intervals are taken
     */
    public TitrationSession(CompiledScenario patient, PkModel individual, Engine engine) {
        this(patient, patient.plan(individual).system(), engine);
    }

    private TitrationSession(CompiledScenario patient, LinearSystem system, Engine engine) {
        this.patient = patient;
        this.engine = engine;
        this.plan = new Plan(system, DoseTimeline.of(new Regimen(List.of()), system), OutputGrid.at(0), MAX_HOURS,
                patient.inputFactor(), List.of());
        replay();
    }

    private void replay() {
        propagator = new Propagator(plan, engine);
        propagator.advanceTo(0);
        rate = 0;
        samples.clear();
        samples.add(sample());
        for (Action a : actions) {
            apply(a);
        }
    }

    private void apply(Action a) {
        double now = propagator.timeH();
        switch (a.kind()) {
            case RATE -> rate = a.value();
            case BOLUS -> {
                propagator.give(Bolus.of(now, a.value(), Route.IV));
                // the state just after it, at the same time as the one before: the curves jump there
                samples.add(sample());
            }
            case WAIT -> {
                if (rate > 0) {
                    propagator.give(new ConstantInfusion(now, a.value(), rate, Route.IV));
                }
                double end = now + a.value();
                for (long k = 1; now + k * SAMPLE_H < end && !Breakpoints.same(now + k * SAMPLE_H, end); k++) {
                    propagator.advanceTo(now + k * SAMPLE_H);
                    samples.add(sample());
                }
                propagator.advanceTo(end);
                samples.add(sample());
            }
        }
    }

    private Sample sample() {
        return new Sample(propagator.timeH(), propagator.value(Observable.PARENT), value(Observable.EFFECT));
    }

    private double value(Observable o) {
        return propagator.system().has(o) ? propagator.value(o) : Double.NaN;
    }

    private void act(Action a) {
        if (a.kind() != Kind.WAIT && dosingActions >= MAX_DOSING_ACTIONS) {
            throw new IllegalArgumentException("the session already holds " + MAX_DOSING_ACTIONS + " rate changes and "
                    + "boluses, the most its scenario file keeps; quit to save it");
        }
        actions.add(a);
        if (a.kind() != Kind.WAIT) {
            dosingActions++;
        }
        apply(a);
    }

    /**
     * @param mgPerH the pump rate from now on (mg/h), &gt;= 0
     * @throws IllegalArgumentException for a negative or non-finite rate, one that gives more in an
     *                                  hour than a human is given ({@link Plausibility#beyondHuman}), or
     *                                  beyond {@link #MAX_DOSING_ACTIONS}
     */
    public void setRate(double mgPerH) {
        if (!(mgPerH >= 0) || Double.isInfinite(mgPerH)) {
            throw new IllegalArgumentException("a rate must be zero or positive, got " + mgPerH + " mg/h");
        }
        human(Plausibility.fmt(mgPerH) + " mg/h", mgPerH);
        act(new Action(Kind.RATE, mgPerH));
    }

    /**
     * @param mg an IV bolus given now (mg), &gt;= 0
     * @throws IllegalArgumentException for a negative or non-finite amount, one that is more than a
     *                                  human is given ({@link Plausibility#beyondHuman}), or beyond
     *                                  {@link #MAX_DOSING_ACTIONS}
     */
    public void bolus(double mg) {
        if (!(mg >= 0) || Double.isInfinite(mg)) {
            throw new IllegalArgumentException("a bolus must be zero or positive, got " + mg + " mg");
        }
        human("a bolus of " + Plausibility.fmt(mg) + " mg", mg);
        act(new Action(Kind.BOLUS, mg));
    }

    /** Refuses {@code mg} given within an hour if no human is given that much. */
    private void human(String shown, double mg) {
        Plausibility.beyondHuman(shown, mg, patient.weightKg()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * @param hours time to let pass (h), &gt; 0
     * @throws IllegalArgumentException for a non-positive wait or one past {@link #MAX_HOURS}
     */
    public void waitFor(double hours) {
        if (!(hours > 0) || propagator.timeH() + hours > MAX_HOURS) {
            throw new IllegalArgumentException("wait needs a positive time within the session's " + (int) MAX_HOURS
                    + " h, got " + hours + " h");
        }
        act(new Action(Kind.WAIT, hours));
    }

    /** @return whether there was an action to take back (it is taken back) */
    public boolean undo() {
        if (actions.isEmpty()) {
            return false;
        }
        if (actions.remove(actions.size() - 1).kind() != Kind.WAIT) {
            dosingActions--;
        }
        replay();
        return true;
    }

    /** @return the pump rate (mg/h) */
    public double rateMgPerH() {
        return rate;
    }

    /** @return the patient now */
    public Status status() {
        double ce = value(Observable.EFFECT);
        double cePain = value(Observable.PAIN_EFFECT);
        double s = patient.sKetamineFraction();
        return new Status(propagator.timeH(), rate, propagator.administeredMg(), propagator.value(Observable.PARENT),
                ce, value(Observable.METABOLITE), cePain,
                PdCurves.responderNrsReduction(s * cePain, patient.baselineNrs()), PdCurves.drugHighScore(s * ce));
    }

    /**
     * @param lastHours how far back
     * @return the samples of the last hours, one a minute, and at a bolus two at its time, the
     *         state before it and after it
     */
    public List<Sample> samples(double lastHours) {
        double from = propagator.timeH() - lastHours;
        return samples.stream().filter(s -> s.timeH() >= from - 1e-9).toList();
    }

    /**
     * @return the session's doses: the pump's rates as one steps dose from 0 (equal consecutive
     *         rates merged), then the boluses at their times
     */
    public List<DoseSpec> doses() {
        List<DoseSpec.Step> steps = new ArrayList<>();
        List<DoseSpec> boluses = new ArrayList<>();
        double r = 0;
        double t = 0;
        for (Action a : actions) {
            switch (a.kind()) {
                case RATE -> r = a.value();
                case BOLUS -> boluses.add(new DoseSpec.Bolus(Optional.of(Quantity.of(t, "h")), Optional.empty(),
                        Quantity.of(a.value(), "mg"), Optional.empty()));
                case WAIT -> {
                    int last = steps.size() - 1;
                    if (last >= 0 && steps.get(last).rate().value() == r) {
                        steps.set(last, new DoseSpec.Step(Quantity.of(r, "mg/h"),
                                Quantity.of(steps.get(last).duration().value() + a.value(), "h")));
                    } else {
                        steps.add(new DoseSpec.Step(Quantity.of(r, "mg/h"), Quantity.of(a.value(), "h")));
                    }
                    t += a.value();
                }
            }
        }
        List<DoseSpec> doses = new ArrayList<>();
        if (!steps.isEmpty()) {
            doses.add(new DoseSpec.Steps(Optional.empty(), Optional.empty(), steps));
        }
        doses.addAll(boluses);
        return doses;
    }
}
