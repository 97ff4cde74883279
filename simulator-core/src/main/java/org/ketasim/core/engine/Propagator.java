package org.ketasim.core.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;
import org.ketasim.core.regimen.Breakpoints;
import org.ketasim.core.regimen.Dose;

/**
 * The one time loop of ketasim: runs a {@link Plan} on one subject with a {@link Stepper}.
 *
 * <p>It walks the stops in time order: the timeline's breakpoints, the doses controllers give as
 * the run goes, the controllers' decision times, the output rows, the observers' sample times, and
 * the horizon; it never steps across a stop. At a stop it applies, in this order: the timeline's
 * boluses and rate changes, the controllers' doses due, the decisions due (in the plan's order),
 * then reports the row if the stop is one, and last the samples due. So a row at a bolus time
 * holds the state just after the bolus, and the pump rate of a row is the rate from that time on.
 * Stops closer than {@link Breakpoints#TOLERANCE_H} are one instant; a stop next to a row is taken
 * at the row's time, so no sliver interval appears, and an interval equal to the grid's step (to
 * rounding) is taken as exactly the step.
 *
 * <p>Observers ({@link Observer}) see every row and interval; controllers ({@link Controller})
 * decide at their times. A propagator can be advanced row by row ({@link #nextRow()}), to a time
 * ({@link #advanceTo}), or to the end ({@link #run()}); a population advances each subject's
 * propagator through a block of rows at a time. Not thread-safe: one per subject.
 */
public final class Propagator {

    /** A relative distance beyond which two times are surely not one instant ({@link Breakpoints#same}). */
    private static final double FAR_H = 1000 * Breakpoints.TOLERANCE_H;

    private final Plan plan;
    private final Stepper stepper;
    private final DoseTimeline timeline;
    private final OutputGrid grid;
    private final Controller[] controllers;
    private Observer[] observers = new Observer[0];
    /**
     * Whether every observer takes runs of rows ({@link Observer#takesRowRuns()}), and the stepper
     * too, as far as known (it is asked at the first run).
     */
    private boolean runsTaken = true;
    /**
     * The buffers of runs of rows, one per thread: a run is filled and read within one call, so the
     * propagators of a thread's subjects share them (a population keeps thousands of propagators).
     */
    private static final ThreadLocal<RowRun> RUNS = ThreadLocal.withInitial(RowRun::new);
    /** Every observable, in ordinal order (one array, not a copy per {@link Observable#values()} call). */
    private static final Observable[] OBSERVABLES = Observable.values();
    /** Per observable (by ordinal), whether a turning point of it ends a run ({@link Observer#watchesTurns}). */
    private final boolean[] watched = new boolean[OBSERVABLES.length];
    /**
     * Whether the observables whose turns end a run must be asked again: observers may change
     * their answer at a sample.
     */
    private boolean watchStale = true;
    /** The time of the row reported last (h), NaN before the first: a run of rows starts only there. */
    private double lastRowH = Double.NaN;
    /** The earliest time an observer wants a sample at, {@code +infinity} for none: changes only at a sample or an {@link #observe}. */
    private double nextSample = Double.POSITIVE_INFINITY;
    /**
     * The earliest sample that needs a stop while an input runs ({@link Observer#nextStopSampleH}),
     * at or after {@link #nextSample}; the samples before it are taken from runs of rows.
     */
    private double nextStopSample = Double.POSITIVE_INFINITY;
    /** Whether an input runs now (some state's input rate is not zero), as last set. */
    private boolean inputRuns;
    private final int n;
    /** The plan's horizon (h) and number of rows, read on every stop. */
    private final double horizonH;
    private final int rows;
    /** The time of the timeline's next breakpoint (h), infinite after the last. */
    private double nextBreakH;
    /** Whether any controller's dose is pending or running ({@link #given} not empty). */
    private boolean anyGiven;
    private final double[] input;
    private final DoseTimeline.Inputs given = new DoseTimeline.Inputs();
    private final List<Dose> doses = new ArrayList<>();
    private double t;
    private int breakpoint = -1;
    private int row;
    private double pump;
    /** Amount administered up to {@link #pumpSince}, boluses and administrations included (mg). */
    private double administered;
    /** When the pump was last set; the pump's amount since then is added once, at its next change. */
    private double pumpSince;
    private boolean started;
    private boolean ended;
    private boolean inputStale = true;
    /** Observables' values at the current state, read all at once, valid while {@link #valuesVersion} is {@link #version}. */
    private final double[] values = new double[OBSERVABLES.length];
    private long valuesVersion;
    private long version = 1;

