package org.ketasim.core.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ketasim.core.engine.Controller;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.Series;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.pd.PdCurves;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.titration.RuleTitration;
import org.ketasim.core.titration.TitrationEvent;

/**
 * Simulates one patient of a compiled scenario end to end: the propagator with the engine chosen,
 * observed by the series recorder and the summary, then the pharmacodynamics of the rows.
 * Thread-safe (stateless).
 */
public final class PatientSimulator {

    private final Engine engine;

    /** @param engine how intervals are taken */
    public PatientSimulator(Engine engine) {
        this.engine = engine;
    }

    /** @return the engine used */
    public Engine engine() {
        return engine;
    }

    /**
     * @param c a compiled scenario
     * @return its typical patient, simulated
     * @throws ScenarioException if the result would hold a NaN or an infinity
     */
    public PatientResult simulate(CompiledScenario c) {
        return simulate(c, c.plan(), c.weightKg());
    }

    /**
     * @param c        a compiled scenario
     * @param plan     the plan of one of its subjects (see {@link CompiledScenario#plan(org.ketasim.core.model.PkModel)})
     * @param weightKg that subject's weight (kg)
     * @return the subject, simulated
     * @throws ScenarioException if the result would hold a NaN or an infinity
     */
    public PatientResult simulate(CompiledScenario c, Plan plan, double weightKg) {
        return simulate(c, plan, weightKg, new Observer[0]);
    }

    /**
     * @param c        a compiled scenario
     * @param plan     the plan of one of its subjects
     * @param weightKg that subject's weight (kg)
     * @param others   more observers of the run (a pump record, an exposure recorder)
     * @return the subject, simulated
     * @throws ScenarioException if the result would hold a NaN or an infinity
     */
    public PatientResult simulate(CompiledScenario c, Plan plan, double weightKg, Observer... others) {
        Series.Recorder series = new Series.Recorder(plan);
        Summary.Recorder summary = new Summary.Recorder(plan, weightKg);
        Propagator p = new Propagator(plan, engine).observe(series).observe(summary);
        for (Observer o : others) {
            p.observe(o);
        }
        p.run();
        Series rows = series.series();
        requireFinite(c, rows);
        return new PatientResult(c, weightKg, rows, summary.summary(),
                PdCurves.of(rows, c.sKetamineFraction(), c.baselineNrs()), events(p));
    }

    /**
     * @param p a finished run
     * @return the decisions of its rule titrations, in time order
     */
    static List<TitrationEvent> events(Propagator p) {
        List<TitrationEvent> events = new ArrayList<>();
        for (Controller c : p.controllers()) {
            if (c instanceof RuleTitration rule) {
                events.addAll(rule.events());
            }
        }
        events.sort(Comparator.comparingDouble(TitrationEvent::timeH));
        return events;
    }

    /** Refuses a result holding a NaN or an infinity, so that none can reach an output file. */
    static void requireFinite(CompiledScenario c, Series rows) {
        double[] t = rows.timesH();
        for (Observable o : Observable.values()) {
            if (rows.has(o)) {
                double[] v = rows.values(o);
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isFinite(v[i])) {
                        throw new ScenarioException(c.scenario().at("model"), "the simulation of '" + c.id()
                                + "' gives a non-finite value at " + t[i] + " h; the model's parameters are beyond "
                                + "what double precision can compute");
                    }
                }
            }
        }
    }
}
