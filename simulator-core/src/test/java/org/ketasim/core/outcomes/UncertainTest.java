package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The parameter distributions against their definitions. 200,000 draws: the Monte Carlo error of
 * a 2.5 % point is about sqrt(0.025 * 0.975 / 200000) / density, under 1 % of the values here; the
 * tolerances are 2 %.
 */
class UncertainTest {

    private static final int N = 200_000;

    private static double[] draws(Uncertain u) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(7L);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = u.draw(rng);
        }
        return x;
    }

    private static double quantile(double[] x, double p) {
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(x, p);
    }

    @Test
    void splitLogNormalHasTheEstimateAsMedianAndTheLimitsAsTails() {
        for (Uncertain.SplitLogNormal u : new Uncertain.SplitLogNormal[] {
                (Uncertain.SplitLogNormal) ReliefModel.DAHAN_C50, (Uncertain.SplitLogNormal) ReliefModel.DAHAN_HALF_LIFE}) {
            double[] x = draws(u);
            assertClose(u.point(), quantile(x, 50), 0.02, 0, "median of " + u);
            assertClose(u.lo95(), quantile(x, 2.5), 0.02, 0, "2.5 % of " + u);
            assertClose(u.hi95(), quantile(x, 97.5), 0.02, 0, "97.5 % of " + u);
        }
    }

    /** logit(p) ~ N(logit(0.67), 0.10 / (0.67 * 0.33)): its quantiles, back-transformed. */
    @Test
    void logitNormalHasTheDeltaMethodSpread() {
        Uncertain.LogitNormal u = (Uncertain.LogitNormal) ReliefModel.DAHAN_DRUG_RESPONSE;
        double[] x = draws(u);
        double sd = 0.10 / (0.67 * 0.33);
        double centre = Math.log(0.67 / 0.33);
        assertClose(0.67, quantile(x, 50), 0.02, 0, "median");
        assertClose(1 / (1 + Math.exp(-(centre - 1.959964 * sd))), quantile(x, 2.5), 0.02, 0, "2.5 %");
        assertClose(1 / (1 + Math.exp(-(centre + 1.959964 * sd))), quantile(x, 97.5), 0.02, 0, "97.5 %");
        assertClose(0.10, Math.sqrt(Arrays.stream(x).map(v -> (v - 0.67) * (v - 0.67)).average().orElseThrow()), 0.1, 0,
                "SD close to the published SE");
    }

    /** Jeffreys posterior of 22.8 of 30: mean (x + 1/2) / (n + 1). */
    @Test
    void betaShareHasTheJeffreysMean() {
        double[] x = draws(PsychomimeticModel.SIGTERMANS_DRUG);
        assertClose(23.3 / 31, Arrays.stream(x).average().orElseThrow(), 0.005, 0, "mean");
        assertTrue(Arrays.stream(x).allMatch(v -> v > 0 && v < 1));
    }

    @Test
    void uniformsStayInTheirRange() {
        double[] g = draws(ReliefModel.ASSUMED_GAMMA);
        assertTrue(Arrays.stream(g).allMatch(v -> v >= 1 && v <= 2));
        assertClose(1.5, Arrays.stream(g).average().orElseThrow(), 0.005, 0, "uniform mean");
        double[] t = draws(PsychomimeticModel.ACUTE_THRESHOLD);
        assertClose(Math.sqrt(71.319 * 156.9018), quantile(t, 50), 0.02, 0, "log-uniform median");
        assertTrue(Arrays.stream(t).allMatch(v -> v >= 71.3 && v <= 157));
    }

    @Test
    void badValuesAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Uncertain.SplitLogNormal(10.5, 21.2, 4.37));
        assertTrue(e.getMessage().contains("21.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Uncertain.LogitNormal(1.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Uncertain.BetaShare(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Uncertain.Uniform(3, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Uncertain.LogUniform(1, 0, 2));
    }
}