    /**
     * @param plan    what to run
     * @param stepper a stepper of the plan's system, at rest
     */
    public Propagator(Plan plan, Stepper stepper) {
        if (stepper.system() != plan.system()) {
            throw new IllegalArgumentException("the stepper belongs to another system than the plan's");
        }
        this.plan = plan;
        this.stepper = stepper;
        this.timeline = plan.timeline();
        this.grid = plan.grid();
        this.n = plan.system().dimension();
        this.horizonH = plan.horizonH();
        this.rows = grid.size();
        this.nextBreakH = timeline.size() > 0 ? timeline.time(0) : Double.POSITIVE_INFINITY;
        this.input = new double[n];
        List<Controller.Factory> factories = plan.controllers();
        this.controllers = new Controller[factories.size()];
        for (int i = 0; i < controllers.length; i++) {
            controllers[i] = factories.get(i).create(plan);
        }
    }

    /**
     * @param plan   what to run
     * @param engine how intervals are taken
     */
    public Propagator(Plan plan, Engine engine) {
        this(plan, engine.stepper(plan.system()));
    }

    /**
     * @param observer an observer of the rest of the run
     * @return this propagator
     */
    public Propagator observe(Observer observer) {
        observers = java.util.Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = observer;
        runsTaken &= observer.takesRowRuns();
        watchStale = true;
        nextSample = Math.min(nextSample, observer.nextSampleH());
        nextStopSample = Math.min(nextStopSample, observer.nextStopSampleH());
        return this;
    }

    /** @return the plan run */
    public Plan plan() {
        return plan;
    }

    /** @return the stepper, for observers that look inside the last interval */
    public Stepper stepper() {
        return stepper;
    }

    /** @return the controllers of this run, in the plan's order */
    public List<Controller> controllers() {
        return List.of(controllers);
    }

    /** @return the time reached (h) */
    public double timeH() {
        return t;
    }

    /** @return the index of the next output row, {@code grid.size()} once all were reported */
    public int nextRowIndex() {
        return row;
    }

    /** @return the subject's system */
    public LinearSystem system() {
        return plan.system();
    }

    /**
     * @param o an observable the system has
     * @return its value now (ng/mL)
     */
    public double value(Observable o) {
        if (valuesVersion != version) {
            stepper.values(values);
            valuesVersion = version;
        }
        return values[o.ordinal()];
    }

    /**
     * @param o an observable the system has
     * @return its course in closed form ({@link Stepper#freeResponse}) from now until
     *         {@link #nextDoseEventH()}, when no input runs now and no controller can give a dose;
     *         empty otherwise, and where the stepper has no closed form
     */
    public Optional<FreeResponse> freeResponse(Observable o) {
        if (controllers.length > 0 || anyGiven) {
            return Optional.empty();
        }
        if (inputStale) {
            refreshInput();
        }
        return stepper.freeResponse(o);
    }

    /**
     * @return the time (h) of the timeline's next breakpoint after now (a dose starts, a rate
     *         changes or ends), {@code +infinity} after the last; now while a controller runs or
     *         a controller's dose is pending
     */
    public double nextDoseEventH() {
        return controllers.length > 0 || anyGiven ? t : nextBreakH;
    }

    /** @return the total pump rate from now on (mg/h), as set, before bioavailability; boluses not included */
    public double pumpRateMgPerH() {
        return pump;
    }

    /** @return the amount administered from 0 up to and including now (mg), before bioavailability */
    public double administeredMg() {
        return administered + pump * (t - pumpSince);
    }

    /**
     * Gives a dose during the run, as controllers do: it is compiled against the system (F, lag,
     * zero-order phase, input factor) like the timeline's doses.
     *
     * @param dose a dose that starts now or later
     * @throws IllegalArgumentException if the dose starts before now
     */
    public void give(Dose dose) {
        if (dose.startH() < t && !Breakpoints.same(dose.startH(), t)) {
            throw new IllegalArgumentException("a dose at " + dose.startH() + " h cannot be given at " + t + " h");
        }
        DoseTimeline.compile(dose, plan.system(), plan.inputFactor(), given);
        anyGiven = true;
        doses.add(dose);
        if (started) {
            applyGiven();
        }
    }

    /** @return the doses given during the run (by controllers), in the order given */
    public List<Dose> dosesGiven() {
        return List.copyOf(doses);
    }

