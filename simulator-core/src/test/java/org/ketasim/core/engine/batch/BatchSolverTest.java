package org.ketasim.core.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.engine.batch.BatchSolver.Method;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.population.SubjectStreams;
import org.ketasim.core.population.Variability;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.ConstantInfusion;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;
import org.ketasim.core.regimen.TitrationSchedule;

/** The batch solver, by both methods, against the exact solver, subject by subject, to 1e-9 relative. */
class BatchSolverTest {

    /** The standard case: 5 mg/h, +2 mg/h every 12 h, max 25 mg/h, 4 days IV. */
    private static final Regimen STANDARD = Regimen.of(new TitrationSchedule(0, 5, 2, 12, 25, 96, Route.IV));

    private static void assertSameAsExact(List<LinearSystem> systems, Regimen regimen, double durationH, double stepH,
                                          int expectedModal, Method method) {
        DoseTimeline timeline = DoseTimeline.of(regimen, systems.get(0));
        BatchSolver.Summaries batch = BatchSolver.solve(systems, timeline, durationH, stepH, method);
        assertEquals(expectedModal, batch.modal());
        for (int s = 0; s < systems.size(); s++) {
            SimulationResult r = new ExactSolver().solve(systems.get(s), DoseTimeline.of(regimen, systems.get(s)),
                    OutputGrid.regular(durationH, stepH));
            Summary exact = Summary.of(r, regimen, 70);
            String at = "subject " + s;
            close(exact.cmaxNgPerMl(), batch.cmaxParent()[s], at);
            assertEquals(exact.tmaxH(), batch.tmaxParent()[s], 1e-9, at);
            close(exact.aucNgHPerMl(), batch.aucParent()[s], at);
            close(exact.metaboliteCmaxNgPerMl(), batch.cmaxMetabolite()[s], at);
            close(exact.metaboliteAucNgHPerMl(), batch.aucMetabolite()[s], at);
            close(exact.effectCmaxNgPerMl(), batch.cmaxEffect()[s], at);
        }
    }

