package org.ketasim.core.outcomes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.model.library.Omega;
import org.ketasim.core.population.SubjectStreams;
import org.ketasim.core.population.Variability;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.RateSegment;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioLoader;
import org.ketasim.core.scenario.ScenarioSimulator;

/**
 * The only place that turns a scenario into what the outcome models take, with today's API
 * ({@link ScenarioLoader}, {@link ScenarioSimulator}, {@link Variability}, {@link SubjectStreams},
 * {@link SimulationResult}, {@link LinearSystem#parentAuc}). To port to a new engine, change this
 * class alone:
 * <ul>
 *   <li>{@link #exposure}: per subject, the exact parent AUC and concentration at every edge of the
 *       {@link ExposureGrid}, the AUC at the end of the follow-up, and the peak acute effect-site
 *       concentration during the course (plus one hour), all times the S-ketamine fraction;</li>
 *   <li>{@link #population}: that for N subjects with the model's published variability;</li>
 *   <li>{@link #course}: the {@link CourseDescriptor} of the scenario.</li>
 * </ul>
 */
final class ExposureFixtures {

    /** Hours simulated after the course end for the tail AUC: 13 weeks, beyond the 12-week outcome. */
    static final double FOLLOW_UP_H = 13 * 7 * 24;

    private static final ScenarioSimulator SIMULATOR = new ScenarioSimulator(new ExactSolver());

    private ExposureFixtures() {
    }

    /** @return a catalogue scenario, e.g. {@code trials/sigtermans2009.yaml} */
    static Scenario catalogue(String path) {
        return new ScenarioLoader().load(Path.of("../scenarios").resolve(path));
    }

    /** @return a scenario from YAML text */
    static Scenario parse(String yaml) {
        return new ScenarioLoader().parse(Path.of("fixture.yaml"), yaml);
    }

    /** @return the end of the last administration (h): the last rate segment's end or bolus time */
    static double courseEndH(Scenario s) {
        double end = 0;
        for (Dose d : s.regimen().doses()) {
            end = Math.max(end, d instanceof Bolus ? d.startH() : d.rateSegments().get(d.rateSegments().size() - 1).endH());
        }
        return end;
    }

    /** @return the typical patient's exposure on the default grid */
    static SubjectExposure typical(Scenario s) {
        return exposure(s, s.individualModel(), ExposureGrid.forCourse(courseEndH(s)));
    }

    /**
     * @param s          the scenario
     * @param individual the patient's model
     * @param grid       the grid
     * @return the patient's S-ketamine exposure
     */
    static SubjectExposure exposure(Scenario s, PkModel individual, ExposureGrid grid) {
        double[] edges = grid.edgesH();
        double[] times = new double[edges.length + 1];
        System.arraycopy(edges, 0, times, 0, edges.length);
        times[edges.length] = grid.courseEndH() + FOLLOW_UP_H;
        SimulationResult r = SIMULATOR.at(s, individual, times);
        LinearSystem system = r.system();
        double f = s.sKetamineFraction();
        double[] cp = r.parentConcentration();
        double[] auc = new double[edges.length];
        double[] cpEdges = new double[edges.length];
        for (int j = 0; j < edges.length; j++) {
            auc[j] = f * system.parentAuc(r.state(j));
            cpEdges[j] = f * cp[j];
        }
        double followUp = f * system.parentAuc(r.state(edges.length));
        return SubjectExposure.of(grid, auc, cpEdges, followUp, f * peak(s, individual, grid.courseEndH())[1]);
    }

    /**
     * @return {peak plasma, peak acute effect site} of the parent (ng/mL, not yet times the
     *         S-fraction) from the start to one hour after the course end, on a grid of 1 to 5
     *         minutes (about 2,000 rows); near a smooth maximum the sampled peak is low by about
     *         step^2 |C''| / 8, under 1e-4 relative for these curves
     */
    private static double[] peak(Scenario s, PkModel individual, double courseEndH) {
        double until = courseEndH + 1;
        double step = Math.min(5.0 / 60, Math.max(1.0 / 60, until / 2000));
        int rows = (int) Math.ceil(until / step);
        double[] times = new double[rows + 1];
        for (int i = 0; i <= rows; i++) {
            times[i] = until * i / rows;
        }
        SimulationResult r = SIMULATOR.at(s, individual, times);
        double cp = 0;
        double ce = 0;
        double[] p = r.parentConcentration();
        double[] e = r.effectConcentration();
        for (int i = 0; i < p.length; i++) {
            cp = Math.max(cp, p[i]);
            ce = Math.max(ce, e[i]);
        }
        return new double[] {cp, ce};
    }

    /**
     * @param s     the scenario
     * @param n     subjects
     * @param seed  the master seed of the PK variability (subject i draws from stream i)
     * @return n subjects' exposures with the model's published variability
     */
    static List<SubjectExposure> population(Scenario s, int n, long seed) {
        List<Omega> omegas =
                s.card().map(ModelCard::variability).orElseThrow(() -> new IllegalArgumentException("no variability"));
        Variability variability = Variability.of(omegas, s.model());
        ExposureGrid grid = ExposureGrid.forCourse(courseEndH(s));
        List<SubjectExposure> out = new ArrayList<>(n);
        for (UniformRandomProvider rng : SubjectStreams.create(seed, n)) {
            double[] eta = variability.sample(ZigguratSampler.NormalizedGaussian.of(rng));
            out.add(exposure(s, variability.apply(s.individualModel(), eta), grid));
        }
        return out;
    }

    /** @return the scenario's course: routes, drug, periods, the typical peak, the highest S-ketamine rate per kg */
    static CourseDescriptor course(Scenario s) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        List<CourseDescriptor.Period> periods = new ArrayList<>();
        double highest = 0;
        for (Dose d : s.regimen().doses()) {
            routes.add(d.route());
            if (d instanceof Bolus) {
                periods.add(new CourseDescriptor.Period(d.startH(), d.startH()));
            }
            for (RateSegment g : d.rateSegments()) {
                if (g.rateMgPerH() > 0) {
                    periods.add(new CourseDescriptor.Period(g.startH(), g.endH()));
                    highest = Math.max(highest, g.rateMgPerH());
                }
            }
        }
        double sFraction = s.sKetamineFraction();
        double perKg = highest * s.inputFactor() * sFraction / s.weightKg();
        double peak = sFraction * peak(s, s.individualModel(), courseEndH(s))[0];
        return new CourseDescriptor(routes, sFraction < 1 || s.drug() == Drug.KETAMINE, periods, peak, perKg);
    }
}
