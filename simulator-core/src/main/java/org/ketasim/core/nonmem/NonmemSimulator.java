package org.ketasim.core.nonmem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.nonmem.MappedParameter.Kind;
import org.ketasim.core.regimen.Breakpoints;

/**
 * Simulates the records of one NONMEM individual with NONMEM's event semantics (see the package
 * documentation) on the exact solver, and gives the predictions of every record. Not thread-safe:
 * use one instance per thread.
 *
 * <p>The interval from one record to the next is advanced with the model of the record that ends
 * it ({@link RecordModels#of}), by superposition: {@code x(t1) = Phi(t1 - t0) x(t0)} plus, for every
 * train of doses still running or to come, its response at t1 less its response at t0 carried to t1
 * ({@link TrainResponse}), which is exact because the system is linear and constant over the
 * interval. Doses whose bioavailability, rate or duration is not yet known (those that enter after
 * their record: lagged and additional doses) wait as {@link Pending} series and become trains when
 * they enter, with the parameters of the record at or after their entry.
 */
public final class NonmemSimulator {

    /** The predictions of one record (ng/mL), NaN for what the model lacks. */
    public record Prediction(double cp, double cm, double ce) {
    }

    /**
     * The shape of one dose: where, how much, how long.
     *
     * @param state     the state it enters
     * @param amount    the amount that enters, F x AMT (mg)
     * @param duration  the infusion's duration (h), 0 for a bolus
     * @param rate      the infusion's rate (mg/h), 0 for a bolus
     */
    private record Shape(int state, double amount, double duration, double rate) {
        boolean bolus() {
            return duration == 0;
        }

        /** @return the train of {@code count} such doses, the first entering at {@code start} */
        Train train(double start, double interval, int count) {
            return new Train(start, interval, count, state, bolus() ? amount : 0, rate, duration);
        }
    }

    /**
     * Doses of one record that have not entered yet: they enter at {@code first + j * interval} for
     * j = 0 to count - 1, and their bioavailability, rate and duration are those of the record at
     * or after that time.
     */
    private record Pending(NonmemRecord dose, double first, double interval, int count) {
        /** @return how many enter by t */
        int dueBy(double t) {
            return new Train(first, interval, count, 0, 1, 0, 0).entered(t);
        }

        Pending after(int n) {
            return new Pending(dose, first + n * interval, interval, count - n);
        }
    }

    /** The most earlier doses of a steady-state train that may still be running or to come at its record. */
    private static final long MAX_TAIL = Integer.MAX_VALUE;

    private final RecordModels models;
    private final String source;
    private final Map<Compartments, TrainResponse> responses = new IdentityHashMap<>();

    private double[] x;
    private double t;
    private final List<Train> trains = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();

    /** @param models the model of each record */
    public NonmemSimulator(RecordModels models) {
        this.models = models;
        this.source = models.source();
    }

    /**
     * @param records the records of one individual, in file order
     * @return one prediction per record
     * @throws NonmemDataException for a record the model cannot take (unknown compartment, missing
     *                             modelled rate or duration, a mapped value out of range)
     */
    public List<Prediction> simulate(List<NonmemRecord> records) {
        x = new double[models.typical().system().dimension()];
        t = records.isEmpty() ? 0 : records.get(0).time();
        reset();
        List<Prediction> out = new ArrayList<>(records.size());
        for (NonmemRecord r : records) {
            Compartments model = models.of(r);
            TrainResponse response = responses.computeIfAbsent(model, c -> new TrainResponse(c.system()));
            try {
                advance(r, model, response);
                if (r.isReset()) {
                    reset();
                }
                if (r.isDose()) {
                    dose(r, model, response);
                }
            } catch (IllegalArgumentException e) {
                // the exact solver refuses a non-finite matrix: h or a rate beyond double precision
                throw beyondPrecision(r, e.getMessage());
            }
            if (!Arrays.stream(x).allMatch(Double::isFinite)) {
                throw beyondPrecision(r, "an amount is not a finite number");
            }
            LinearSystem system = model.system();
            out.add(new Prediction(system.parentConcentration(x), system.metaboliteConcentration(x),
                    system.effectConcentration(x)));
        }
        return out;
    }

    private NonmemDataException beyondPrecision(NonmemRecord r, String what) {
        return new NonmemDataException(source, r.row(), "", "cannot simulate up to this record at time " + r.time()
                + " h: the times, amounts or rates are too large for double precision (" + what + ")");
    }

    private void reset() {
        Arrays.fill(x, 0);
        trains.clear();
        pending.clear();
    }

