package org.ketasim.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketasim.core.model.EffectSite;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.Omega;
import org.ketasim.core.population.SubjectStreams;
import org.ketasim.core.population.Variability;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.TitrationSchedule;

/**
 * The speed benchmark's standard case (issue 5): a 4-day titrated IV regimen (5 mg/h, +2 mg/h
 * every 12 h, max 25 mg/h) on a 6-state model (3-compartment S-ketamine, 2-compartment
 * S-norketamine, effect site; Fanta 2015 / Otto 2021 values at 70 kg, Olofsen ke0) on a 1-minute
 * grid (5,760 steps), each subject with its own parameters drawn from Otto 2021's Omega (V1, CL and
 * the metabolite's V1 and CL, with their covariances), summary metrics only.
 */
public final class StandardCase {

    /** Simulated time (h): the 4 days of the infusion. */
    public static final double DURATION_H = 96;
    /** Grid step (h): 1 minute. */
    public static final double STEP_H = 1.0 / 60;

    private static final PkModel TYPICAL = PkModel.of("standard-case", 133, 95.2)
            .withPeripheral(new Peripheral(187, 23.2))
            .withPeripheral(new Peripheral(98.8, 157))
            .withMetabolite(new Metabolite("S-norketamine", 1, 1, 98.6, 57.7, Optional.of(new Peripheral(160, 42.8))))
            .withEffectSite(new EffectSite(Math.log(2) / (6.1 / 60)));

    private static final List<Omega> OMEGAS = List.of(Omega.variance("V1", 0.084), new Omega("V1", "CL", 0.023),
            Omega.variance("CL", 0.026), Omega.variance("metabolite V1", 0.040),
            new Omega("metabolite V1", "metabolite CL", 0.044), Omega.variance("metabolite CL", 0.103));

    private StandardCase() {
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
        Variability v = Variability.of(OMEGAS, TYPICAL);
        List<LinearSystem> out = new ArrayList<>(n);
        for (var rng : SubjectStreams.create(seed, n)) {
            NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
            out.add(LinearSystem.of(v.apply(TYPICAL, v.sample(normal))));
        }
        return out;
    }

    /**
     * @param subjects the subjects
     * @return their summaries, by the batch solver
     */
    public static BatchSolver.Summaries solve(List<LinearSystem> subjects) {
        return BatchSolver.solve(subjects, DoseTimeline.of(regimen(), subjects.get(0)), DURATION_H, STEP_H);
    }
}
