package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
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
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.TitrationSchedule;

/** The batch solver against the exact solver, subject by subject, to 1e-9 relative. */
class BatchSolverTest {

    /** The standard case: 5 mg/h, +2 mg/h every 12 h, max 25 mg/h, 4 days IV. */
    private static final Regimen STANDARD = Regimen.of(new TitrationSchedule(0, 5, 2, 12, 25, 96, Route.IV));

    private static void assertSameAsExact(List<LinearSystem> systems, Regimen regimen, double durationH, double stepH,
                                          int expectedModal) {
        DoseTimeline timeline = DoseTimeline.of(regimen, systems.get(0));
        BatchSolver.Summaries batch = BatchSolver.solve(systems, timeline, durationH, stepH);
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

    @Test
    void modalSubjectsMatchTheExactSolver() {
        var builtIn = ModelLibrary.find("fanta-otto").orElseThrow();
        PkModel typical = builtIn.model().forWeight(70);
        Variability v = Variability.of(builtIn.card().variability(), builtIn.model());
        var normal = ZigguratSampler.NormalizedGaussian.of(SubjectStreams.create(5, 1).get(0));
        List<LinearSystem> systems = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            systems.add(LinearSystem.of(v.apply(typical, v.sample(normal))));
        }
        assertSameAsExact(systems, STANDARD, 120, 1.0 / 60, 40);
    }

    /** Nine distinct modes, more than the register kernel holds: the blocked loops. */
    @Test
    void systemsWithManyModesMatchTheExactSolverToo() {
        var builtIn = ModelLibrary.find("fanta-otto").orElseThrow();
        PkModel typical = builtIn.model().forWeight(70)
                .withSecondMetabolite(new Metabolite("second", 0.5, 1, 50, 20, Optional.of(new Peripheral(80, 10))));
        Variability v = Variability.of(builtIn.card().variability(), builtIn.model());
        var normal = ZigguratSampler.NormalizedGaussian.of(SubjectStreams.create(9, 1).get(0));
        List<LinearSystem> systems = new ArrayList<>();
        for (int s = 0; s < 70; s++) {
            systems.add(LinearSystem.of(v.apply(typical, v.sample(normal))));
        }
        assertSameAsExact(systems, STANDARD, 120, 1.0 / 12, 70);
    }

    /**
     * A second metabolite with no inter-compartmental flow has a peripheral state that nothing
     * reaches (eigenvalue 0): that subject is solved densely, and the subjects beside it in the
     * blocked loops keep their modes aligned.
     */
    @Test
    void aSubjectWithAnIdleCompartmentIsSolvedDenselyBesideModalOnes() {
        PkModel base = ModelLibrary.find("fanta-otto").orElseThrow().model().forWeight(70);
        PkModel flowing = base.withSecondMetabolite(new Metabolite("second", 0.5, 1, 50, 20,
                Optional.of(new Peripheral(80, 10))));
        PkModel idle = base.withSecondMetabolite(new Metabolite("second", 0.5, 1, 50, 20,
                Optional.of(new Peripheral(80, 0))));
        assertSameAsExact(List.of(LinearSystem.of(flowing), LinearSystem.of(idle), LinearSystem.of(flowing)),
                STANDARD, 120, 1.0 / 12, 2);
    }

    /** Simons 2022's metabolism delays are chains of equal transit rates: every subject goes dense. */
    @Test
    void equalTransitRatesAreSolvedDensely() {
        var builtIn = ModelLibrary.find("simons-2022").orElseThrow();
        PkModel typical = builtIn.model().forWeight(70);
        assertSameAsExact(List.of(LinearSystem.of(typical), LinearSystem.of(typical)), STANDARD, 120, 1.0 / 12, 0);
    }

    @Test
    void aDefectiveMatrixFallsBackToTheDensePropagator() {
        // ke0 equal to CL/V: the effect site's eigenvalue repeats the central one (a Jordan block)
        PkModel repeated = PkModel.of("repeated", 10, 20).withEffectSite(new EffectSite(2));
        PkModel distinct = PkModel.of("distinct", 10, 20).withEffectSite(new EffectSite(3));
        assertSameAsExact(List.of(LinearSystem.of(repeated), LinearSystem.of(distinct), LinearSystem.of(repeated)),
                STANDARD, 100, 0.25, 1);
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