    /**
     * Advances from t to the record's time with the record's model: the doses that enter on the
     * way become trains with the record's parameters, then every train adds its response.
     */
    private void advance(NonmemRecord r, Compartments model, TrainResponse response) {
        double target = r.time();
        if (Breakpoints.same(t, target)) {
            return;
        }
        enter(target, r, model);
        double[] carried = x.clone();
        double[] added = new double[x.length];
        for (Train train : trains) {
            int entered = train.entered(target);
            if (entered > 0) {
                Train part = train.first(entered);
                subtract(carried, response.at(part, t));
                add(added, response.at(part, target));
            }
        }
        x = response.phi(target - t, carried);
        add(x, added);
        t = target;
        dropEnded();
    }

    /** Turns the pending doses that enter by {@code time} into trains with the record's parameters. */
    private void enter(double time, NonmemRecord argument, Compartments model) {
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            int due = p.dueBy(time);
            if (due > 0) {
                trains.add(shape(p.dose(), argument, model, p.first()).train(p.first(), p.interval(), due));
                pending.set(i, p.after(due));
            }
        }
        pending.removeIf(p -> p.count() == 0);
    }

    /** Removes the doses that have entered and ended by t: their effect is in x. */
    private void dropEnded() {
        for (int i = 0; i < trains.size(); i++) {
            Train train = trains.get(i);
            int ended = train.completed(t);
            if (ended > 0) {
                trains.set(i, ended == train.count() ? null : train.dropFirst(ended));
            }
        }
        trains.removeIf(train -> train == null);
    }

    /** Gives the dose of record r at t (x already advanced to t). */
    private void dose(NonmemRecord r, Compartments model, TrainResponse response) {
        if (r.ss() > 0 && r.ii() == 0) {
            constantSteadyState(r, model);
            return;
        }
        double lag = lag(r, model);
        if (r.ss() > 0) {
            steadyState(r, shape(r, r, model, t + lag), lag, response);
        }
        pending.add(new Pending(r, t + lag, r.ii(), r.addl() + 1));
        int before = trains.size();
        enter(t, r, model);
        for (Train train : trains.subList(before, trains.size())) {
            add(x, response.at(train, t));
        }
        dropEnded();
    }

    private double lag(NonmemRecord dose, Compartments model) {
        state(dose, model);
        return models.value(dose, new MappedParameter(Kind.ALAG, dose.cmt()), model.defaultLag(dose.cmt()));
    }

    private int state(NonmemRecord dose, Compartments model) {
        int cmt = dose.cmt();
        return model.state(cmt).orElseThrow(() -> new NonmemDataException(source, dose.row(), "CMT",
                "compartment " + cmt + " is not in the model (compartments: " + model.names() + ")"));
    }

    /**
     * The shape of a dose of record {@code dose} that enters at {@code entry}, with the
     * bioavailability, modelled rate and modelled duration of record {@code argument} (the record at
     * or after its entry). An infusion shorter than the same-instant tolerance ({@link Breakpoints})
     * is given as a bolus, so that its amount enters in full.
     */
    private Shape shape(NonmemRecord dose, NonmemRecord argument, Compartments model, double entry) {
        int cmt = dose.cmt();
        int state = state(dose, model);
        double amount = models.value(argument, new MappedParameter(Kind.F, cmt), model.defaultBioavailability(cmt))
                * dose.amt();
        double duration;
        double rate;
        if (dose.rate() == 0) {
            return new Shape(state, amount, 0, 0);
        } else if (dose.rate() == -1) {
            MappedParameter r = new MappedParameter(Kind.R, cmt);
            if (!models.mapped(r)) {
                throw new NonmemDataException(source, dose.row(), "RATE", "RATE -1 needs a positive modelled rate "
                        + r.name() + ": map it to a column with --map " + r.name() + "=COLUMN");
            }
            rate = models.value(argument, r, Double.NaN);
            duration = amount / rate;
        } else if (dose.rate() == -2) {
            MappedParameter d = new MappedParameter(Kind.D, cmt);
            duration = models.value(argument, d, model.defaultDuration(cmt));
            if (!(duration > 0)) {
                throw new NonmemDataException(source, dose.row(), "RATE", "RATE -2 needs a positive modelled duration "
                        + d.name() + ": map it to a column with --map " + d.name() + "=COLUMN (compartment " + cmt
                        + " has no zero-order phase of its own)");
            }
            rate = amount / duration;
        } else {
            rate = dose.rate();
            duration = amount / rate;
        }
        if (!(duration < Double.POSITIVE_INFINITY)) {
            throw new NonmemDataException(source, dose.row(), "RATE", "an infusion of " + amount + " mg at " + rate
                    + " mg/h would last for ever");
        }
        if (Breakpoints.same(entry, entry + duration)) {
            return new Shape(state, amount, 0, 0);
        }
        return new Shape(state, amount, duration, rate);
    }

    /**
     * SS with II 0: the steady state of a constant infusion that has run forever and ends at the
     * record (in NONMEM such a record marks the infusion's termination). As in NONMEM,
     * bioavailability does not apply to it; the rate is RATE, or the modelled R for RATE -1.
     */
    private void constantSteadyState(NonmemRecord r, Compartments model) {
        int state = state(r, model);
        MappedParameter modelled = new MappedParameter(Kind.R, r.cmt());
        double rate = r.rate() == -1 ? models.value(r, modelled, 0) : r.rate();
        if (!(rate > 0)) {
            throw new NonmemDataException(source, r.row(), "RATE", "a steady-state infusion with II 0 needs RATE > 0, "
                    + "or RATE -1 with a modelled rate " + modelled.name() + " (--map " + modelled.name() + "=COLUMN)");
        }
        LinearSystem system = model.system();
        double[][] a = system.matrix();
        int[] idx = dynamicIndices(system);
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
     * Puts the system in the steady state of the dose repeated every II forever, at a dose time, not
     * counting the dose given now (that one follows as usual). Earlier dose k (k &gt;= 1) enters at
     * {@code t + lag - k II}. Those that have ended by now add up to {@code Phi(since) (I - P)^-1 v},
     * the geometric series of {@code P = Phi(II)} summed in closed form, with v one dose's
     * response (the bolus, or {@code Gamma(d) r e}) and {@code since} the time since the newest of
     * them ended; the others, still running or not yet entered (a lag or an infusion longer than
     * II), are a finite train that goes on after now, and add their response so far. SS=1 resets
     * first; SS=2 adds to the state.
     */
    private void steadyState(NonmemRecord r, Shape s, double lag, TrainResponse response) {
        double ii = r.ii();
        long running = Train.countAfter(t + lag + s.duration(), ii, t);
        if (running > MAX_TAIL) {
            throw new NonmemDataException(source, r.row(), "II", "the lag and duration span " + running
                    + " intervals of " + ii + " h; at most " + MAX_TAIL + " earlier doses can still be running");
        }
        int newestEnded = (int) running + 1;
        double since = Train.elapsed(t + lag - newestEnded * ii + s.duration(), t);
        double[] one = new double[x.length];
        one[s.state()] = s.bolus() ? s.amount() : s.rate();
        double[] v = s.bolus() ? one : response.gamma(s.duration(), one);
        LinearSystem system = response.system();
        int[] idx = dynamicIndices(system);
        double[][] period = response.phiMatrix(ii);
        RealMatrix m = new Array2DRowRealMatrix(idx.length, idx.length);
        double[] rhs = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                m.setEntry(i, j, (i == j ? 1 : 0) - period[idx[i]][idx[j]]);
            }
            rhs[i] = v[idx[i]];
        }
        double[] series = new double[x.length];
        double[] solved = solve(m, rhs, r);
        for (int i = 0; i < idx.length; i++) {
            series[idx[i]] = solved[i];
        }
        double[] steady = response.phi(since, series);
        for (int i = 0; i < x.length; i++) {
            if (system.isAuc(i)) {
                steady[i] = 0;
            }
        }
        if (r.ss() == 1) {
            reset();
        }
        add(x, steady);
        if (running > 0) {
            Train tails = s.train(t + lag - running * ii, ii, (int) running);
            add(x, response.at(tails, t));
            trains.add(tails);
        }
    }

    private static int[] dynamicIndices(LinearSystem system) {
        return IntStream.range(0, system.dimension()).filter(i -> !system.isAuc(i)).toArray();
    }

    private double[] solve(RealMatrix m, double[] rhs, NonmemRecord r) {
        var solver = new LUDecomposition(m).getSolver();
        if (!solver.isNonSingular()) {
            throw new NonmemDataException(source, r.row(), "SS",
                    "the model has no steady state (a compartment without elimination)");
        }
        return solver.solve(new ArrayRealVector(rhs, false)).toArray();
    }

    private static void add(double[] to, double[] v) {
        for (int i = 0; i < to.length; i++) {
            to[i] += v[i];
        }
    }

    private static void subtract(double[] from, double[] v) {
        for (int i = 0; i < from.length; i++) {
            from[i] -= v[i];
        }
    }
}
