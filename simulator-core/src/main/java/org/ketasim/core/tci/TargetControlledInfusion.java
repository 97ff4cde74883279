package org.ketasim.core.tci;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ketasim.core.engine.Controller;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.ExactStepper;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;

/**
 * Computes a target-controlled infusion for one patient (see the package documentation): a
 * {@link Controller} that, at every update, sets the IV rate for the next interval from the
 * patient's state then. The pump's own predictions (what the state would be with no infusion, or
 * a unit rate) are exact propagations of the same model ({@link ExactStepper}), as a TCI pump
 * carries the model it targets with.
 *
 * <p>A target holds from its time until the next target's; before the first target's time the
 * pump gives nothing. The rate of an interval is the one that brings the targeted concentration
 * to the target in force at the interval's start (plasma: at the interval's end; effect site: at
 * its next peak), clipped to 0 and the pump's highest rate, and rounded to the pump's resolution
 * ({@link TciSettings#pumpRate}).
 */
public final class TargetControlledInfusion {

    /**
     * One update interval of the pump.
     *
     * @param startH      start (h)
     * @param endH        end (h)
     * @param rateMgPerH  the rate set for the interval (mg/h)
     * @param targetNgPerMl the target the rate was computed for (ng/mL); 0 before the first target
     * @param startState  the state at the start
     * @param endState    the state at the end
     */
    public record Interval(double startH, double endH, double rateMgPerH, double targetNgPerMl, double[] startState,
                           double[] endState) {
    }

    /** The peak search's fixed-point iterations before the last estimate is taken (as in tci). */
    private static final int MAX_ITERATIONS = 100;

    private final LinearSystem system;
    private final TciSettings settings;
    private final int central;
    private final ToDoubleFunction<double[]> site;
    private final ExactStepper forecast;
    private double[] searchTimes;
    private double[] unitOnSearch;
    private double unitPeak;

    /**
     * @param system   the patient's system (its parent's central compartment receives the infusion)
     * @param settings pump and algorithm settings
     * @throws IllegalArgumentException if effect-site targeting is asked of a model without an effect site
     */
    public TargetControlledInfusion(LinearSystem system, TciSettings settings) {
        if (settings.site() == TciSite.EFFECT && !system.hasEffectSite()) {
            throw new IllegalArgumentException("effect-site targeting needs a model with an effect site");
        }
        this.system = system;
        this.settings = settings;
        this.central = system.centralIndex();
        this.site = settings.site() == TciSite.EFFECT ? system::effectConcentration : system::parentConcentration;
        this.forecast = new ExactStepper(system);
    }

