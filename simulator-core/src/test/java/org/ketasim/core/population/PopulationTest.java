package org.ketasim.core.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.IndividualParameter;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.Variability;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.simulation.PopulationSimulator;
import org.ketasim.core.testing.Scenarios;

class PopulationTest {

    /** One compartment, V 10 L, CL 10 L/h, 10 mg/h for 24 h: steady state 1000 ng/mL after a few hours. */
    private static final String ONE_COMPARTMENT = """
            id: one
            model:
              name: one
              compartments: {V1: 10 L, CL: 10 L/h}
            patient: {weight: 70 kg}
            regimen:
              doses:
                - infusion: {rate: 10 mg/h, duration: 24 h}
            simulation: {duration: 24 h, step: 1 h}
            """;

    private static final PopulationSimulator SIMULATOR = new PopulationSimulator(Engine.MODAL);

    /** A population and its subjects. */
    private record Run(PopulationResult result, List<Subject> subjects) {
        double[][][] bands() {
            return result.bands().values().toArray(new double[0][][]);
        }
    }

    /** The one-compartment scenario with inline variability (omega variances keyed by parameter). */
    private static String withVariability(String yaml, String variability) {
        return yaml.replace("  compartments: {V1: 10 L, CL: 10 L/h}", "  compartments: {V1: 10 L, CL: 10 L/h}\n"
                + "  variability: " + variability);
    }

    private static Run simulate(String yaml, PopulationSettings settings) {
        List<Subject> subjects = new ArrayList<>();
        PopulationResult r = SIMULATOR.simulate(Scenarios.compile(yaml), settings, subjects::add);
        return new Run(r, subjects);
    }

    /**
     * Closed form: at steady state C = R / (CL exp(eta)), so its p-th percentile is
     * (R / CL) exp(-omega z_(1-p)). With 10,000 subjects the Monte Carlo standard error of the 5th
     * percentile is about 0.6 % at omega 0.3; the tolerance is 2.5 %, about four of them.
     */
    @Test
    void steadyStateBandsMatchTheLogNormalQuantiles() {
        double omega = 0.3;
        PopulationResult r = simulate(withVariability(ONE_COMPARTMENT, "{omega: {CL: " + omega * omega + "}}"),
                PopulationSettings.of(10_000, 42).withThreads(2)).result();
        double[] p = r.settings().percentiles();
        int last = r.timesH().length - 1;
        NormalDistribution z = new NormalDistribution();
        for (int k = 0; k < p.length; k++) {
            double expected = 1000 * Math.exp(-omega * z.inverseCumulativeProbability(1 - p[k] / 100));
            double got = r.bands().get(Observable.PARENT)[k][last];
            assertEquals(expected, got, 0.025 * expected, "percentile " + p[k]);
        }
        assertTrue(!r.bands().containsKey(Observable.METABOLITE), "no metabolite, no band");
    }

    /**
     * A model without an acute effect site: the psychomimetic share on S-ketamine takes the peaks at
     * the effect site the outcome models assume (Olofsen 2012's, written here as the model's own
     * ke0 ln 2 / 6.1 min), not at none (which left only the background share), and says so on that
     * row alone; the concentrations and the relief shares are those of the model as declared.
     */
    @Test
    void withoutAnAcuteEffectSiteThePsychomimeticShareAssumesOlofsensAndSaysSo() {
        String none = withVariability(ONE_COMPARTMENT, "{omega: {CL: 0.09, V1: 0.04}}");
        String own = none.replace("  variability:",
                "  effect: {ke0: " + EffectSite.OLOFSEN_2012.ke0PerH() + " 1/h}\n  variability:");
        PopulationSettings settings = PopulationSettings.of(400, 9).withOutcomeReplicates(20).withThreads(2);
        Run assumed = simulate(none, settings);
        Run declared = simulate(own, settings);
        OutcomeResult a = assumed.result().outcomes().orElseThrow();
        OutcomeResult d = declared.result().outcomes().orElseThrow();
        OutcomeRow psy = a.row(Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE);
        OutcomeRow background = a.row(Arm.PLACEBO, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE);
        assertTrue(psy.p() > background.p() + 0.2, psy.p() + " against the background " + background.p());
        assertEquals(d.row(Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE).p(), psy.p(), 1.5 / 400);
        assertEquals(List.of(EvidenceReason.Limit.ACUTE_EFFECT_SITE), psy.reasons().stream()
                .map(EvidenceReason::limit).filter(l -> l == EvidenceReason.Limit.ACUTE_EFFECT_SITE).toList());
        for (OutcomeRow r : a.rows()) {
            boolean flagged = r.reasons().stream().anyMatch(x -> x.limit() == EvidenceReason.Limit.ACUTE_EFFECT_SITE);
            assertEquals(r == psy, flagged, r.arm() + " " + r.measure() + " " + r.time());
        }
        assertTrue(d.row(Arm.DRUG, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE).reasons().stream()
                .noneMatch(x -> x.limit() == EvidenceReason.Limit.ACUTE_EFFECT_SITE), "the model's own effect site");
        assertEquals(d.row(Arm.DRUG, Measure.MEETS_30_PERCENT, OutcomeTime.END.label()).p(),
                a.row(Arm.DRUG, Measure.MEETS_30_PERCENT, OutcomeTime.END.label()).p(), 1.5 / 400);
        assertArrayEquals(declared.result().bands().get(Observable.PARENT)[2],
                assumed.result().bands().get(Observable.PARENT)[2], 1e-9 * 1000);
        assertTrue(!assumed.result().bands().containsKey(Observable.EFFECT), "no effect band for a model without one");
        assertTrue(Double.isNaN(assumed.subjects().get(0).summary().effectCmaxNgPerMl()),
                "no effect-site peak in the subjects' rows for a model without one");
    }

