package org.ketasim.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.Series;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.regimen.Regimen;

/** Shortcuts for running a model and regimen in tests. */
public final class Simulations {
    private Simulations() {
    }

    /**
     * One run's rows and summary, with the shortcuts the tests read.
     *
     * @param series  the rows
     * @param summary the summary
     */
    public record Run(Series series, Summary summary, List<double[]> states) {
        /** @return the system run */
        public LinearSystem system() {
            return series.system();
        }

        /**
         * @param row a row index
         * @return the full state at that row
         */
        public double[] state(int row) {
            return states.get(row).clone();
        }

        /** @return the number of rows */
        public int size() {
            return series.size();
        }

        /** @return row times (h) */
        public double[] timesH() {
            return series.timesH();
        }

        /** @return pump rates (mg/h) */
        public double[] pumpRatesMgPerH() {
            return series.pumpRatesMgPerH();
        }

        /** @return Cp per row (ng/mL) */
        public double[] parentConcentration() {
            return series.values(Observable.PARENT);
        }

        /** @return metabolite per row (ng/mL) */
        public double[] metaboliteConcentration() {
            return series.values(Observable.METABOLITE);
        }

        /** @return second metabolite per row (ng/mL) */
        public double[] secondMetaboliteConcentration() {
            return series.values(Observable.METABOLITE2);
        }

        /** @return Ce per row (ng/mL) */
        public double[] effectConcentration() {
            return series.values(Observable.EFFECT);
        }

        /** @return Ce,pain per row (ng/mL) */
        public double[] painEffectConcentration() {
            return series.values(Observable.PAIN_EFFECT);
        }

        /** @return the exact parent AUC to the last row (ng h/mL) */
        public double parentAuc() {
            return summary.aucNgHPerMl();
        }

        /** @return the exact metabolite AUC to the last row (ng h/mL) */
        public double metaboliteAuc() {
            return summary.metaboliteAucNgHPerMl();
        }
    }

    /**
     * @param r a patient simulated through the scenario layer
     * @return its rows and summary (no per-row states)
     */
    public static Run of(org.ketasim.core.simulation.PatientResult r) {
        return new Run(r.series(), r.summary(), List.of());
    }

    /** Runs a system and timeline on a grid with an engine. */
    public static Run solve(Engine engine, LinearSystem system, DoseTimeline timeline, OutputGrid grid) {
        Plan plan = new Plan(system, timeline, grid, grid.endH(), 1.0, List.of());
        Series.Recorder series = new Series.Recorder(plan);
        Summary.Recorder summary = new Summary.Recorder(plan, 70);
        List<double[]> states = new ArrayList<>();
        new Propagator(plan, engine).observe(series).observe(summary).observe((row, p) -> states.add(p.stepper().state()))
                .run();
        return new Run(series.series(), summary.summary(), states);
    }

    /** Simulates an individual model with the given engine on a regular grid. */
    public static Run run(Engine engine, PkModel model, Regimen regimen, double durationH, double stepH) {
        LinearSystem system = LinearSystem.of(model);
        return solve(engine, system, DoseTimeline.of(regimen, system), OutputGrid.regular(durationH, stepH));
    }

    /** Simulates with the exact (matrix exponential) engine. */
    public static Run exact(PkModel model, Regimen regimen, double durationH, double stepH) {
        return run(Engine.EXACT, model, regimen, durationH, stepH);
    }
}