    /**
     * The controller that runs this algorithm in a {@link Plan}: an IV infusion updated every
     * interval from 0 to {@code durationH}.
     *
     * @param system    the patient's system
     * @param settings  pump and algorithm settings
     * @param targets   the targets, by time (at least one)
     * @param durationH how long the pump runs (h)
     * @return the controller factory
     */
    public static Controller.Factory controller(LinearSystem system, TciSettings settings, List<TciTarget> targets,
                                                double durationH) {
        List<TciTarget> sorted = new ArrayList<>(targets);
        sorted.sort(Comparator.comparingDouble(TciTarget::timeH));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("TCI needs at least one target");
        }
        double dt = settings.updateIntervalH();
        long updates = Math.round(durationH / dt);
        if (updates < 1 || updates > 10_000_000) {
            throw new IllegalArgumentException("a TCI of " + durationH + " h at " + dt + " h updates gives " + updates
                    + " updates (1 to 10,000,000 allowed)");
        }
        return plan -> new Pump(new TargetControlledInfusion(plan.system(), settings), sorted, updates);
    }

    /** The controller: one decision per update interval. */
    private static final class Pump implements Controller {
        private final TargetControlledInfusion tci;
        private final List<TciTarget> targets;
        private final long updates;
        private long update;

        Pump(TargetControlledInfusion tci, List<TciTarget> targets, long updates) {
            this.tci = tci;
            this.targets = targets;
            this.updates = updates;
        }

        @Override
        public double nextDecisionH() {
            return update < updates ? update * tci.settings.updateIntervalH() : Double.POSITIVE_INFINITY;
        }

        @Override
        public void decide(Propagator p) {
            double dt = tci.settings.updateIntervalH();
            double start = update * dt;
            double target = targetAt(targets, start);
            double rate = target > 0 ? tci.settings.pumpRate(Math.max(0, Math.min(tci.settings.maxRateMgPerH(),
                    tci.rateFor(p.stepper().state(), target)))) : 0;
            if (rate > 0) {
                p.give(new ConstantInfusion(start, dt, rate, Route.IV));
            }
            update++;
        }
    }

    /**
     * @param targets   the targets, by time (at least one)
     * @param durationH how long to run the pump (h)
     * @return one interval per update, from time 0 to the duration
     */
    public List<Interval> schedule(List<TciTarget> targets, double durationH) {
        double dt = settings.updateIntervalH();
        Controller.Factory pump = controller(system, settings, targets, durationH);
        long updates = Math.round(durationH / dt);
        Plan plan = new Plan(system, DoseTimeline.of(new Regimen(List.of()), system), OutputGrid.regular(updates * dt, dt),
                updates * dt, 1.0, List.of(pump));
        List<TciTarget> sorted = new ArrayList<>(targets);
        sorted.sort(Comparator.comparingDouble(TciTarget::timeH));
        List<double[]> states = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        new Propagator(plan, Engine.EXACT).observe((row, p) -> {
            states.add(p.stepper().state());
            rates.add(p.pumpRateMgPerH());
        }).run();
        List<Interval> out = new ArrayList<>((int) updates);
        for (int i = 0; i < updates; i++) {
            out.add(new Interval(i * dt, (i + 1) * dt, rates.get(i), targetAt(sorted, i * dt), states.get(i),
                    states.get(i + 1)));
        }
        return out;
    }

    /** The target that holds at {@code t}: the last one starting at or before it (to 1e-9 h), 0 before the first. */
    private static double targetAt(List<TciTarget> sorted, double t) {
        double target = 0;
        for (TciTarget c : sorted) {
            if (c.timeH() <= t + 1e-9) {
                target = c.ngPerMl();
            }
        }
        return target;
    }

    private double rateFor(double[] x, double target) {
        if (settings.site() == TciSite.PLASMA) {
            return plasmaRate(x, target);
        }
        double ce = system.effectConcentration(x);
        if (target <= ce) {
            return 0;
        }
        double cp = system.parentConcentration(x);
        if (target > 0 && Math.abs(target - cp) / target <= settings.plasmaTolerance()
                && Math.abs(target - ce) / target <= settings.effectTolerance()) {
            return plasmaRate(x, target);
        }
        return effectRate(x, target);
    }

    /** Jacobs: the rate that brings Cp to the target at the end of the interval. */
    private double plasmaRate(double[] x, double target) {
        double[] free = x.clone();
        advance(free, settings.updateIntervalH(), 0);
        double[] unit = new double[x.length];
        advance(unit, settings.updateIntervalH(), 1);
        return (target - system.parentConcentration(free)) / system.parentConcentration(unit);
    }

    /** Replaces {@code x} by the pump model's state {@code h} later under an IV rate. */
    private void advance(double[] x, double h, double rateMgPerH) {
        forecast.propagate(x, h, input(rateMgPerH));
    }

    /** Shafer and Gregg: the rate whose effect-site peak (after this interval's infusion) is the target. */
    private double effectRate(double[] x, double target) {
        prepareSearch();
        boolean zero = true;
        for (double v : x) {
            zero &= v == 0;
        }
        if (zero) {
            return target / unitPeak;
        }
        double[] free = response(x, false, searchTimes);
        int peak = argmax(unitOnSearch);
        for (int iteration = 0; ; iteration++) {
            double kr = (target - free[peak]) / unitOnSearch[peak];
            double[] combined = new double[free.length];
            for (int k = 0; k < free.length; k++) {
                combined[k] = free[k] + kr * unitOnSearch[k];
            }
            int next = argmax(combined);
            if (next == peak || iteration == MAX_ITERATIONS) {
                return kr;
            }
            peak = next;
        }
    }

    /**
     * Finds, once, the grid on which the effect-site peak is searched: the unit response's first
     * fall on a grid of the set size over the horizon (doubled until it falls), then that peak time
     * plus the margin.
     */
    private void prepareSearch() {
        if (searchTimes != null) {
            return;
        }
        int n = settings.gridPoints();
        double horizon = settings.searchH();
        for (int doubling = 0; ; doubling++) {
            double[] grid = linspace(horizon, n);
            double[] unit = response(new double[system.dimension()], true, grid);
            int fall = -1;
            for (int k = 0; k + 1 < n; k++) {
                if (unit[k + 1] < unit[k]) {
                    fall = k;
                    break;
                }
            }
            if (fall >= 0) {
                unitPeak = unit[fall];
                searchTimes = linspace(grid[fall] + settings.searchMarginH(), n);
                unitOnSearch = response(new double[system.dimension()], true, searchTimes);
                return;
            }
            if (doubling > 30) {
                throw new IllegalArgumentException("the effect site never peaks after an infusion");
            }
            horizon *= 2;
        }
    }

    /** @return the site concentration at the given times from state x0, with a unit rate over the first interval or none */
    private double[] response(double[] x0, boolean unit, double[] times) {
        double[] x = x0.clone();
        double[] out = new double[times.length];
        double t = 0;
        double dt = settings.updateIntervalH();
        for (int k = 0; k < times.length; k++) {
            double to = times[k];
            if (unit && t < dt && to > dt) {
                advance(x, dt - t, 1);
                t = dt;
            }
            if (to > t) {
                advance(x, to - t, unit && t < dt ? 1 : 0);
                t = to;
            }
            out[k] = site.applyAsDouble(x);
        }
        return out;
    }

    private double[] input(double rate) {
        double[] u = new double[system.dimension()];
        u[central] = rate;
        return u;
    }

    private static double[] linspace(double to, int n) {
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = to * k / (n - 1);
        }
        return g;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}