    /** A spread of baseline pain scores changes the outcome shares, never the concentrations. */
    @Test
    void aBaselineSpreadChangesTheOutcomesOnly() {
        var c = new ScenarioYaml().load(Path.of("../scenarios/dutch-survey/nl-inpatient-median.yaml"));
        PopulationSettings settings = PopulationSettings.of(100, 4).withOutcomeReplicates(10);
        PopulationSimulator simulator = new PopulationSimulator(Engine.MODAL);
        PopulationResult fixed = simulator.simulate(c, settings, s -> { });
        PopulationResult spread = simulator.simulate(c, settings.withBaselineNrsSd(2), s -> { });
        for (Observable o : fixed.bands().keySet()) {
            assertTrue(Arrays.deepEquals(fixed.bands().get(o), spread.bands().get(o)), o.toString());
        }
        assertNotEquals(fixed.outcomes().orElseThrow().rows(), spread.outcomes().orElseThrow().rows());
        assertThrows(IllegalArgumentException.class, () -> settings.withBaselineNrsSd(5.5));
    }

    @Test
    void outputsDoNotDependOnTheThreadCount() {
        String s = withVariability(ONE_COMPARTMENT.replace("24 h, step: 1 h", "24 h, step: 0.5 h"),
                "{omega: {V1: 0.1, CL: 0.05}, correlation: {V1-CL: " + 0.03 / Math.sqrt(0.1 * 0.05) + "}}");
        Run one = simulate(s, PopulationSettings.of(300, 7));
        Run three = simulate(s, PopulationSettings.of(300, 7).withThreads(3));
        for (int a = 0; a < one.bands().length; a++) {
            for (int k = 0; k < one.bands()[a].length; k++) {
                assertArrayEquals(one.bands()[a][k], three.bands()[a][k]);
            }
        }
        for (int i = 0; i < 300; i++) {
            assertArrayEquals(one.subjects().get(i).eta(), three.subjects().get(i).eta());
            assertEquals(one.subjects().get(i).summary(), three.subjects().get(i).summary());
        }
        Run otherSeed = simulate(s, PopulationSettings.of(300, 8));
        assertTrue(otherSeed.subjects().get(0).eta()[0] != one.subjects().get(0).eta()[0]);
    }

