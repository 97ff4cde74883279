package org.ketasim.core.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketasim.core.compare.ConcentrationWindow;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.model.library.Omega;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.population.PopulationResult.Analyte;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioSimulator;

/**
 * Simulates a virtual population of a scenario's patient: subject i draws, from random stream i
 * ({@link SubjectStreams}), first its etas ({@link Variability#sample}), then, when the weight
 * varies, its body weight from a normal distribution truncated to the model's study weights. Its
 * model is the typical model scaled to that weight with the etas applied. Percentile bands use the
 * R type-7 definition (linear interpolation between order statistics, as R's {@code quantile} and
 * numpy's default). Results do not depend on the thread count.
 *
 * <p>With observation times, subject i then simulates observations: its concentrations at those
 * times with the model card's residual error ({@link ResidualError}), from the same stream.
 *
 * <p>Limits: covariates other than weight are not simulated; a rule-based
 * titration's decisions are those of the typical patient at the subject's weight.
 */
public final class PopulationSimulator {

    /** The most concentrations kept for the bands (subjects times rows times analytes), 8 bytes each (400 MB). */
    public static final long MAX_BAND_VALUES = 50_000_000L;

    private final ScenarioSimulator simulator;

    /** @param simulator the scenario simulator (its solver must be thread-safe) */
    public PopulationSimulator(ScenarioSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * @param scenario    the typical patient's scenario
     * @param omegas      the published variability (from the model card)
     * @param settings    size, seed, percentiles, windows, weight variability, threads
     * @param reweigh     the scenario for another body weight (per-kg doses re-read), used only
     *                    when the weight varies
     * @param weightRangeKg the truncation of the weight distribution, {lowest, highest} (kg)
     * @return the population
     * @throws IllegalArgumentException if the bands would need more than {@link #MAX_BAND_VALUES}
     *                                  values, the variability is invalid, or nothing varies
     * @throws ArithmeticException      if a subject's simulation gives a non-finite value
     */
    public PopulationResult simulate(Scenario scenario, List<Omega> omegas, PopulationSettings settings,
                                     DoubleFunction<Scenario> reweigh, double[] weightRangeKg) {
        List<ResidualError> residual = scenario.card().map(ModelCard::residualModel).orElse(List.of());
        if (settings.observationTimesH().length > 0 && residual.isEmpty()) {
            throw new IllegalArgumentException("model '" + scenario.modelId() + "' has no published residual error, "
                    + "so observations cannot be simulated; choose a model with one (see 'ketasim models')");
        }
        Variability variability = Variability.of(omegas, scenario.model());
        if (variability.parameters().isEmpty() && settings.weightSdKg() == 0) {
            throw new IllegalArgumentException("model '" + scenario.modelId() + "' has no published inter-individual "
                    + "variability that ketasim can apply" + (variability.notApplied().isEmpty() ? ""
                    : " (only on " + variability.notApplied() + ")") + ", so every subject would be the same; choose "
                    + "a model with variability (see 'ketasim models'), or vary the weight");
        }
        int n = settings.subjects();
        OutputGrid grid = OutputGrid.regular(scenario.durationH(), scenario.stepH());
        int rows = grid.size();
        long values = (long) n * rows * Analyte.values().length;
        if (values > MAX_BAND_VALUES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d subjects x %d rows is too "
                    + "many concentrations to keep for the bands (%d; at most %d): use fewer subjects or a longer "
                    + "simulation.step", n, rows, values, MAX_BAND_VALUES));
        }
        List<UniformRandomProvider> streams = SubjectStreams.create(settings.seed(), n);
        double[][][] series = new double[Analyte.values().length][n][];
        Subject[] subjects = new Subject[n];
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                int first = t;
                jobs.add(pool.submit(() -> {
                    for (int i = first; i < n; i += settings.threads()) {
                        SimulationResult r = subject(i, streams.get(i), scenario, variability, settings, reweigh,
                                weightRangeKg, residual, subjects);
                        series[Analyte.PARENT.ordinal()][i] = r.parentConcentration();
                        series[Analyte.METABOLITE.ordinal()][i] = r.metaboliteConcentration();
                        series[Analyte.EFFECT.ordinal()][i] = r.effectConcentration();
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the population simulation was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double[] p = settings.percentiles();
        double[][][] bands = new double[Analyte.values().length][][];
        for (int a = 0; a < bands.length; a++) {
            bands[a] = bands(series[a], rows, p);
        }
        double[] times = new double[rows];
        Arrays.setAll(times, grid::time);
        return new PopulationResult(scenario, settings, variability, times, bands, Arrays.asList(subjects));
    }

    private SimulationResult subject(int i, UniformRandomProvider rng, Scenario typical, Variability variability,
                                     PopulationSettings settings, DoubleFunction<Scenario> reweigh,
                                     double[] weightRangeKg, List<ResidualError> residual, Subject[] out) {
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] eta = variability.sample(normal);
        Scenario scenario = typical;
        if (settings.weightSdKg() > 0) {
            scenario = reweigh.apply(truncatedNormal(normal, typical.weightKg(), settings.weightSdKg(), weightRangeKg));
        }
        PkModel individual = variability.apply(scenario.individualModel(), eta);
        ScenarioSimulator.Outcome o = simulator.simulate(scenario, individual);
        List<ConcentrationWindow> windows = settings.windows();
        double[] hours = new double[windows.size()];
        for (int w = 0; w < hours.length; w++) {
            hours[w] = windows.get(w).hoursInside(o.result().timesH(), o.result().parentConcentration());
        }
        Map<EffectiveReduction, Boolean> met = new EnumMap<>(EffectiveReduction.class);
        for (EffectiveReduction d : EffectiveReduction.values()) {
            met.put(d, !Double.isNaN(o.pd().firstMetH().get(d)));
        }
        out[i] = new Subject(i, scenario.weightKg(), eta, o.summary(), hours, o.pd().maxDrugHighProbability(),
                o.pd().maxNrsReduction(), met, observations(scenario, individual, settings.observationTimesH(),
                        residual, normal));
        return o.result();
    }

    /**
     * The subject's observations: per time, per analyte with a residual error (parent first), two
     * normal deviates from the subject's own stream, drawn after its etas and weight.
     */
    private List<Subject.Observation> observations(Scenario scenario, PkModel individual, double[] timesH,
                                                   List<ResidualError> residual, NormalizedGaussianSampler normal) {
        if (timesH.length == 0) {
            return List.of();
        }
        SimulationResult at = simulator.at(scenario, individual, timesH);
        double[] parent = at.parentConcentration();
        double[] metabolite = at.metaboliteConcentration();
        List<Subject.Observation> list = new ArrayList<>();
        for (int t = 0; t < timesH.length; t++) {
            for (ResidualError e : residual) {
                double ipred = e.analyte() == ResidualError.Analyte.PARENT ? parent[t] : metabolite[t];
                if (!Double.isNaN(ipred)) {
                    double z1 = normal.sample();
                    double z2 = normal.sample();
                    list.add(new Subject.Observation(timesH[t], e.analyte(), ipred, e.observe(ipred, z1, z2)));
                }
            }
        }
        return list;
    }

    /** A normal draw redrawn until inside the range; after 1000 misses the range's nearer end. */
    private static double truncatedNormal(NormalizedGaussianSampler normal, double mean, double sd, double[] range) {
        double x = mean;
        for (int attempt = 0; attempt < 1000; attempt++) {
            x = mean + sd * normal.sample();
            if (x >= range[0] && x <= range[1]) {
                return x;
            }
        }
        return Math.min(range[1], Math.max(range[0], x));
    }

    private static double[][] bands(double[][] bySubject, int rows, double[] percentiles) {
        double[][] out = new double[percentiles.length][rows];
        Percentile estimator = new Percentile().withEstimationType(EstimationType.R_7);
        double[] column = new double[bySubject.length];
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < bySubject.length; s++) {
                column[s] = bySubject[s][r];
            }
            estimator.setData(column);
            for (int k = 0; k < percentiles.length; k++) {
                out[k][r] = estimator.evaluate(percentiles[k]);
            }
        }
        return out;
    }
}
