package org.ketasim.core.compare;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.Series;
import org.ketasim.core.metrics.ConcentrationWindow;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Route;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.pd.PdOutcome;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;

/**
 * Computes a scenario's {@link ComparisonRow} and the curve to draw. Three runs of the scenario's
 * plan: the scenario's own grid (exposure, windows, drug high), an hourly grid to 12 weeks after the
 * course (the largest expected NRS reduction), and exact rows at the end of the course and 4 and 12
 * weeks later. Thread-safe.
 */
public final class Comparison {

    /** Hours in 4 weeks. */
    public static final double FOUR_WEEKS_H = 28 * 24;
    /** Hours in 12 weeks. */
    public static final double TWELVE_WEEKS_H = 84 * 24;
    /** The most points a drawn curve keeps. */
    private static final int CURVE_POINTS = 1500;

    /**
     * A scenario's row and its parent-concentration curve over the scenario's own duration.
     *
     * @param row     the numbers
     * @param timesH  curve times (h), at most {@value #CURVE_POINTS} points, the peak included
     * @param cp      curve concentrations (ng/mL)
     */
    public record Result(ComparisonRow row, double[] timesH, double[] cp) {
    }

    private final Engine engine;
    private final List<ConcentrationWindow> windows;

    /**
     * @param engine  how intervals are taken
     * @param windows the concentration windows to report
     */
    public Comparison(Engine engine, List<ConcentrationWindow> windows) {
        this.engine = engine;
        this.windows = List.copyOf(windows);
    }

    /**
     * @param s      a compiled scenario
     * @param family its catalogue family
     * @return its row and curve
     */
    public Result of(CompiledScenario s, String family) {
        PatientResult main = new PatientSimulator(engine).simulate(s);
        double[] t = main.series().timesH();
        double[] cp = main.series().values(Observable.PARENT);
        double[] cm = main.series().values(Observable.METABOLITE);
        double courseEnd = s.courseEndH();
        Plan plan = s.plan();
        PdOutcome longPd = PdOutcome.of(rows(plan.withGrid(OutputGrid.regular(courseEnd + TWELVE_WEEKS_H, 1)), null),
                s.sKetamineFraction(), s.baselineNrs());
        Plan marks = plan.withGrid(OutputGrid.at(courseEnd, courseEnd + FOUR_WEEKS_H, courseEnd + TWELVE_WEEKS_H));
        Pump pump = new Pump();
        double[] nrs = PdOutcome.of(rows(marks, pump), s.sKetamineFraction(), s.baselineNrs()).nrsReduction();
        Map<String, Double> inside = new LinkedHashMap<>();
        windows.forEach(w -> inside.put(w.name(), w.hoursInside(t, cp)));
        Map<EffectiveReduction, Boolean> meets = new EnumMap<>(EffectiveReduction.class);
        if (!Double.isNaN(longPd.maxNrsReduction())) {
            for (EffectiveReduction d : EffectiveReduction.values()) {
                meets.put(d, d.isMet(longPd.maxNrsReduction(), s.baselineNrs()));
            }
        }
        String routes = s.scenario().regimen().doses().stream().map(s.scenario().regimen()::routeOf).distinct().sorted().map(Route::id)
                .collect(Collectors.joining("+"));
        ComparisonRow row = new ComparisonRow(s.id(), family, s.scenario().regimen().setting().orElse(""), routes,
                s.scenario().drug().id(), s.modelId(), s.parentAnalyte(), s.weightKg(), pump.givenAtFirstRow,
                pump.peakRate, pump.infusingH, courseEnd, max(cp),
                main.summary().aucNgHPerMl(), max(cm), main.summary().metaboliteAucNgHPerMl(), inside,
                main.pd().maxDrugHighProbability(), nrs[0], nrs[1], nrs[2], longPd.maxNrsReduction(), meets);
        return curve(row, t, cp);
    }

    private Series rows(Plan plan, Observer other) {
        Series.Recorder recorder = new Series.Recorder(plan);
        Propagator p = new Propagator(plan, engine).observe(recorder);
        if (other != null) {
            p.observe(other);
        }
        p.run();
        return recorder.series();
    }

    /** The pump over a whole run, controllers' doses included, and what was given by the first row. */
    private static final class Pump implements Observer {
        private double peakRate;
        private double infusingH;
        private double givenAtFirstRow;

        @Override
        public void interval(double fromH, double toH, Propagator p) {
            peakRate = Math.max(peakRate, p.pumpRateMgPerH());
            if (p.pumpRateMgPerH() > 0) {
                infusingH += toH - fromH;
            }
        }

        @Override
        public void row(int row, Propagator p) {
            if (row == 0) {
                givenAtFirstRow = p.administeredMg();
            }
        }
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Thins the curve to at most {@value #CURVE_POINTS} points, keeping the first, the last and the peak. */
    private static Result curve(ComparisonRow row, double[] t, double[] cp) {
        if (t.length <= CURVE_POINTS) {
            return new Result(row, t, cp);
        }
        int peak = 0;
        for (int i = 1; i < cp.length; i++) {
            if (cp[i] > cp[peak]) {
                peak = i;
            }
        }
        double stride = (t.length - 1) / (double) (CURVE_POINTS - 2);
        java.util.TreeSet<Integer> keep = new java.util.TreeSet<>();
        for (int k = 0; k < CURVE_POINTS - 1; k++) {
            keep.add((int) Math.round(k * stride));
        }
        keep.add(t.length - 1);
        keep.add(peak);
        double[] ts = new double[keep.size()];
        double[] cs = new double[keep.size()];
        int j = 0;
        for (int i : keep) {
            ts[j] = t[i];
            cs[j++] = cp[i];
        }
        return new Result(row, ts, cs);
    }
}
