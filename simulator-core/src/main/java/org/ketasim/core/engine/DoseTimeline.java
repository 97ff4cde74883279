package org.ketasim.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.ketasim.core.model.DeviceDosing;
import org.ketasim.core.model.InputChannel;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Route;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.Breakpoints;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.RateSegment;
import org.ketasim.core.regimen.Regimen;

/**
 * A regimen compiled against a {@link LinearSystem}: the sorted breakpoints, the input rate into
 * every state on each interval between them, the pump rate on each interval, and the bolus jumps
 * at them. Bioavailability, lag and zero-order phase of each absorption path are applied here: an
 * extravascular bolus given at t enters each path's depot at t + lag, times the path's F, at once
 * or evenly over its zero-order phase; an infusion's input is shifted by the lag (and by half a
 * zero-order phase, an approximation: see {@link org.ketasim.core.model.Absorption}). The pump rate
 * is as set, before any of these. An infusion segment whose start and end are one instant
 * ({@link Breakpoints#same}), or that the merging of nearby breakpoints leaves without an interval,
 * is given whole at its start, as a bolus: no amount is ever dropped.
 *
 * <p>Interval {@code i} is {@code [time(i), time(i+1))}, the last one open-ended; before
 * {@code time(0)} nothing is given. Immutable and thread-safe.
 */
public final class DoseTimeline {

    private final double[] times;
    private final double[][] inputRates;
    private final double[] pumpRates;
    private final double[][] jumps;
    private final double[] administeredMg;

    private DoseTimeline(double[] times, double[][] inputRates, double[] pumpRates, double[][] jumps,
                         double[] administeredMg) {
        this.times = times;
        this.inputRates = inputRates;
        this.pumpRates = pumpRates;
        this.jumps = jumps;
        this.administeredMg = administeredMg;
    }

    /**
     * Compiles a regimen whose doses are wholly the model's parent analyte.
     *
     * @param regimen the regimen
     * @param system  the system its doses enter
     * @return the timeline
     * @throws UnsupportedRouteException if a dose uses a route the system does not have
     */
    public static DoseTimeline of(Regimen regimen, LinearSystem system) {
        return of(regimen, system, 1.0);
    }

    /**
     * Compiles a regimen of which only a fraction is the model's parent analyte (half a racemic dose
     * for an S-ketamine model; the base in a salt). The fraction scales what enters the system, like
     * bioavailability; the pump rate stays as set.
     *
     * @param regimen     the regimen
     * @param system      the system its doses enter
     * @param inputFactor fraction of every dose that enters as the parent analyte, 0 to 1
     * @return the timeline
     * @throws UnsupportedRouteException if a dose uses a route the system does not have
     */
    public static DoseTimeline of(Regimen regimen, LinearSystem system, double inputFactor) {
        checkInputFactor(inputFactor);
        int n = system.dimension();
        Inputs inputs = new Inputs();
        for (Dose dose : regimen.doses()) {
            compile(dose, system, inputFactor, inputs);
        }
        List<Double> raw = new ArrayList<>();
        for (double[] s : inputs.pumps) {
            raw.add(s[0]);
            raw.add(s[1]);
        }
        for (double[] s : inputs.pulses) {
            raw.add(s[0]);
            raw.add(s[1]);
        }
        for (double[] b : inputs.impulses) {
            raw.add(b[0]);
        }
        for (double[] a : inputs.administrations) {
            raw.add(a[0]);
        }
        double[] times = merge(raw);
        int m = times.length;
        double[][] inputRates = new double[m][n];
        double[] pumpRates = new double[m];
        double[][] jumps = new double[m][];
        double[] given = new double[m];
        for (double[] s : inputs.pumps) {
            int from = indexOf(times, s[0]);
            int to = indexOf(times, s[1]);
            if (from == to) {
                given[from] += s[2] * (s[1] - s[0]);
            }
            for (int i = from; i < to; i++) {
                pumpRates[i] += s[2];
            }
        }
        for (double[] s : inputs.pulses) {
            int from = indexOf(times, s[0]);
            int to = indexOf(times, s[1]);
            if (from == to) {
                jump(jumps, from, n)[(int) s[3]] += s[2] * (s[1] - s[0]);
            }
            for (int i = from; i < to; i++) {
                inputRates[i][(int) s[3]] += s[2];
            }
        }
        for (double[] b : inputs.impulses) {
            jump(jumps, indexOf(times, b[0]), n)[(int) b[2]] += b[1];
        }
        for (double[] a : inputs.administrations) {
            given[indexOf(times, a[0])] += a[1];
        }
        return new DoseTimeline(times, inputRates, pumpRates, jumps, given);
    }

    private static double[] jump(double[][] jumps, int i, int n) {
        if (jumps[i] == null) {
            jumps[i] = new double[n];
        }
        return jumps[i];
    }

    private static void checkInputFactor(double inputFactor) {
        if (!(inputFactor >= 0 && inputFactor <= 1)) {
            throw new IllegalArgumentException("input factor must be between 0 and 1, got " + inputFactor);
        }
    }

    /**
     * What doses put into a system, as lists of primitive arrays: pump segments {start, end,
     * rate}, input segments {start, end, rate, state}, impulses {time, amount, state} and
     * administrations {time, amount as given} of boluses. Filled by {@link #compile}.
     */
    static final class Inputs {
        final List<double[]> pumps = new ArrayList<>();
        final List<double[]> pulses = new ArrayList<>();
        final List<double[]> impulses = new ArrayList<>();
        final List<double[]> administrations = new ArrayList<>();
    }