    /** @return whether every row was reported and the horizon reached */
    public boolean finished() {
        return ended;
    }

    /**
     * Advances to the next output row and reports it.
     *
     * @throws IllegalStateException if every row was already reported
     */
    public void nextRow() {
        if (row >= grid.size()) {
            throw new IllegalStateException("every row was reported");
        }
        if (started && controllers.length == 0 && !anyGiven && !inputStale) {
            double g = grid.time(row);
            double sample = nextSample;
            if (g > t && g <= horizonH && farAfter(nextBreakH, g) && farAfter(sample, g)) {
                plainRow(g);
                return;
            }
        }
        int target = row;
        while (row == target) {
            stop(Double.POSITIVE_INFINITY);
        }
    }

    /**
     * Advances through the rows before index {@code until}, reporting each, as that many
     * {@link #nextRow()} calls would. Where the rows come without anything else due between them,
     * and every observer takes runs, they are taken as runs of rows ({@link RowRun}): the stepper
     * computes a run in one loop and each observer reads it at once.
     *
     * @param until the index of the first row not to report, from {@link #nextRowIndex()} to the
     *              number of rows
     * @throws IllegalArgumentException for an index before the next row or beyond the last
     */
    public void nextRows(int until) {
        if (until < row || until > rows) {
            throw new IllegalArgumentException("cannot report rows from " + row + " until " + until + " of " + rows);
        }
        while (row < until) {
            if (!runsTaken || !plainRun(until)) {
                nextRow();
            }
        }
    }

    /**
     * Takes the rows from the next one as a run, if at least two can be: nothing due between them
     * (as in {@link #plainRow}), each one grid step after the one before, the first after the row
     * reported last, and not the grid's last row (observers finish there). A run may end at a row
     * where an observer's sample is due: the samples are taken after the run, as after that row. A
     * run stops before an interval in which a watched observable turns; that interval is taken
     * alone, as a plain row.
     *
     * @return whether any row was reported
     */
    private boolean plainRun(int until) {
        if (!started || controllers.length > 0 || anyGiven || inputStale || t != lastRowH) {
            return false;
        }
        double step = grid.stepH();
        // while an input runs, the samples that observers take from runs do not end one
        boolean samplesFromRuns = inputRuns && nextStopSample > nextSample;
        double sample = inputRuns ? nextStopSample : nextSample;
        int last = Math.min(until, rows - 1);
        double previous = t;
        int count = 0;
        RowRun rowRun = RUNS.get();
        double[] times = rowRun.timesH();
        while (row + count < last && count < RowRun.CAPACITY) {
            double g = grid.time(row + count);
            double h = interval(previous, g);
            if (h != step || !(g > previous) || g > horizonH || !farAfter(nextBreakH, g)) {
                break;
            }
            boolean sampleHere = !farAfter(sample, g);
            if (sampleHere && !Breakpoints.same(sample, g)) {
                break;
            }
            times[count++] = g;
            previous = g;
            if (sampleHere) {
                break;
            }
        }
        if (count < 2) {
            return false;
        }
        if (watchStale) {
            for (Observable o : OBSERVABLES) {
                boolean watch = false;
                for (Observer observer : observers) {
                    watch |= observer.watchesTurns(o);
                }
                watched[o.ordinal()] = watch;
            }
            watchStale = false;
        }
        rowRun.watch(watched);
        rowRun.withAuc(samplesFromRuns);
        int done = stepper.advanceRows(step, count, rowRun);
        if (done < 0) {
            runsTaken = false;
            return false;
        }
        version++;
        if (done > 0) {
            rowRun.start(row);
            rowRun.count(done);
            for (Observer o : observers) {
                o.rows(rowRun);
            }
            if (samplesFromRuns) {
                nextSample = earliestSample(false);
                nextStopSample = earliestSample(true);
            }
            row += done;
            t = times[done - 1];
            lastRowH = t;
        }
        if (done < count) {
            reportInterval(times[done]);
        }
        sampleDue();
        return true;
    }

    /**
     * The common case of {@link #nextRow}, with nothing but the row itself due up to and at it (no
     * breakpoint or observer sample near, no controller, no controller's dose, the input set): what
     * {@link #stop} and {@link #applyDue} would do then, without looking for the next stop.
     */
    private void plainRow(double g) {
        double h = interval(t, g);
        stepper.advance(h);
        version++;
        reportInterval(g);
    }