    private static void close(double expected, double actual, String at) {
        if (Double.isNaN(expected)) {
            assertEquals(Double.NaN, actual, at);
        } else {
            assertEquals(expected, actual, 1e-9 * Math.abs(expected), at);
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void modalSubjectsMatchTheExactSolver(Method method) {
        assertSameAsExact(fantaOttoSubjects(40, 5), STANDARD, 120, 1.0 / 60, 40, method);
    }

    /** Nine distinct modes, more than the register kernel holds: the blocked loops. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void systemsWithManyModesMatchTheExactSolverToo(Method method) {
        var builtIn = ModelLibrary.find("fanta-otto").orElseThrow();
        PkModel typical = builtIn.model().forWeight(70)
                .withSecondMetabolite(new Metabolite("second", 0.5, 1, 50, 20, Optional.of(new Peripheral(80, 10))));
        Variability v = Variability.of(builtIn.card().variability(), builtIn.model());
        var normal = ZigguratSampler.NormalizedGaussian.of(SubjectStreams.create(9, 1).get(0));
        List<LinearSystem> systems = new ArrayList<>();
        for (int s = 0; s < 70; s++) {
            systems.add(LinearSystem.of(v.apply(typical, v.sample(normal))));
        }
        assertSameAsExact(systems, STANDARD, 120, 1.0 / 12, 70, method);
    }

    /**
     * A second metabolite with no inter-compartmental flow has a peripheral state that nothing
     * reaches (eigenvalue 0): that subject is solved densely, and the subjects beside it in the
     * blocked loops keep their modes aligned.
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void aSubjectWithAnIdleCompartmentIsSolvedDenselyBesideModalOnes(Method method) {
        PkModel base = ModelLibrary.find("fanta-otto").orElseThrow().model().forWeight(70);
        PkModel flowing = base.withSecondMetabolite(new Metabolite("second", 0.5, 1, 50, 20,
                Optional.of(new Peripheral(80, 10))));
        PkModel idle = base.withSecondMetabolite(new Metabolite("second", 0.5, 1, 50, 20,
                Optional.of(new Peripheral(80, 0))));
        assertSameAsExact(List.of(LinearSystem.of(flowing), LinearSystem.of(idle), LinearSystem.of(flowing)),
                STANDARD, 120, 1.0 / 12, 2, method);
    }

    /** Simons 2022's metabolism delays are chains of equal transit rates: every subject goes dense. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void equalTransitRatesAreSolvedDensely(Method method) {
        var builtIn = ModelLibrary.find("simons-2022").orElseThrow();
        PkModel typical = builtIn.model().forWeight(70);
        assertSameAsExact(List.of(LinearSystem.of(typical), LinearSystem.of(typical)), STANDARD, 120, 1.0 / 12, 0,
                method);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void aDefectiveMatrixFallsBackToTheDensePropagator(Method method) {
        // ke0 equal to CL/V: the effect site's eigenvalue repeats the central one (a Jordan block)
        PkModel repeated = PkModel.of("repeated", 10, 20).withEffectSite(new EffectSite(2));
        PkModel distinct = PkModel.of("distinct", 10, 20).withEffectSite(new EffectSite(3));
        assertSameAsExact(List.of(LinearSystem.of(repeated), LinearSystem.of(distinct), LinearSystem.of(repeated)),
                STANDARD, 100, 0.25, 1, method);
    }

    private static List<LinearSystem> fantaOttoSubjects(int n, long seed) {
        var builtIn = ModelLibrary.find("fanta-otto").orElseThrow();
        PkModel typical = builtIn.model().forWeight(70);
        Variability v = Variability.of(builtIn.card().variability(), builtIn.model());
        var normal = ZigguratSampler.NormalizedGaussian.of(SubjectStreams.create(seed, 1).get(0));
        List<LinearSystem> systems = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            systems.add(LinearSystem.of(v.apply(typical, v.sample(normal))));
        }
        return systems;
    }

    /**
     * After a short infusion the effect site and the metabolite go on rising and peak inside the
     * washout run: the closed form must find the peak row there (a row off by one is 1e-5 away).
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void peaksInsideARunAreFoundToTheRow(Method method) {
        Regimen shortInfusion = Regimen.of(new ConstantInfusion(0.5, 1, 20, Route.IV));
        assertSameAsExact(fantaOttoSubjects(20, 3), shortInfusion, 24, 1.0 / 60, 20, method);
    }

    /**
     * Rates that go up, down, to zero and back, at random steps: the runs' sign patterns cover
     * monotone runs, single turning points (peaks and troughs) and the row-by-row fallback.
     */
    @Property(tries = 25)
    void randomRateSchedulesMatchTheExactSolver(@ForAll @IntRange(min = 1, max = 12) int changes,
                                                @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<StepSchedule.Step> steps = new ArrayList<>();
        int start = random.nextInt(30);
        int end = start;
        for (int i = 0; i < changes; i++) {
            double rate = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 60);
            int length = random.nextInt(1, 90);
            steps.add(new StepSchedule.Step(rate, length * 0.1));
            end += length;
        }
        Regimen regimen = Regimen.of(new StepSchedule(start * 0.1, steps, Route.IV));
        double duration = (end + random.nextInt(1, 200)) * 0.1;
        for (Method method : Method.values()) {
            assertSameAsExact(fantaOttoSubjects(4, seed), regimen, duration, 0.1, 4, method);
        }
    }

    @Test
    void bolusesAndRateChangesOffTheGridAreRefused() {
        LinearSystem system = LinearSystem.of(PkModel.of("one", 10, 20));
        assertThrows(IllegalArgumentException.class, () -> BatchSolver.solve(List.of(system),
                DoseTimeline.of(Regimen.of(Bolus.of(0, 10, Route.IV)), system), 10, 1));
        Regimen offGrid = Regimen.of(new TitrationSchedule(0, 5, 2, 12.5, 25, 96, Route.IV));
        assertThrows(IllegalArgumentException.class,
                () -> BatchSolver.solve(List.of(system), DoseTimeline.of(offGrid, system), 120, 1));
    }
}
