package org.ketasim.core.engine;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Observable;

/**
 * One subject's output rows as columns: time, pump rate, and every concentration the system has.
 * Immutable; accessors return copies. Built by a {@link Recorder} observing a {@link Propagator}.
 */
public final class Series {

    private final LinearSystem system;
    private final double[] timesH;
    private final double[] pumpRatesMgPerH;
    private final Map<Observable, double[]> values;

    private Series(LinearSystem system, double[] timesH, double[] pumpRatesMgPerH, Map<Observable, double[]> values) {
        this.system = system;
        this.timesH = timesH;
        this.pumpRatesMgPerH = pumpRatesMgPerH;
        this.values = values;
    }

    /** @return the system simulated */
    public LinearSystem system() {
        return system;
    }

    /** @return the number of rows */
    public int size() {
        return timesH.length;
    }

    /** @return row times (h) */
    public double[] timesH() {
        return timesH.clone();
    }

    /** @return the total pump rate from each row's time on (mg/h), as set, before bioavailability */
    public double[] pumpRatesMgPerH() {
        return pumpRatesMgPerH.clone();
    }

    /**
     * @param o an observable
     * @return whether the system has it
     */
    public boolean has(Observable o) {
        return values.containsKey(o);
    }

    /**
     * @param o an observable
     * @return its value per row (ng/mL); NaN in every row where the system lacks it
     */
    public double[] values(Observable o) {
        double[] v = values.get(o);
        if (v == null) {
            double[] nan = new double[timesH.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return v.clone();
    }

    /** Records every row of a run into a {@link Series}. */
    public static final class Recorder implements Observer {
        private final LinearSystem system;
        private final double[] times;
        private final double[] pump;
        private final Map<Observable, double[]> values = new EnumMap<>(Observable.class);
        private final Observable[] present;

        /** @param plan the plan whose rows are recorded */
        public Recorder(Plan plan) {
            this.system = plan.system();
            int rows = plan.grid().size();
            times = new double[rows];
            pump = new double[rows];
            present = Arrays.stream(Observable.values()).filter(system::has).toArray(Observable[]::new);
            for (Observable o : present) {
                values.put(o, new double[rows]);
            }
        }

        @Override
        public void row(int row, Propagator p) {
            times[row] = p.timeH();
            pump[row] = p.pumpRateMgPerH();
            for (Observable o : present) {
                values.get(o)[row] = p.value(o);
            }
        }

        @Override
        public boolean takesRowRuns() {
            return true;
        }

        /** A run follows a row recorded here, and nothing changes the pump rate within it: the rate is that row's. */
        @Override
        public void rows(RowRun run) {
            int first = run.firstRow();
            int count = run.count();
            System.arraycopy(run.timesH(), 0, times, first, count);
            Arrays.fill(pump, first, first + count, pump[first - 1]);
            for (Observable o : present) {
                System.arraycopy(run.values(o), 0, values.get(o), first, count);
            }
        }

        /** @return the rows recorded */
        public Series series() {
            return new Series(system, times, pump, values);
        }
    }
}