    /**
     * Reports the interval the stepper has just taken, from now to the next row at {@code g}, then
     * that row, as {@link #plainRow} does after its step.
     */
    private void reportInterval(double g) {
        for (Observer o : observers) {
            o.interval(t, g, this);
        }
        t = g;
        int r = row++;
        lastRowH = g;
        for (Observer o : observers) {
            o.row(r, this);
        }
    }

    /**
     * Advances to an output row and reports it, without reporting the rows before it: every event
     * on the way is applied and every interval observed, but the rows skipped are no stops, so the
     * engine takes the stretches between events whole. For runs that need some rows only (a block of
     * a population's rows).
     *
     * @param target the index of the row to report, from {@link #nextRowIndex()} to the last row
     * @throws IllegalArgumentException for a row already reported or beyond the last
     */
    public void skipToRow(int target) {
        if (target < row || target >= rows) {
            throw new IllegalArgumentException("cannot skip from row " + row + " to row " + target + " of " + rows);
        }
        row = target;
        while (row == target) {
            stop(Double.POSITIVE_INFINITY);
        }
    }

    /** Runs to the horizon, reporting every row left. */
    public void run() {
        nextRows(rows);
        advanceTo(plan.horizonH());
    }

    /**
     * Advances to a time, applying every event up to and including it and reporting the rows on
     * the way; at the horizon, the observers' {@link Observer#end} is called.
     *
     * @param targetH the time (h), not before now, not after the horizon
     */
    public void advanceTo(double targetH) {
        if (targetH < t && !Breakpoints.same(targetH, t) || targetH > plan.horizonH()) {
            throw new IllegalArgumentException("cannot advance from " + t + " h to " + targetH + " h (horizon "
                    + plan.horizonH() + " h)");
        }
        while (!started || !(t >= targetH || Breakpoints.same(t, targetH))) {
            stop(targetH);
        }
        if (!ended && Breakpoints.same(t, plan.horizonH()) && row >= grid.size()) {
            ended = true;
            for (Observer o : observers) {
                o.end(this);
            }
        }
    }

    /** Goes to the next stop (at most {@code limitH}) and applies everything due there. */
    private void stop(double limitH) {
        if (!started) {
            started = true;
            applyDue();
            return;
        }
        double next = Math.min(Math.min(limitH, horizonH), nextBreakH);
        for (Controller c : controllers) {
            next = Math.min(next, c.nextDecisionH());
        }
        next = Math.min(next, nextSample);
        if (anyGiven) {
            next = Math.min(next, nextGivenTime());
        }
        if (row < rows) {
            double g = grid.time(row);
            if (g <= next || Breakpoints.same(g, next)) {
                next = g;
            }
        }
        if (next > t) {
            double h = interval(t, next);
            if (inputStale) {
                refreshInput();
            }
            stepper.advance(h);
            version++;
            for (Observer o : observers) {
                o.interval(t, next, this);
            }
            t = next;
        }
        applyDue();
    }

    /**
     * @return the interval from {@code fromH} to {@code toH} (h), taken as exactly the grid's step
     *         when it is that to rounding (within 8 ulps of {@code toH}), so that a regular grid's
     *         intervals all share one length and its factors
     */
    private double interval(double fromH, double toH) {
        double h = toH - fromH;
        double step = grid.stepH();
        return h != step && Math.abs(h - step) <= 8 * Math.ulp(toH) ? step : h;
    }

    /**
     * A cheap and safe "surely not one instant": {@code time} lies a thousand times the tolerance
     * after {@code h}, or is infinite ({@link Breakpoints#same} decides the cases between).
     *
     * @return whether {@code time} (h) is surely later than {@code h} (h), or {@code +infinity}
     */
    private static boolean farAfter(double time, double h) {
        return time == Double.POSITIVE_INFINITY || time - h > FAR_H * (1 + Math.abs(time));
    }

    /** Applies every event due now, then reports the row if one is due. */
    private void applyDue() {
        while (breakpoint + 1 < timeline.size() && due(nextBreakH)) {
            breakpoint++;
            nextBreakH = breakpoint + 1 < timeline.size() ? timeline.time(breakpoint + 1) : Double.POSITIVE_INFINITY;
            double[] jump = timeline.jump(breakpoint);
            if (jump != null) {
                for (int i = 0; i < n; i++) {
                    if (jump[i] != 0) {
                        stepper.add(i, jump[i]);
                    }
                }
                version++;
            }
            administered += timeline.administeredMg(breakpoint);
            inputStale = true;
        }
        if (anyGiven) {
            applyGiven();
        }
        for (Controller c : controllers) {
            if (due(c.nextDecisionH())) {
                c.decide(this);
                applyGiven();
                if (due(c.nextDecisionH())) {
                    throw new IllegalStateException("a controller decided at " + t + " h without moving on");
                }
            }
        }
        if (inputStale) {
            refreshInput();
        }
        if (row < rows && due(grid.time(row))) {
            int r = row++;
            lastRowH = t;
            for (Observer o : observers) {
                o.row(r, this);
            }
        }
        sampleDue();
    }

