package org.ketasim.core.titration;

import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.engine.Controller;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.model.Observable;
import org.ketasim.core.pd.PdCurves;
import org.ketasim.core.regimen.Breakpoints;
import org.ketasim.core.regimen.ConstantInfusion;

/**
 * A {@link TitrationRule} deciding on the simulated patient as the run goes: at the rule's start
 * and every interval after it, the rate is decided from the patient's state then (each subject of a
 * population titrates itself) and given until the next decision. Every decision is recorded as a
 * {@link TitrationEvent}. One instance serves one run.
 */
public final class RuleTitration implements Controller {

    /**
     * Makes the controller of each run.
     *
     * @param rule              the rule
     * @param sKetamineFraction the fraction of the parent concentration that is S-ketamine (for the
     *                          pharmacodynamic conditions)
     * @param baselineNrs       the patient's NRS before treatment
     */
    public record Factory(TitrationRule rule, double sKetamineFraction, double baselineNrs)
            implements Controller.Factory {
        @Override
        public Controller create(Plan plan) {
            return new RuleTitration(this);
        }
    }

    private final TitrationRule rule;
    private final double sKetamineFraction;
    private final double baselineNrs;
    private final double endH;
    private final long intervals;
    private final List<TitrationEvent> events = new ArrayList<>();
    private long decision;
    private double rate;
    private boolean stopped;
    private double next;

    private RuleTitration(Factory f) {
        this.rule = f.rule();
        this.sKetamineFraction = f.sKetamineFraction();
        this.baselineNrs = f.baselineNrs();
        this.endH = rule.atH() + rule.durationH();
        this.intervals = (long) Math.ceil(rule.durationH() / rule.everyH() - 1e-9);
        this.next = rule.atH();
    }

    /** @return the decisions made so far, in time order */
    public List<TitrationEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public double nextDecisionH() {
        return next;
    }

    @Override
    public void decide(Propagator p) {
        double t = p.timeH();
        double cp = p.value(Observable.PARENT);
        double ce = p.system().has(Observable.EFFECT) ? p.value(Observable.EFFECT) : Double.NaN;
        double cePain = p.system().has(Observable.PAIN_EFFECT) ? p.value(Observable.PAIN_EFFECT) : Double.NaN;
        double high = PdCurves.drugHighScore(sKetamineFraction * ce);
        double nrs = PdCurves.responderNrsReduction(sKetamineFraction * cePain, baselineNrs);
        if (decision > intervals - 1 || Breakpoints.same(t, endH)) {
            events.add(new TitrationEvent(endH, "end", 0, cp, ce, high, nrs, ""));
            next = Double.POSITIVE_INFINITY;
            return;
        }
        String action;
        String reason = "";
        if (decision == 0) {
            rate = Math.min(rule.startMgPerH(), rule.maxMgPerH());
            action = "start";
        } else {
            Condition.Patient seen = new Condition.Patient(nrs, high, cp, ce);
            List<String> stop = rule.stopWhen().map(c -> c.reached(seen)).orElse(List.of());
            List<String> reduce = rule.reduceWhen().map(c -> c.reached(seen)).orElse(List.of());
            List<String> hold = rule.stopRaisingWhen().map(c -> c.reached(seen)).orElse(List.of());
            if (!stop.isEmpty()) {
                stopped = true;
                rate = 0;
                action = "stop";
                reason = String.join("; ", stop);
            } else if (!reduce.isEmpty()) {
                rate = Double.isNaN(rule.reduceByMgPerH()) ? rate * (1 - rule.reduceByFraction())
                        : Math.max(0, rate - rule.reduceByMgPerH());
                action = "reduce";
                reason = String.join("; ", reduce);
            } else if (!hold.isEmpty()) {
                action = "hold";
                reason = String.join("; ", hold);
            } else if (rate >= rule.maxMgPerH()) {
                action = "max";
            } else {
                rate = Math.min(rate + rule.stepMgPerH(), rule.maxMgPerH());
                action = "raise";
            }
        }
        events.add(new TitrationEvent(t, action, rate, cp, ce, high, nrs, reason));
        double until = Math.min(rule.atH() + (decision + 1) * rule.everyH(), endH);
        if (Breakpoints.same(until, endH)) {
            until = endH;
        }
        if (rate > 0 && until > t) {
            p.give(new ConstantInfusion(t, until - t, rate, rule.route()));
        }
        decision++;
        next = stopped ? endH : decision >= intervals ? endH : until;
    }
}