    /** The sample covariance of 20,000 draws of Fanta-Otto's etas is Omega within 5 standard errors. */
    @Test
    void drawsHaveThePublishedCovariance() {
        var model = ModelLibrary.find("fanta-otto").orElseThrow();
        Variability v = Variability.of(model.card().variability(), model.model());
        assertEquals(List.of(IndividualParameter.V1, IndividualParameter.CL, IndividualParameter.METABOLITE_V1,
                IndividualParameter.METABOLITE_CL), v.parameters());
        int n = 20_000;
        int k = v.parameters().size();
        double[][] sum = new double[k][k];
        var normal = ZigguratSampler.NormalizedGaussian.of(SubjectStreams.starts(1, 1).stream(0));
        for (int s = 0; s < n; s++) {
            double[] eta = v.sample(normal);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    sum[i][j] += eta[i] * eta[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double expected = v.covariance(i, j);
                double se = Math.sqrt((v.covariance(i, i) * v.covariance(j, j) + expected * expected) / n);
                assertEquals(expected, sum[i][j] / n, 5 * se, "Omega[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void publishedNamesAreMappedAndOmegasOnParametersTheEngineLacksAreListed() {
        var model = ModelLibrary.find("perez-ruixo-2021").orElseThrow();
        Variability v = Variability.of(model.card().variability(), model.model());
        assertEquals(List.of("ka_n", "ka_po", "ka_sw"), v.notApplied());
        assertEquals(List.of(IndividualParameter.V1, IndividualParameter.V2, IndividualParameter.LIVER_Q,
                IndividualParameter.LIVER_V, IndividualParameter.LIVER_KEL, IndividualParameter.METABOLITE_V1,
                IndividualParameter.METABOLITE_CL), v.parameters());
        var varied = v.apply(model.model(), new double[] {Math.log(2), 0, Math.log(3), 0, 0, 0, 0});
        assertEquals(2 * 192, varied.volumeL(), 1e-9);
        assertEquals(3 * 151, varied.liver().orElseThrow().bloodFlowLPerH(), 1e-9);
    }

    @Test
    void aModelWithoutVariabilityIsRefusedUnlessTheWeightVaries() {
        var e = assertThrows(ScenarioException.class, () -> simulate(ONE_COMPARTMENT, PopulationSettings.of(10, 1)));
        assertTrue(e.getMessage().contains("every subject would be the same"), e.getMessage());
    }

    /** Bad inline variability is refused when the file is compiled, naming the line and key. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{omega: {XX: 0.1}}|test.yaml:5: model.variability.omega.XX: unknown parameter 'XX'",
        "{omega: {CL: -0.1}}|test.yaml:5: model.variability.omega.CL: a variance must be >= 0",
        "{omega: {CL: 0.1, V1: 0.1}, correlation: {CL-V1: 1.2}}|model.variability.correlation.CL-V1: a correlation "
                + "must be between -1 and 1",
        "{omega: {CL: 0.1, V1: 0.1}, correlation: {CL-Q2: 0.5}}|correlation.CL-Q2: a correlation is keyed 'A-B'",
        "{omega: {CL: 0.1, V1: 0.1}, correlation: {CL-V1: 0.3, V1-CL: 0.2}}|test.yaml:5: "
                + "model.variability.correlation.V1-CL: the correlation of V1 and CL is given twice (as CL-V1 and V1-CL)",
        "{omega: {CL: 1e300}}|test.yaml:5: model.variability.omega.CL: a variance must be from 0 to 25, got 1.0E300",
        "{omega: {CL: 0, V1: 0.1}, correlation: {CL-V1: 0.3}}|model.variability.correlation.CL-V1: CL has a variance "
                + "of 0 (it does not vary), so it has no correlation"})
    void badInlineVariabilityIsRefusedWithItsLineAndKey(String variability, String message) {
        var e = assertThrows(ScenarioException.class, () -> Scenarios.compile(withVariability(ONE_COMPARTMENT,
                variability)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /**
     * A variance of 0 switches a parameter's variability off: the others still vary, and with every
     * variance 0 the population is refused as one of identical subjects.
     */
    @Test
    void aVarianceOfZeroMeansTheParameterDoesNotVary() {
        Run run = simulate(withVariability(ONE_COMPARTMENT, "{omega: {CL: 0, V1: 0.1}}"), PopulationSettings.of(50, 1));
        assertEquals(List.of(IndividualParameter.V1), run.result().variability().parameters());
        var e = assertThrows(ScenarioException.class, () -> simulate(withVariability(ONE_COMPARTMENT,
                "{omega: {CL: 0, V1: 0}}"), PopulationSettings.of(50, 1)));
        assertTrue(e.getMessage().contains("has no inter-individual variability"), e.getMessage());
    }

    /** A residual error beyond any assay's is refused with its line and key. */
    @Test
    void aResidualErrorBeyondAnyAssayIsRefused() {
        for (String error : new String[] {"{proportional: 6}", "{exponential: 1e300}"}) {
            String yaml = withVariability(ONE_COMPARTMENT, "{omega: {CL: 0.1}}").replace("  variability:",
                    "  residual_error: " + error + "\n  variability:");
            var e = assertThrows(InputException.class, () -> Scenarios.compile(yaml));
            assertTrue(e.getMessage().contains("test.yaml:5: model.residual_error.")
                    && e.getMessage().contains("a standard deviation must be from 0 to 5 (a 500 % coefficient of "
                    + "variation)"), e.getMessage());
        }
    }

    /** Three correlations no population can have together (the matrix has a negative eigenvalue). */
    @Test
    void aMatrixThatIsNotPositiveDefiniteIsRefusedAtCompile() {
        String yaml = ONE_COMPARTMENT.replace("  compartments: {V1: 10 L, CL: 10 L/h}",
                "  compartments: {V1: 10 L, CL: 10 L/h, V2: 20 L, Q2: 5 L/h}\n  variability: {omega: {CL: 0.09, "
                        + "V1: 0.04, Q2: 0.1}, correlation: {CL-V1: 0.9, CL-Q2: 0.9, V1-Q2: -0.9}}");
        var e = assertThrows(ScenarioException.class, () -> Scenarios.compile(yaml));
        assertTrue(e.getMessage().contains("model.variability.correlation: the variability matrix over [CL, V1, Q2] "
                + "is not positive definite"), e.getMessage());
    }

    @Test
    void aCovarianceWithoutItsVariancesIsRefused() {
        var model = ModelLibrary.find("fanta-otto").orElseThrow().model();
        assertThrows(IllegalArgumentException.class,
                () -> Variability.of(List.of(Omega.variance("V1", 0.1), new Omega("V1", "CL", 0.02)), model));
        assertThrows(IllegalArgumentException.class,
                () -> Variability.of(List.of(Omega.variance("V1", 0.1), Omega.variance("CL", 0.1),
                        new Omega("V1", "CL", 0.5)), model));
    }

    @Test
    void weightVariesWithinTheRangeAndReweighsTheDoses() {
        String perKg = ONE_COMPARTMENT.replace("rate: 10 mg/h", "rate: 0.1 mg/kg/h")
                .replace("name: one", "name: one\n  scaling: {reference_weight: 70 kg, volumes: 1, clearances: 1}");
        Run r = simulate(perKg.replace("{weight: 70 kg}", "{weight: 72.5 kg}"), PopulationSettings.of(200, 3)
                .withWeightSd(15));
        double lightest = r.subjects().stream().mapToDouble(Subject::weightKg).min().orElseThrow();
        double heaviest = r.subjects().stream().mapToDouble(Subject::weightKg).max().orElseThrow();
        assertTrue(lightest >= 72.5 - 45 && heaviest <= 72.5 + 45 && heaviest - lightest > 20, lightest + " to "
                + heaviest);
        for (Subject subject : r.subjects()) {
            assertEquals(0.1 * 24, subject.summary().doseMgPerKg(), 1e-9);
            assertEquals(700.0 * (1 - Math.exp(-24)), subject.summary().cmaxNgPerMl(), 1e-6,
                    "per-kg dose and linear scaling cancel");
        }
    }

    /**
     * Fanta-Otto's proportional residual error (SD 0.236 parent, 0.143 metabolite): over 4,000
     * observations per analyte, DV / IPRED - 1 has mean 0 and that SD, within 4 standard errors.
     * The observations come after the other draws, so the bands do not change.
     */
    @Test
    void observationsCarryThePublishedResidualErrorAndChangeNothingElse() {
        String yaml = ONE_COMPARTMENT.replace("model:\n  name: one\n  compartments: {V1: 10 L, CL: 10 L/h}",
                "model: fanta-otto");
        PopulationSettings plain = PopulationSettings.of(2000, 11).withThreads(2);
        PopulationSettings observed = plain.withObservations(new double[] {1, 12});
        Run a = simulate(yaml, plain);
        Run b = simulate(yaml, observed);
        assertArrayEquals(a.bands()[0][2], b.bands()[0][2]);
        for (var analyte : org.ketasim.core.model.library.ResidualError.Analyte.values()) {
            double[] ratio = b.subjects().stream().flatMap(x -> x.observations().stream())
                    .filter(o -> o.analyte() == analyte).mapToDouble(o -> o.dvNgPerMl() / o.ipredNgPerMl() - 1)
                    .toArray();
            double sd = analyte == org.ketasim.core.model.library.ResidualError.Analyte.PARENT ? 0.236 : 0.143;
            assertEquals(4000, ratio.length);
            var stats = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(ratio);
            assertEquals(0, stats.getMean(), 4 * sd / Math.sqrt(ratio.length), analyte.toString());
            assertEquals(sd, stats.getStandardDeviation(), 4 * sd / Math.sqrt(2.0 * ratio.length), analyte.toString());
        }
        assertEquals(1.0, b.subjects().get(0).observations().get(0).timeH());
        var e = assertThrows(ScenarioException.class, () -> simulate(yaml.replace("fanta-otto",
                "domino").replace("id: one", "id: one\ndrug: ketamine"), PopulationSettings.of(10, 1)
                .withWeightSd(5).withObservations(new double[] {1})));
        assertTrue(e.getMessage().contains("has no residual error"), e.getMessage());
    }
}
