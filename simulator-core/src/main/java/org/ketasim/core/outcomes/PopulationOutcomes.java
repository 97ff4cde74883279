package org.ketasim.core.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.rng.LongJumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ketasim.core.model.EffectSite;

/**
 * Pain relief and psychomimetic effects of a regimen in a virtual population, with parameter
 * uncertainty propagated. The exposures are computed once by the engine; every replicate reuses them.
 *
 * <h2>One replicate</h2>
 * Replicate 0 takes every population value at its point estimate (it gives {@code p} and the
 * per-subject view); replicates 1 to R draw them ({@link ReliefModel#draw}, then
 * {@link PsychomimeticModel#draw}). Then each subject, in order, draws: a uniform {@code u}
 * (responder on S-ketamine if {@code u < P_drug}, on placebo if {@code u < P_placebo}: placebo
 * responders are responders on S-ketamine as well), a uniform {@code v} (psychomimetic effects if
 * below the subject's probability), the relief fraction of a placebo response, {@code ln C50} and
 * {@code ln t½} deviations, and the baseline. On placebo the relief fraction is the placebo
 * response's; on S-ketamine it is the larger of the drug's ({@link ReliefModel.Parameters#fraction})
 * and the placebo response's, so a placebo response is neither lost nor counted twice. The NRS
 * reduction is that fraction of the baseline.
 *
 * <h2>Reproducibility</h2>
 * Replicate r draws from its own stream: the master xoshiro256++ generator (Commons RNG) seeded
 * with the seed, long-jumped once (2^192 outputs, clear of the per-subject PK streams of
 * {@code population.SubjectStreams}, which are jumps of 2^128), then jumped r times. Streams are
 * made in order before the work is spread over threads, so results do not depend on the thread
 * count. Intervals are the R type-7 2.5 % and 97.5 % points over replicates 1 to R; they cover the
 * parameter uncertainty and the sampling variation of a cohort of the simulated size.
 */
public final class PopulationOutcomes {

    private static final Measure[] RELIEF = {Measure.MEETS_2_POINTS, Measure.MEETS_3_POINTS, Measure.MEETS_30_PERCENT,
            Measure.MEETS_50_PERCENT};

    private PopulationOutcomes() {
    }

