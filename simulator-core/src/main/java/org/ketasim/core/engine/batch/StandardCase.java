package org.ketasim.core.engine.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.engine.DoseTimeline;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.population.SubjectStreams;
import org.ketasim.core.population.Variability;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.TitrationSchedule;

/**
 * The speed benchmark's standard case (issue 5): a 4-day titrated IV regimen (5 mg/h, +2 mg/h
 * every 12 h, max 25 mg/h) on a 6-state model on a 1-minute grid (5,760 steps), each subject with
 * its own parameters, summary metrics only. The model is the built-in {@code fanta-otto} at 70 kg
 * (3-compartment S-ketamine, 2-compartment S-norketamine, Olofsen's effect site) without its
 * extravascular routes and its slow pain-relief effect site; the subjects are drawn from its card's
 * Omega (Otto 2021: V1, CL and the metabolite's V1 and CL, with their covariances).
 */
public final class StandardCase {

    /** Simulated time (h): the 4 days of the infusion. */
    public static final double DURATION_H = 96;
    /** Grid step (h): 1 minute. */
    public static final double STEP_H = 1.0 / 60;

    private static final BuiltInModel FANTA_OTTO = ModelLibrary.find("fanta-otto").orElseThrow();

    private static final PkModel TYPICAL = typical(FANTA_OTTO.model().forWeight(70));

    private StandardCase() {
    }

    private static PkModel typical(PkModel m) {
        return new PkModel("standard-case", m.volumeL(), m.clearanceLPerH(), m.peripherals(), Map.of(), m.metabolite(),
                Optional.empty(), Optional.empty(), m.effectSite(), Optional.empty(), Optional.empty());
    }

    /** @return the regimen: 5 mg/h, +2 mg/h every 12 h, max 25 mg/h, for 96 h, IV */
    public static Regimen regimen() {
        return Regimen.of(new TitrationSchedule(0, 5, 2, 12, 25, DURATION_H, Route.IV));
    }

    /**
     * @param n    how many subjects
     * @param seed master seed
     * @return the subjects' systems, subject i drawn from stream i
     */
    public static List<LinearSystem> subjects(int n, long seed) {
        Variability v = Variability.of(FANTA_OTTO.card().variability(), TYPICAL);
        List<LinearSystem> out = new ArrayList<>(n);
        for (var rng : SubjectStreams.create(seed, n)) {
            NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
            out.add(LinearSystem.of(v.apply(TYPICAL, v.sample(normal))));
        }
        return out;
    }

    /**
     * @param subjects the subjects
     * @param method   how the batch solver solves them
     * @return their summaries
     */
    public static BatchSolver.Summaries solve(List<LinearSystem> subjects, BatchSolver.Method method) {
        return BatchSolver.solve(subjects, DoseTimeline.of(regimen(), subjects.get(0)), DURATION_H, STEP_H, method);
    }
}
