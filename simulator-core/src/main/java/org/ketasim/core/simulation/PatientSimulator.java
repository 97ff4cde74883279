package org.ketasim.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ketasim.core.engine.Controller;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.RowRun;
import org.ketasim.core.engine.Series;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.AnalyteWindow;
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
        FiniteRows finite = new FiniteRows(plan);
        Propagator p = new Propagator(plan, engine).observe(series).observe(summary).observe(finite);
        for (Observer o : others) {
            p.observe(o);
        }
        p.run();
        finite.require(c);
        Series rows = series.series();
        return new PatientResult(c, weightKg, rows, summary.summary(),
                PdCurves.of(rows, c.sKetamineFraction(), c.baselineNrs()), events(p));
    }

    /**
     * The typical patient's summary and curve metrics without its rows: the numbers of
     * {@link #simulate}'s summary, {@link PatientResult#hoursInside} and {@link PdCurves} maxima, at
     * a fraction of the cost and memory (a sweep point).
     *
     * @param c       a compiled scenario
     * @param windows the windows, each in the scenario's parent analyte
     * @return the metrics
     * @throws ScenarioException if a row would hold a NaN or an infinity
     */
    public PatientMetrics metrics(CompiledScenario c, List<AnalyteWindow> windows) {
        Plan plan = c.plan();
        Summary.Recorder summary = new Summary.Recorder(plan, c.weightKg());
        CurveMetrics.Recorder curves = new CurveMetrics.Recorder(plan, windows, c.sKetamineFraction(), c.baselineNrs());
        FiniteRows finite = new FiniteRows(plan);
        new Propagator(plan, engine).observe(summary).observe(curves).observe(finite).run();
        finite.require(c);
        return new PatientMetrics(summary.summary(), curves.metrics());
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

    /** Notes the first row holding a NaN or an infinity, so that none can reach an output file. */
    private static final class FiniteRows implements Observer {
        private final Observable[] present;
        private double firstH = Double.NaN;

        FiniteRows(Plan plan) {
            this.present = Arrays.stream(Observable.values()).filter(plan.system()::has).toArray(Observable[]::new);
        }

        @Override
        public void row(int row, Propagator p) {
            if (Double.isNaN(firstH)) {
                for (Observable o : present) {
                    if (!Double.isFinite(p.value(o))) {
                        firstH = p.timeH();
                        return;
                    }
                }
            }
        }

        @Override
        public boolean takesRowRuns() {
            return true;
        }

        @Override
        public void rows(RowRun run) {
            for (int j = 0; j < run.count() && Double.isNaN(firstH); j++) {
                for (Observable o : present) {
                    if (!Double.isFinite(run.values(o)[j])) {
                        firstH = run.timeH(j);
                        break;
                    }
                }
            }
        }

        /** @throws ScenarioException if a row held a non-finite value */
        void require(CompiledScenario c) {
            if (!Double.isNaN(firstH)) {
                throw new ScenarioException(c.scenario().at("model"), "the simulation of '" + c.id()
                        + "' gives a non-finite value at " + firstH + " h; the model's parameters are beyond "
                        + "what double precision can compute");
            }
        }
    }
}