    /** Gives the observers their samples due now, if any. */
    private void sampleDue() {
        if (due(nextSample)) {
            for (Observer o : observers) {
                if (due(o.nextSampleH())) {
                    o.sample(this);
                    if (due(o.nextSampleH())) {
                        throw new IllegalStateException("an observer sampled at " + t + " h without moving on");
                    }
                }
            }
            nextSample = earliestSample(false);
            nextStopSample = earliestSample(true);
            watchStale = true;
        }
    }

    private boolean due(double time) {
        // the middle test is a cheap and safe "far ahead": a thousand times the tolerance
        return time <= t || !farAfter(time, t) && Breakpoints.same(time, t);
    }

    /** Applies the controllers' impulses and administrations due now, and drops ended segments. */
    private void applyGiven() {
        if (given.impulses.isEmpty() && given.administrations.isEmpty() && given.pulses.isEmpty()
                && given.pumps.isEmpty()) {
            anyGiven = false;
            return;
        }
        for (Iterator<double[]> it = given.impulses.iterator(); it.hasNext(); ) {
            double[] b = it.next();
            if (due(b[0])) {
                stepper.add((int) b[2], b[1]);
                version++;
                it.remove();
            }
        }
        for (Iterator<double[]> it = given.administrations.iterator(); it.hasNext(); ) {
            double[] a = it.next();
            if (due(a[0])) {
                administered += a[1];
                it.remove();
            }
        }
        given.pulses.removeIf(s -> due(s[1]));
        given.pumps.removeIf(s -> due(s[1]));
        anyGiven = !(given.impulses.isEmpty() && given.administrations.isEmpty() && given.pulses.isEmpty()
                && given.pumps.isEmpty());
        inputStale = true;
    }

    /**
     * @param stopsOnly whether to count only the samples that need a stop while an input runs
     *                  ({@link Observer#nextStopSampleH})
     * @return the earliest time an observer wants such a sample at, asked of each, {@code +infinity}
     *         for none
     */
    private double earliestSample(boolean stopsOnly) {
        double next = Double.POSITIVE_INFINITY;
        for (Observer o : observers) {
            next = Math.min(next, stopsOnly ? o.nextStopSampleH() : o.nextSampleH());
        }
        return next;
    }

    /** @return the next start or end of a controller's dose after now */
    private double nextGivenTime() {
        double next = Double.POSITIVE_INFINITY;
        if (given.pulses.isEmpty() && given.pumps.isEmpty() && given.impulses.isEmpty()
                && given.administrations.isEmpty()) {
            return next;
        }
        for (double[] s : given.pulses) {
            next = Math.min(next, due(s[0]) ? s[1] : s[0]);
        }
        for (double[] s : given.pumps) {
            next = Math.min(next, due(s[0]) ? s[1] : s[0]);
        }
        for (double[] b : given.impulses) {
            next = Math.min(next, b[0]);
        }
        for (double[] a : given.administrations) {
            next = Math.min(next, a[0]);
        }
        return next;
    }

    /** The input and pump rate from now on: the timeline's plus the controllers' running doses. */
    private void refreshInput() {
        administered += pump * (t - pumpSince);
        pumpSince = t;
        if (breakpoint >= 0) {
            System.arraycopy(timeline.inputRate(breakpoint), 0, input, 0, n);
            pump = timeline.pumpRate(breakpoint);
        } else {
            java.util.Arrays.fill(input, 0);
            pump = 0;
        }
        for (double[] s : given.pulses) {
            if (due(s[0])) {
                input[(int) s[3]] += s[2];
            }
        }
        for (double[] s : given.pumps) {
            if (due(s[0])) {
                pump += s[2];
            }
        }
        stepper.setInput(input);
        inputRuns = false;
        for (double rate : input) {
            inputRuns |= rate != 0;
        }
        inputStale = false;
    }
}
