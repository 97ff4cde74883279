package org.ketasim.core.nonmem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ketasim.core.engine.ExactStepper;
import org.ketasim.core.engine.Stepper;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.regimen.Breakpoints;

/**
 * Simulates the records of one NONMEM ID with NONMEM's event semantics (see the package
 * documentation) on the exact solver, and gives the predictions of every record. Not thread-safe:
 * use one instance per thread.
 */
public final class NonmemSimulator {

    /** A constant input into one state on {@code [start, end)}; {@code end} may be infinite. */
    private record Pulse(double start, double end, double rate, int state) {
    }

    /** An amount that enters one state at {@code time}. */
    private record Impulse(double time, double amount, int state) {
    }

    /** The predictions of one record. */
    public record Prediction(double cp, double cm, double ce) {
    }

    private final Compartments compartments;
    private final LinearSystem system;
    private final int n;
    private final boolean[] dynamic;
    private final String source;

    private Stepper propagation;
    private double[] x;
    private double t;
    private final List<Pulse> pulses = new ArrayList<>();
    private final List<Impulse> impulses = new ArrayList<>();
    private final PriorityQueue<NonmemRecord> implied = new PriorityQueue<>(Comparator.comparingDouble(NonmemRecord::time));

    /**
     * @param compartments the model and its compartment numbers
     * @param source       the data set's file name, for messages
     */
    public NonmemSimulator(Compartments compartments, String source) {
        this.compartments = compartments;
        this.system = compartments.system();
        this.n = system.dimension();
        this.dynamic = new boolean[n];
        for (int i = 0; i < n; i++) {
            dynamic[i] = !system.stateNames().get(i).startsWith("auc:");
        }
        this.source = source;
    }

    /**
     * @param records the records of one ID, in file order
     * @return one prediction per record
     * @throws NonmemDataException for a record the model cannot take (unknown compartment, missing
     *                             modelled rate or duration)
     */
    public List<Prediction> simulate(List<NonmemRecord> records) {
        propagation = new ExactStepper(system);
        x = new double[n];
        t = records.isEmpty() ? 0 : records.get(0).time();
        pulses.clear();
        impulses.clear();
        implied.clear();
        List<Prediction> out = new ArrayList<>(records.size());
        for (NonmemRecord r : records) {
            advanceTo(r.time());
            if (r.evid() == 3 || r.evid() == 4) {
                reset();
            }
            if (r.isDose()) {
                dose(r, false);
            }
            out.add(new Prediction(system.parentConcentration(x), system.metaboliteConcentration(x),
                    system.effectConcentration(x)));
        }
        return out;
    }

    /** Replaces {@code x} by the state {@code h} later under the constant input {@code u}. */
    private static void advance(Stepper stepper, double[] x, double h, double[] u) {
        stepper.setState(x);
        stepper.setInput(u);
        stepper.advance(h);
        System.arraycopy(stepper.state(), 0, x, 0, x.length);
    }

    private void reset() {
        java.util.Arrays.fill(x, 0);
        pulses.clear();
        impulses.clear();
        implied.clear();
    }

    /** Advances to {@code target}, applying every input and additional dose on the way (those at target too). */
    private void advanceTo(double target) {
        while (true) {
            double next = target;
            for (Pulse p : pulses) {
                if (p.start() > t && !Breakpoints.same(p.start(), t)) {
                    next = Math.min(next, p.start());
                }
                if (p.end() > t && !Breakpoints.same(p.end(), t)) {
                    next = Math.min(next, p.end());
                }
            }
            for (Impulse i : impulses) {
                next = Math.min(next, Math.max(i.time(), t));
            }
            if (!implied.isEmpty()) {
                next = Math.min(next, Math.max(implied.peek().time(), t));
            }
            if (next > t && !Breakpoints.same(next, t)) {
                advance(propagation, x, next - t, inputAt(t));
                t = next;
            }
            boolean acted = applyDue();
            if (!acted && (Breakpoints.same(t, target) || t >= target)) {
                t = target;
                pulses.removeIf(p -> p.end() <= t || Breakpoints.same(p.end(), t));
                return;
            }
        }
    }

    /** Applies impulses and additional doses due now; @return whether anything was applied. */
    private boolean applyDue() {
        boolean acted = false;
        for (var it = impulses.iterator(); it.hasNext(); ) {
            Impulse i = it.next();
            if (i.time() <= t || Breakpoints.same(i.time(), t)) {
                x[i.state()] += i.amount();
                it.remove();
                acted = true;
            }
        }
        while (!implied.isEmpty() && (implied.peek().time() <= t || Breakpoints.same(implied.peek().time(), t))) {
            dose(implied.poll(), true);
            acted = true;
        }
        return acted;
    }