    /**
     * Adds what one dose puts into the system: the pump's rate segments as set; per absorption
     * path, the input after bioavailability, input factor, lag and zero-order phase; a bolus's
     * administration at its own time, before any of these.
     *
     * @throws UnsupportedRouteException if the system lacks the dose's route
     */
    static void compile(Dose dose, LinearSystem system, double inputFactor, Inputs out) {
        checkInputFactor(inputFactor);
        List<InputChannel> paths = system.channels(dose.route());
        if (paths.isEmpty()) {
            throw new UnsupportedRouteException(dose.route(),
                    system.routes().stream().map(Route::id).collect(Collectors.joining(", ")));
        }
        for (RateSegment s : dose.rateSegments()) {
            if (instant(s)) {
                out.administrations.add(new double[] {s.startH(), s.deliveredMg(s.endH())});
            } else {
                out.pumps.add(new double[] {s.startH(), s.endH(), s.rateMgPerH()});
            }
        }
        if (dose instanceof Bolus bolus) {
            out.administrations.add(new double[] {bolus.timeH(), bolus.amountMg()});
        }
        for (InputChannel channel : paths) {
            double f = channel.bioavailability() * inputFactor;
            double lag = channel.lagH();
            double spread = channel.zeroOrderH();
            if (dose instanceof Bolus bolus) {
                for (double[] device : devices(bolus, channel)) {
                    double t = device[0] + lag;
                    double amount = device[1] * device[2] * inputFactor;
                    if (spread > 0) {
                        out.pulses.add(new double[] {t, t + spread, amount / spread, channel.stateIndex()});
                    } else {
                        out.impulses.add(new double[] {t, amount, channel.stateIndex()});
                    }
                }
            }
            double shift = lag + spread / 2;
            for (RateSegment s : dose.rateSegments()) {
                if (instant(s)) {
                    double t = s.startH() + lag;
                    double amount = f * s.deliveredMg(s.endH());
                    if (spread > 0) {
                        out.pulses.add(new double[] {t, t + spread, amount / spread, channel.stateIndex()});
                    } else {
                        out.impulses.add(new double[] {t, amount, channel.stateIndex()});
                    }
                } else {
                    out.pulses.add(new double[] {s.startH() + shift, s.endH() + shift, f * s.rateMgPerH(),
                        channel.stateIndex()});
                }
            }
        }
    }

    /**
     * @return whether a segment starts and ends at the same instant ({@link Breakpoints#same}): an
     *         infusion too short for the engine to resolve (50 mg over a microsecond), given whole at
     *         its start as a bolus is, so that none of it is lost between merged breakpoints
     */
    private static boolean instant(RateSegment s) {
        return Breakpoints.same(s.startH(), s.endH());
    }

    /**
     * A bolus as the devices that give it: {time, amount, bioavailability} each. Without device
     * dosing, the bolus itself with the path's F; with it, whole devices (and a last, partial one)
     * at the route's interval, the later ones at their own F.
     */
    private static List<double[]> devices(Bolus bolus, InputChannel channel) {
        if (channel.devices().isEmpty()) {
            return List.of(new double[] {bolus.timeH(), bolus.amountMg(), channel.bioavailability()});
        }
        DeviceDosing d = channel.devices().get();
        List<double[]> out = new ArrayList<>();
        double left = bolus.amountMg();
        for (int k = 0; left > 1e-9 * d.deviceMg() || k == 0; k++) {
            double amount = Math.min(d.deviceMg(), left);
            out.add(new double[] {bolus.timeH() + k * d.intervalH(), amount,
                k == 0 ? channel.bioavailability() : d.laterBioavailability()});
            left -= amount;
        }
        return out;
    }

    /** Sorts the times and merges those that are the same instant (see {@link Breakpoints#same}). */
    private static double[] merge(List<Double> raw) {
        double[] sorted = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] out = new double[sorted.length];
        int k = 0;
        for (double t : sorted) {
            if (k == 0 || !Breakpoints.same(out[k - 1], t)) {
                out[k++] = t;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** @return the index of the merged breakpoint that is the same instant as {@code t} */
    private static int indexOf(double[] times, double t) {
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            return i;
        }
        int insertion = -i - 1;
        if (insertion < times.length && Breakpoints.same(times[insertion], t)) {
            return insertion;
        }
        return insertion - 1;
    }

    /** @return the number of breakpoints */
    public int size() {
        return times.length;
    }

    /**
     * @param i a breakpoint index
     * @return its time (h)
     */
    public double time(int i) {
        return times[i];
    }

    /**
     * @param i a breakpoint index
     * @return the input rate into each state on interval i (mg/h per state); do not modify
     */
    double[] inputRate(int i) {
        return inputRates[i];
    }

    /**
     * @param i     a breakpoint index
     * @param state a state index
     * @return the input rate into that state on interval i (mg/h)
     */
    public double inputRate(int i, int state) {
        return inputRates[i][state];
    }

    /**
     * @param i a breakpoint index
     * @return whether any amount is added at breakpoint i (a bolus)
     */
    public boolean hasJump(int i) {
        return jumps[i] != null;
    }

    /**
     * @param i a breakpoint index
     * @return the amounts added to each state at breakpoint i (mg), or null if none; do not modify
     */
    double[] jump(int i) {
        return jumps[i];
    }

    /**
     * @param i a breakpoint index
     * @return the amount of the boluses given at breakpoint i (mg), as written, before
     *         bioavailability and lag
     */
    public double administeredMg(int i) {
        return administeredMg[i];
    }

    /**
     * @param i a breakpoint index
     * @return the total pump rate on interval i (mg/h), as set, before bioavailability
     */
    public double pumpRate(int i) {
        return pumpRates[i];
    }
}
