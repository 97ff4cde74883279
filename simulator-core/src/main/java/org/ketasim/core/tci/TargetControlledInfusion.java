package org.ketasim.core.tci;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.Propagation;
import org.ketasim.core.model.LinearSystem;

/** Computes a target-controlled infusion schedule for one patient (see the package documentation). */
public final class TargetControlledInfusion {

    /**
     * One update interval of the pump.
     *
     * @param startH      start (h)
     * @param endH        end (h)
     * @param rateMgPerH  the rate set for the interval (mg/h)
     * @param targetNgPerMl the target the rate was computed for (ng/mL)
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
    private final Propagation propagation;
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
        this.propagation = new ExactSolver().propagation(system);
    }

    /**
     * @param targets   the targets, by time (at least one)
     * @param durationH how long to run the pump (h)
     * @return one interval per update, from time 0 to the duration
     */
    public List<Interval> schedule(List<TciTarget> targets, double durationH) {
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
        List<Interval> out = new ArrayList<>((int) updates);
        double[] x = new double[system.dimension()];
        for (long i = 1; i <= updates; i++) {
            double start = (i - 1) * dt;
            double target = targetAt(sorted, i * dt);
            double rate = Math.max(0, Math.min(settings.maxRateMgPerH(), rateFor(x, target)));
            double[] begin = x.clone();
            propagation.advance(x, dt, input(rate));
            out.add(new Interval(start, i * dt, rate, target, begin, x.clone()));
        }
        return out;
    }

    /** The target that holds at {@code t}: the last one starting at or before it (to 1e-9 h). */
    private static double targetAt(List<TciTarget> sorted, double t) {
        double target = sorted.get(0).ngPerMl();
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
        propagation.advance(free, settings.updateIntervalH(), new double[x.length]);
        double[] unit = new double[x.length];
        propagation.advance(unit, settings.updateIntervalH(), input(1));
        return (target - system.parentConcentration(free)) / system.parentConcentration(unit);
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
                propagation.advance(x, dt - t, input(1));
                t = dt;
            }
            if (to > t) {
                propagation.advance(x, to - t, unit && t < dt ? input(1) : new double[x.length]);
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