    private double[] inputAt(double time) {
        double[] u = new double[n];
        for (Pulse p : pulses) {
            if ((p.start() <= time || Breakpoints.same(p.start(), time)) && p.end() > time
                    && !Breakpoints.same(p.end(), time)) {
                u[p.state()] += p.rate();
            }
        }
        return u;
    }

    /** The shape of one dose: where, how much, when relative to the dose time, how long. */
    private record Shape(int state, double amount, double lag, double duration, double rate) {
        boolean bolus() {
            return duration == 0;
        }
    }

    private Shape shape(NonmemRecord r) {
        int cmt = r.cmt();
        int state = compartments.state(cmt).orElseThrow(() -> new NonmemDataException(source, r.row(), "CMT",
                "compartment " + cmt + " is not in the model (compartments: " + compartments.names() + ")"));
        double f = r.modelled().getOrDefault("F" + cmt, compartments.defaultBioavailability(cmt));
        double lag = r.modelled().getOrDefault("ALAG" + cmt, compartments.defaultLag(cmt));
        if (!(f >= 0) || !(lag >= 0)) {
            throw new NonmemDataException(source, r.row(), "F" + cmt + "/ALAG" + cmt,
                    "bioavailability " + f + " and lag " + lag + " must not be negative");
        }
        double amount = f * r.amt();
        if (r.rate() == 0) {
            return new Shape(state, amount, lag, 0, 0);
        }
        if (r.rate() == -1) {
            Double modelled = r.modelled().get("R" + cmt);
            if (modelled == null || !(modelled > 0)) {
                throw new NonmemDataException(source, r.row(), "RATE", "RATE -1 needs a positive modelled rate R"
                        + cmt + " (map it to a column with --map R" + cmt + "=COLUMN), got " + modelled);
            }
            return new Shape(state, amount, lag, amount / modelled, modelled);
        }
        if (r.rate() == -2) {
            double d = r.modelled().getOrDefault("D" + cmt, compartments.defaultDuration(cmt));
            if (!(d > 0)) {
                throw new NonmemDataException(source, r.row(), "RATE", "RATE -2 needs a positive modelled duration D"
                        + cmt + " (map it to a column with --map D" + cmt + "=COLUMN), got " + d);
            }
            return new Shape(state, amount, lag, d, amount / d);
        }
        return new Shape(state, amount, lag, amount / r.rate(), r.rate());
    }

    private void dose(NonmemRecord r, boolean isImplied) {
        double time = r.time();
        if (r.ss() > 0 && r.ii() == 0) {
            constantSteadyState(r);
            return;
        }
        Shape s = shape(r);
        if (r.ss() > 0) {
            double[] steady = periodicSteadyState(s, r.ii());
            if (r.ss() == 1) {
                reset();
            }
            for (int i = 0; i < n; i++) {
                x[i] += steady[i];
            }
            addTails(s, r.ii(), time);
        }
        give(s, time);
        if (!isImplied) {
            for (int k = 1; k <= r.addl(); k++) {
                implied.add(new NonmemRecord(r.row(), r.id(), time + k * r.ii(), 1, r.amt(), r.cmt(), r.rate(), r.ii(),
                        0, 0, r.modelled(), r.cells()));
            }
        }
    }

    /** Gives one dose of the given shape at {@code time}. */
    private void give(Shape s, double time) {
        double start = time + s.lag();
        if (s.bolus()) {
            if (start <= t || Breakpoints.same(start, t)) {
                x[s.state()] += s.amount();
            } else {
                impulses.add(new Impulse(start, s.amount(), s.state()));
            }
        } else {
            pulses.add(new Pulse(start, start + s.duration(), s.rate(), s.state()));
        }
    }

