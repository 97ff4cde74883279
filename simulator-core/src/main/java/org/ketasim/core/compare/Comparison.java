package org.ketasim.core.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Route;
import org.ketasim.core.outcomes.Analyte;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.PopulationOutcomes;
import org.ketasim.core.outcomes.SubjectExposure;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.model.Variability;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.Courses;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.simulation.PopulationSimulator;

/**
 * Computes a scenario's {@link ComparisonRow} and the curve to draw: the typical patient on the
 * scenario's own grid (exposure, the pump, windows, the drug-high score), and, unless only the
 * typical patient is asked for, the population outcomes of a virtual population with their
 * uncertainty ({@link PopulationOutcomes}). A model without published variability gives every
 * subject the typical patient's exposure (patients then differ only in their response), and the
 * row says so ({@link ComparisonRow#pkVariability()}). Thread-safe.
 */
public final class Comparison {

    /**
     * Virtual patients per regimen unless asked otherwise: enough that the intervals are mostly
     * parameter uncertainty (the sampling SE of a share is at most 3.5 points at 200), few enough that
     * a whole catalogue stays interactive.
     */
    public static final int DEFAULT_SUBJECTS = 200;
    /** The populations' master seed unless asked otherwise. */
    public static final long DEFAULT_SEED = 1;

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
    private final WindowChoice windows;
    private final Optional<PopulationSettings> population;

    /**
     * @param engine     how intervals are taken
     * @param windows    the concentration windows to report (the typical patient's hours inside)
     * @param population the virtual population of every scenario (size, seed, outcome replicates,
     *                   threads), or empty for the typical patient alone
     */
    public Comparison(Engine engine, WindowChoice windows, Optional<PopulationSettings> population) {
        this.engine = engine;
        this.windows = windows;
        this.population = population;
    }

    /**
     * @param s      a compiled scenario
     * @param family its catalogue family
     * @return its row and curve
     */
    public Result of(CompiledScenario s, String family) {
        Pump pump = new Pump(s.courseEndH());
        PatientResult main = new PatientSimulator(engine).simulate(s, s.plan().withHorizon(s.courseEndH()),
                s.weightKg(), pump);
        double[] t = main.series().timesH();
        double[] cp = main.series().values(Observable.PARENT);
        double[] cm = main.series().values(Observable.METABOLITE);
        Map<String, Double> inside = new LinkedHashMap<>();
        windows.resolve(Analyte.ofModel(s.racemicModel())).forEach(w -> inside.put(w.name(), main.hoursInside(w)));
        String routes = s.scenario().regimen().doses().stream().map(s.scenario().regimen()::routeOf).distinct()
                .sorted().map(Route::id).collect(Collectors.joining("+"));
        boolean pkVariability = !Variability.of(s.variability(), s.typicalModel()).parameters().isEmpty();
        Optional<OutcomeResult> outcomes = population.map(p -> outcomes(s, main, p, pkVariability));
        ComparisonRow row = new ComparisonRow(s.id(), family, s.scenario().regimen().setting().orElse(""), routes,
                s.scenario().drug().id(), s.modelId(), s.parentAnalyte(), s.weightKg(), pump.courseDoseMg,
                pump.courseDoseMg * s.inputFactor() * s.sKetamineFraction(), pump.peakRate, pump.infusingH,
                s.courseEndH(), max(cp), main.summary().aucNgHPerMl(), max(cm),
                main.summary().metaboliteAucNgHPerMl(), inside, main.pd().maxDrugHighScore(), outcomes,
                pkVariability);
        return curve(row, t, cp);
    }

    private OutcomeResult outcomes(CompiledScenario s, PatientResult typical, PopulationSettings settings,
                                   boolean pkVariability) {
        PopulationSettings own = settings.withOutcomeReplicates(Math.max(1, settings.outcomeReplicates()));
        List<SubjectExposure> exposures;
        if (pkVariability) {
            exposures = new PopulationSimulator(engine).exposures(s, own);
        } else {
            exposures = Collections.nCopies(own.outcomeSubjects(), new PopulationSimulator(engine).typicalExposure(s));
        }
        return PopulationOutcomes.simulate(exposures, Courses.describe(s, typical),
                PopulationSimulator.outcomeSettings(s, settings));
    }

    /** The pump over the whole course, controllers' doses included, and what was given by its end. */
    private static final class Pump implements Observer {
        private final double courseEndH;
        private double peakRate;
        private double infusingH;
        private double courseDoseMg;
        private boolean sampled;

        Pump(double courseEndH) {
            this.courseEndH = courseEndH;
        }

        @Override
        public void interval(double fromH, double toH, Propagator p) {
            peakRate = Math.max(peakRate, p.pumpRateMgPerH());
            if (p.pumpRateMgPerH() > 0) {
                infusingH += toH - fromH;
            }
        }

        @Override
        public void row(int row, Propagator p) {
        }

        @Override
        public double nextSampleH() {
            return sampled ? Double.POSITIVE_INFINITY : courseEndH;
        }

        @Override
        public void sample(Propagator p) {
            courseDoseMg = p.administeredMg();
            sampled = true;
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
