package org.ketasim.core.compare;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.engine.Solver;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Route;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.pd.PdOutcome;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.RateSegment;
import org.ketasim.core.scenario.Scenario;

/**
 * Computes a scenario's {@link ComparisonRow} and the curve to draw. Three simulations: the
 * scenario's own grid (exposure, windows, drug high), an hourly grid to 12 weeks after the course
 * (the largest expected NRS reduction), and exact rows at the end of the course and 4 and 12 weeks
 * later. Thread-safe if the solver is.
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

    private final Solver solver;
    private final List<ConcentrationWindow> windows;

    /**
     * @param solver  the solver
     * @param windows the concentration windows to report
     */
    public Comparison(Solver solver, List<ConcentrationWindow> windows) {
        this.solver = solver;
        this.windows = List.copyOf(windows);
    }

    /**
     * @param s      a scenario
     * @param family its catalogue family
     * @return its row and curve
     */
    public Result of(Scenario s, String family) {
        LinearSystem system = LinearSystem.of(s.individualModel());
        DoseTimeline timeline = DoseTimeline.of(s.regimen(), system, s.inputFactor());
        SimulationResult main = solver.solve(system, timeline, OutputGrid.regular(s.durationH(), s.stepH()));
        double[] t = main.timesH();
        double[] cp = main.parentConcentration();
        double[] cm = main.metaboliteConcentration();
        PdOutcome pd = PdOutcome.of(main, s.sKetamineFraction(), s.baselineNrs());

        double courseEnd = s.regimen().doses().stream().mapToDouble(Comparison::endOf).max().orElse(0);
        SimulationResult hourly = solver.solve(system, timeline, OutputGrid.regular(courseEnd + TWELVE_WEEKS_H, 1));
        PdOutcome longPd = PdOutcome.of(hourly, s.sKetamineFraction(), s.baselineNrs());
        SimulationResult marks = solver.solve(system, timeline,
                OutputGrid.at(courseEnd, courseEnd + FOUR_WEEKS_H, courseEnd + TWELVE_WEEKS_H));
        double[] nrs = PdOutcome.of(marks, s.sKetamineFraction(), s.baselineNrs()).nrsReduction();

        double peakRate = 0;
        double infusing = 0;
        for (int i = 0; i < timeline.size(); i++) {
            peakRate = Math.max(peakRate, timeline.pumpRate(i));
            if (timeline.pumpRate(i) > 0 && i + 1 < timeline.size()) {
                infusing += timeline.time(i + 1) - timeline.time(i);
            }
        }
        Map<String, Double> inside = new LinkedHashMap<>();
        windows.forEach(w -> inside.put(w.name(), w.hoursInside(t, cp)));
        Map<EffectiveReduction, Boolean> meets = new EnumMap<>(EffectiveReduction.class);
        if (!Double.isNaN(longPd.maxNrsReduction())) {
            for (EffectiveReduction d : EffectiveReduction.values()) {
                meets.put(d, d.isMet(longPd.maxNrsReduction(), s.baselineNrs()));
            }
        }
        String routes = s.regimen().doses().stream().map(Dose::route).distinct().sorted().map(Route::id)
                .collect(Collectors.joining("+"));
        ComparisonRow row = new ComparisonRow(s.id(), family, s.setting().orElse(""), routes, s.drug().id(),
                s.modelId(), s.parentAnalyte(), s.weightKg(), s.regimen().administeredMg(courseEnd), peakRate,
                infusing, courseEnd, max(cp), main.parentAuc(), max(cm), main.metaboliteAuc(), inside,
                pd.maxDrugHighProbability(), nrs[0], nrs[1], nrs[2], longPd.maxNrsReduction(), meets);
        return curve(row, t, cp);
    }

    private static double endOf(Dose d) {
        return d.rateSegments().stream().mapToDouble(RateSegment::endH).max().orElse(d.startH());
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