    /**
     * SS with II 0 and no amount: the state is the steady state of a constant infusion at the record's
     * rate, and the infusion then stops (as NONMEM 7.5.1 does in the parity set, ID 29: the
     * concentration falls from the steady state after the record).
     */
    private void constantSteadyState(NonmemRecord r) {
        int cmt = r.cmt();
        int state = compartments.state(cmt).orElseThrow(() -> new NonmemDataException(source, r.row(), "CMT",
                "compartment " + cmt + " is not in the model (compartments: " + compartments.names() + ")"));
        double f = r.modelled().getOrDefault("F" + cmt, compartments.defaultBioavailability(cmt));
        double rate = f * (r.rate() == -1 ? r.modelled().getOrDefault("R" + cmt, 0.0) : r.rate());
        if (!(rate > 0)) {
            throw new NonmemDataException(source, r.row(), "RATE", "a steady-state infusion with II 0 needs a rate "
                    + "> 0, got " + rate);
        }
        double[][] a = system.matrix();
        int[] idx = dynamicIndices();
        RealMatrix sub = new Array2DRowRealMatrix(idx.length, idx.length);
        double[] rhs = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                sub.setEntry(i, j, a[idx[i]][idx[j]]);
            }
            rhs[i] = idx[i] == state ? -rate : 0;
        }
        double[] solved = solve(sub, rhs, r);
        if (r.ss() == 1) {
            reset();
        }
        for (int i = 0; i < idx.length; i++) {
            x[idx[i]] += solved[i];
        }
    }

    /**
     * The state at a dose time of the steady state of the dose repeated every II forever, not
     * counting the dose given now: the fixed point of one interval, x = Phi(II) x + r, with r the
     * response over the interval [-II, 0) to every input of the earlier doses that falls in it.
     */
    private double[] periodicSteadyState(Shape s, double ii) {
        List<double[]> pieces = new ArrayList<>();     // {start, end, rate} in [0, II)
        List<Double> arrivals = new ArrayList<>();     // bolus arrival phases in [0, II)
        for (int k = 1; ; k++) {
            double start = -k * ii + s.lag();
            double end = start + s.duration();
            if (s.bolus()) {
                if (start < 0 && !Breakpoints.same(start, 0) && start >= -ii) {
                    arrivals.add(start + ii);
                }
                if (start < -ii) {
                    break;
                }
            } else {
                double from = Math.max(start, -ii);
                double to = Math.min(end, 0);
                if (to > from) {
                    pieces.add(new double[] {from + ii, to + ii, s.rate()});
                }
                if (end <= -ii) {
                    break;
                }
            }
        }
        Stepper local = new ExactStepper(system);
        double[] r = new double[n];
        List<Double> cuts = new ArrayList<>(List.of(0.0, ii));
        pieces.forEach(p -> {
            cuts.add(p[0]);
            cuts.add(p[1]);
        });
        cuts.addAll(arrivals);
        double[] sorted = cuts.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        for (int c = 0; c < sorted.length; c++) {
            double phase = sorted[c];
            for (double arrival : arrivals) {
                if (Breakpoints.same(arrival, phase)) {
                    r[s.state()] += s.amount();
                }
            }
            if (c + 1 < sorted.length && sorted[c + 1] > phase) {
                double[] u = new double[n];
                for (double[] p : pieces) {
                    if (p[0] <= phase && p[1] > phase) {
                        u[s.state()] += p[2];
                    }
                }
                advance(local, r, sorted[c + 1] - phase, u);
            }
        }
        int[] idx = dynamicIndices();
        RealMatrix m = new Array2DRowRealMatrix(idx.length, idx.length);
        double[] rhs = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            double[] unit = new double[n];
            unit[idx[j]] = 1;
            advance(local, unit, ii, new double[n]);
            for (int i = 0; i < idx.length; i++) {
                m.setEntry(i, j, (i == j ? 1 : 0) - unit[idx[i]]);
            }
        }
        for (int i = 0; i < idx.length; i++) {
            rhs[i] = r[idx[i]];
        }
        double[] solved = solve(m, rhs, null);
        double[] steady = new double[n];
        for (int i = 0; i < idx.length; i++) {
            steady[idx[i]] = solved[i];
        }
        return steady;
    }

    /** The parts of the earlier doses of a steady-state train that come at or after the dose time. */
    private void addTails(Shape s, double ii, double time) {
        for (int k = 1; ; k++) {
            double start = -k * ii + s.lag();
            double end = start + s.duration();
            if (s.bolus()) {
                if (start >= 0 || Breakpoints.same(start, 0)) {
                    give(new Shape(s.state(), s.amount(), 0, 0, 0), time + Math.max(0, start));
                } else {
                    break;
                }
            } else {
                if (end > 0 && !Breakpoints.same(end, 0)) {
                    pulses.add(new Pulse(time + Math.max(start, 0), time + end, s.rate(), s.state()));
                } else {
                    break;
                }
            }
        }
    }

    private int[] dynamicIndices() {
        int count = 0;
        for (boolean d : dynamic) {
            count += d ? 1 : 0;
        }
        int[] idx = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (dynamic[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    private double[] solve(RealMatrix m, double[] rhs, NonmemRecord r) {
        var solver = new LUDecomposition(m).getSolver();
        if (!solver.isNonSingular()) {
            throw new NonmemDataException(source, r == null ? 0 : r.row(), "SS",
                    "the model has no steady state (a compartment without elimination)");
        }
        return solver.solve(new ArrayRealVector(rhs, false)).toArray();
    }
}