    /**
     * @param exposures the subjects' S-ketamine exposures, on one grid whose course end is the course's end
     * @param course    the course, for the evidence flags and the liver warning
     * @param settings  seed, replicates, threads, baseline, models, times
     * @return the shares, mean reductions, per-subject view and warning
     * @throws IllegalArgumentException for no subjects, subjects on different grids, a grid that
     *                                  does not end the course where the course ends, or a time
     *                                  that falls between the grid's edges
     */
    public static OutcomeResult simulate(List<SubjectExposure> exposures, CourseDescriptor course,
                                         OutcomeSettings settings) {
        if (exposures.isEmpty()) {
            throw new IllegalArgumentException("at least one subject is needed");
        }
        ExposureGrid grid = exposures.get(0).grid();
        for (SubjectExposure e : exposures) {
            if (!e.grid().equals(grid)) {
                throw new IllegalArgumentException("every subject's exposure must be on one grid, got " + grid
                        + " and " + e.grid());
            }
        }
        if (Math.abs(grid.courseEndH() - course.endH()) > 1e-6 * Math.max(1, course.endH())) {
            throw new IllegalArgumentException("the exposure grid ends the course at " + grid.courseEndH()
                    + " h, the course ends at " + course.endH() + " h");
        }
        double[] timesH = settings.times().stream().mapToDouble(t -> grid.courseEndH() + t.hoursAfterEnd()).toArray();
        SubjectExposure.Times times = SubjectExposure.Times.of(grid, timesH);
        int replicates = settings.replicates();
        List<UniformRandomProvider> streams = streams(settings.seed(), replicates + 1);
        int n = exposures.size();
        Draws[] draws = new Draws[replicates + 1];
        double[][] ce = new double[replicates + 1][n * times.count()];
        Tally[] tallies = new Tally[replicates + 1];
        List<SubjectOutcome> perSubject = new ArrayList<>(n);
        // read once here, not per replicate from each subject's exposure, an object apart from the
        // next subject's: every replicate's tally then reads the subjects' peaks in one array
        double[] peaks = exposures.stream().mapToDouble(SubjectExposure::peakAcuteCeNgPerMl).toArray();
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            pool.invoke(ForkJoinTask.adapt(() -> IntStream.rangeClosed(0, replicates).parallel()
                    .forEach(r -> draws[r] = Draws.of(r, streams.get(r), n, settings))));
            pool.invoke(ForkJoinTask.adapt(() -> IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel()
                    .forEach(chunk -> effectSite(exposures, times, draws, ce, chunk * CHUNK,
                            Math.min(n, (chunk + 1) * CHUNK)))));
            pool.invoke(ForkJoinTask.adapt(() -> IntStream.rangeClosed(0, replicates).parallel().forEach(r ->
                    tallies[r] = tally(draws[r], ce[r], peaks, settings, r == 0 ? perSubject : null))));
        } finally {
            pool.shutdown();
        }
        return result(tallies, n, course, settings, perSubject);
    }

    /** Subjects per task of the effect-site pass. */
    private static final int CHUNK = 64;

    /**
     * The pain effect site of every subject in {@code [from, to)} at every outcome time, in every
     * replicate: one pass over each subject's bins for all replicates at once.
     */
    private static void effectSite(List<SubjectExposure> exposures, SubjectExposure.Times times, Draws[] draws,
                                   double[][] ce, int from, int to) {
        int nt = times.count();
        double[] ke0 = new double[draws.length];
        double[][] out = new double[draws.length][nt];
        for (int i = from; i < to; i++) {
            for (int r = 0; r < draws.length; r++) {
                ke0[r] = EffectSite.rateForHalfLifeH(draws[r].halfLifeDays[i] * 24);
            }
            exposures.get(i).cePain(ke0, times, out);
            for (int r = 0; r < draws.length; r++) {
                System.arraycopy(out[r], 0, ce[r], i * nt, nt);
            }
        }
    }

    private static List<UniformRandomProvider> streams(long seed, int count) {
        LongJumpableUniformRandomProvider master =
                (LongJumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(seed);
        master.longJump();
        List<UniformRandomProvider> streams = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            streams.add(master.jump());
        }
        return streams;
    }

    /** One replicate's counts and sums. */
    private static final class Tally {
        /** [arm][measure][time]; psychomimetic at time 0. */
        final double[][][] share;
        /** [arm][time] mean NRS reduction. */
        final double[][] mean;

        Tally(int timeCount) {
            share = new double[Arm.values().length][Measure.values().length][timeCount];
            mean = new double[Arm.values().length][timeCount];
        }
    }

    /**
     * One replicate's draws, made in this order from its stream: the uncertain population values
     * (none in replicate 0, which takes the point estimates), then per subject in order a uniform
     * {@code u}, a uniform {@code v}, the placebo relief fraction, the {@code ln C50} and
     * {@code ln t½} deviations and the baseline.
     */
    private static final class Draws {
        ReliefModel.Parameters relief;
        PsychomimeticModel.Parameters psy;
        double[] u;
        double[] v;
        double[] placeboRelief;
        double[] c50;
        double[] halfLifeDays;
        double[] baseline;

        static Draws of(int r, UniformRandomProvider rng, int n, OutcomeSettings settings) {
            ReliefModel model = settings.relief();
            Draws d = new Draws();
            d.relief = r == 0 ? model.point() : model.draw(rng);
            d.psy = r == 0 ? settings.psychomimetic().point() : settings.psychomimetic().draw(rng);
            NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
            d.u = new double[n];
            d.v = new double[n];
            d.placeboRelief = new double[n];
            d.c50 = new double[n];
            d.halfLifeDays = new double[n];
            d.baseline = new double[n];
            double low = model.placeboReliefLow();
            for (int i = 0; i < n; i++) {
                d.u[i] = rng.nextDouble();
                d.v[i] = rng.nextDouble();
                d.placeboRelief[i] = low + (1 - low) * rng.nextDouble();
                d.c50[i] = d.relief.c50NgPerMl() * Math.exp(model.omegaC50() * normal.sample());
                d.halfLifeDays[i] = d.relief.halfLifeDays() * Math.exp(model.omegaHalfLife() * normal.sample());
                d.baseline[i] = settings.baseline().draw(normal);
            }
            return d;
        }
    }

    private static Tally tally(Draws d, double[] ceAll, double[] peaks, OutcomeSettings settings,
                               List<SubjectOutcome> keep) {
        int nt = settings.times().size();
        Tally tally = new Tally(nt);
        double[] ce = new double[nt];
        double[] drugReduction = new double[nt];
        double[] placeboReduction = new double[nt];
        int drug = Arm.DRUG.ordinal();
        int placebo = Arm.PLACEBO.ordinal();
        double[] drugMean = tally.mean[drug];
        double[] placeboMean = tally.mean[placebo];
        double[][] drugShare = new double[RELIEF.length][];
        double[][] placeboShare = new double[RELIEF.length][];
        boolean[] strict = new boolean[RELIEF.length];
        for (int m = 0; m < RELIEF.length; m++) {
            drugShare[m] = tally.share[drug][RELIEF[m].ordinal()];
            placeboShare[m] = tally.share[placebo][RELIEF[m].ordinal()];
            strict[m] = RELIEF[m].isStrict();
        }
        double[] needed = new double[RELIEF.length];
        boolean[] placeboMeets = new boolean[RELIEF.length];
        boolean[] offDrugMeets = new boolean[RELIEF.length];
        // what does not change with time is counted and summed once per patient, and given to every
        // time at the end: whole counts, and a sum of the same terms in the same order at every time
        double[] placeboCount = new double[RELIEF.length];
        double[] offDrugCount = new double[RELIEF.length];
        double placeboSum = 0;
        int n = peaks.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(ceAll, i * nt, ce, 0, nt);
            double baseline = d.baseline[i];
            boolean onDrug = d.u[i] < d.relief.drugResponse();
            boolean onPlacebo = d.u[i] < d.relief.placeboResponse();
            double fromPlacebo = onPlacebo ? d.placeboRelief[i] : 0;
            // the placebo arm's reduction does not change with time, nor does a drug non-responder's
            // (the larger of no drug relief and the placebo's): their tests are made once per patient
            double onPlaceboNrs = baseline * fromPlacebo;
            double offDrugNrs = baseline * Math.max(0, fromPlacebo);
            for (int m = 0; m < RELIEF.length; m++) {
                needed[m] = RELIEF[m].threshold(baseline);
                placeboMeets[m] = Measure.meets(onPlaceboNrs, needed[m], strict[m]);
                offDrugMeets[m] = Measure.meets(offDrugNrs, needed[m], strict[m]);
            }
            for (int m = 0; m < RELIEF.length; m++) {
                if (placeboMeets[m]) {
                    placeboCount[m]++;
                }
                if (!onDrug && offDrugMeets[m]) {
                    offDrugCount[m]++;
                }
            }
            placeboSum += onPlaceboNrs;
            double c50 = d.c50[i];
            for (int t = 0; t < nt; t++) {
                double onDrugNrs = onDrug ? baseline * Math.max(d.relief.fraction(ce[t], c50), fromPlacebo)
                        : offDrugNrs;
                drugReduction[t] = onDrugNrs;
                placeboReduction[t] = onPlaceboNrs;
                drugMean[t] += onDrugNrs;
                for (int m = 0; onDrug && m < RELIEF.length; m++) {
                    if (Measure.meets(onDrugNrs, needed[m], strict[m])) {
                        drugShare[m][t]++;
                    }
                }
            }
            double psyOnDrug = d.psy.onDrug(peaks[i]);
            if (d.v[i] < psyOnDrug) {
                tally.share[drug][Measure.PSYCHOMIMETIC.ordinal()][0]++;
            }
            if (d.v[i] < d.psy.background()) {
                tally.share[placebo][Measure.PSYCHOMIMETIC.ordinal()][0]++;
            }
            if (keep != null) {
                keep.add(new SubjectOutcome(i, onDrug, onPlacebo, baseline, d.c50[i], d.halfLifeDays[i],
                        d.placeboRelief[i], ce, drugReduction, placeboReduction, psyOnDrug));
            }
        }
        for (int m = 0; m < RELIEF.length; m++) {
            for (int t = 0; t < nt; t++) {
                drugShare[m][t] += offDrugCount[m];
                placeboShare[m][t] = placeboCount[m];
            }
        }
        Arrays.fill(placeboMean, placeboSum);
        for (double[][] byMeasure : tally.share) {
            for (double[] byTime : byMeasure) {
                for (int t = 0; t < nt; t++) {
                    byTime[t] /= n;
                }
            }
        }
        for (double[] byTime : tally.mean) {
            for (int t = 0; t < nt; t++) {
                byTime[t] /= n;
            }
        }
        return tally;
    }

    private static OutcomeResult result(Tally[] tallies, int subjects, CourseDescriptor course,
                                        OutcomeSettings settings, List<SubjectOutcome> perSubject) {
        List<OutcomeRow> rows = new ArrayList<>();
        List<OutcomeTime> times = settings.times();
        for (Arm arm : Arm.values()) {
            EvidenceFlag flag = Evidence.assess(course, arm);
            int a = arm.ordinal();
            for (int t = 0; t < times.size(); t++) {
                for (Measure m : RELIEF) {
                    int mi = m.ordinal();
                    int ti = t;
                    double[] interval = interval(tallies, k -> tallies[k].share[a][mi][ti]);
                    rows.add(new OutcomeRow(arm, m, times.get(t).label(), tallies[0].share[a][mi][t], interval[0],
                            interval[1], flag.outside(), flag.reasons()));
                }
            }
            int psy = Measure.PSYCHOMIMETIC.ordinal();
            double[] interval = interval(tallies, k -> tallies[k].share[a][psy][0]);
            EvidenceFlag psyFlag = Evidence.assess(course, arm, Measure.PSYCHOMIMETIC);
            rows.add(new OutcomeRow(arm, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE, tallies[0].share[a][psy][0],
                    interval[0], interval[1], psyFlag.outside(), psyFlag.reasons()));
        }
        List<MeanReductionRow> means = new ArrayList<>();
        EvidenceFlag drugFlag = Evidence.assess(course, Arm.DRUG);
        int d = Arm.DRUG.ordinal();
        int p = Arm.PLACEBO.ordinal();
        for (int t = 0; t < times.size(); t++) {
            int ti = t;
            means.add(new MeanReductionRow(times.get(t).label(),
                    estimate(tallies, k -> tallies[k].mean[d][ti]),
                    estimate(tallies, k -> tallies[k].mean[p][ti]),
                    estimate(tallies, k -> tallies[k].mean[d][ti] - tallies[k].mean[p][ti]),
                    drugFlag.outside(), drugFlag.reasons()));
        }
        return new OutcomeResult(settings.seed(), subjects, settings.replicates(), times, rows, means, perSubject,
                RepeatedInfusionWarning.check(course));
    }

    private static MeanReductionRow.Estimate estimate(Tally[] tallies, IntToDoubleFunction value) {
        double[] interval = interval(tallies, value);
        return new MeanReductionRow.Estimate(value.applyAsDouble(0), interval[0], interval[1]);
    }

    /** @return {2.5 %, 97.5 %} points (R type 7) of the value over replicates 1 to R; NaN without replicates */
    private static double[] interval(Tally[] tallies, IntToDoubleFunction value) {
        if (tallies.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] v = new double[tallies.length - 1];
        for (int k = 1; k < tallies.length; k++) {
            v[k - 1] = value.applyAsDouble(k);
        }
        Percentile estimator = new Percentile().withEstimationType(EstimationType.R_7);
        estimator.setData(v);
        return new double[] {estimator.evaluate(2.5), estimator.evaluate(97.5)};
    }
}
