package org.ketasim.core.titration;

import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.pd.DrugHigh;
import org.ketasim.core.pd.PainRelief;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;

/** Resolves a {@link TitrationRule} on a simulated patient into steps and the events that fired. */
public final class RuleTitrationController {

    /**
     * The resolved titration.
     *
     * @param steps  the rates decided, as one step per interval
     * @param events every decision, in time order
     */
    public record Resolution(StepSchedule steps, List<TitrationEvent> events) {
    }

    private final LinearSystem system;
    private final double inputFactor;
    private final double sKetamineFraction;
    private final double baselineNrs;

    /**
     * @param individual        the patient's model
     * @param inputFactor       the fraction of each dose that enters as the modelled analyte
     * @param sKetamineFraction the fraction of the parent concentration that is S-ketamine (for PD)
     * @param baselineNrs       the patient's NRS before treatment
     */
    public RuleTitrationController(PkModel individual, double inputFactor, double sKetamineFraction,
                                   double baselineNrs) {
        this.system = LinearSystem.of(individual);
        this.inputFactor = inputFactor;
        this.sKetamineFraction = sKetamineFraction;
        this.baselineNrs = baselineNrs;
    }

    /**
     * @param rule  the rule
     * @param other the patient's other doses (they count in the state the rule sees)
     * @return the steps and the events
     */
    public Resolution resolve(TitrationRule rule, List<Dose> other) {
        List<StepSchedule.Step> steps = new ArrayList<>();
        List<TitrationEvent> events = new ArrayList<>();
        double rate = Math.min(rule.startMgPerH(), rule.maxMgPerH());
        double end = rule.atH() + rule.durationH();
        long intervals = (long) Math.ceil(rule.durationH() / rule.everyH() - 1e-9);
        boolean stopped = false;
        events.add(event(rule.atH(), "start", rate, observe(rule, steps, other, rule.atH()), ""));
        for (long k = 0; k < intervals; k++) {
            double from = rule.atH() + k * rule.everyH();
            double to = Math.min(rule.atH() + (k + 1) * rule.everyH(), end);
            steps.add(new StepSchedule.Step(rate, to - from));
            if (k + 1 == intervals) {
                break;
            }
            double[] seen = observe(rule, steps, other, to);
            Condition.Patient p = new Condition.Patient(seen[3], seen[2], seen[0], seen[1]);
            List<String> stop = rule.stopWhen().map(c -> c.reached(p)).orElse(List.of());
            List<String> reduce = rule.reduceWhen().map(c -> c.reached(p)).orElse(List.of());
            List<String> hold = rule.stopRaisingWhen().map(c -> c.reached(p)).orElse(List.of());
            String action;
            String reason = "";
            if (stopped) {
                action = "stopped";
            } else if (!stop.isEmpty()) {
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
            if (!action.equals("stopped")) {
                events.add(event(to, action, rate, seen, reason));
            }
        }
        events.add(event(end, "end", 0, observe(rule, steps, other, end), ""));
        return new Resolution(new StepSchedule(rule.atH(), steps, rule.route()), events);
    }

    /** @return {Cp, Ce, drug high, NRS reduction} at {@code t} under the steps decided so far */
    private double[] observe(TitrationRule rule, List<StepSchedule.Step> steps, List<Dose> other, double t) {
        List<Dose> doses = new ArrayList<>(other);
        if (!steps.isEmpty()) {
            doses.add(new StepSchedule(rule.atH(), steps, rule.route()));
        }
        if (doses.isEmpty() || t <= 0) {
            return new double[] {0, system.hasEffectSite() ? 0 : Double.NaN, system.hasEffectSite() ? 0 : Double.NaN,
                system.hasPainEffectSite() ? 0 : Double.NaN};
        }
        SimulationResult r = new ExactSolver().solve(system, DoseTimeline.of(new Regimen(doses), system, inputFactor),
                OutputGrid.at(t));
        double[] x = r.state(0);
        double ce = system.effectConcentration(x);
        double cePain = system.painEffectConcentration(x);
        return new double[] {system.parentConcentration(x), ce,
            Double.isNaN(ce) ? Double.NaN : DrugHigh.probability(sKetamineFraction * ce),
            Double.isNaN(cePain) ? Double.NaN : PainRelief.nrsReduction(sKetamineFraction * cePain, baselineNrs)};
    }

    private static TitrationEvent event(double t, String action, double rate, double[] seen, String reason) {
        return new TitrationEvent(t, action, rate, seen[0], seen[1], seen[2], seen[3], reason);
    }
}
