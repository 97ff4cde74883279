package org.ketasim.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.Series;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.ExposureGrid;
import org.ketasim.core.outcomes.SubjectExposure;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.testing.Scenarios;

/** What the population hands the outcome models, against the engine's own rows. */
class ExposureRecorderTest {

    private static final CompiledScenario TITRATION = Scenarios.compile("""
            id: titration
            drug: esketamine
            model: fanta-otto
            patient: {weight: 70 kg}
            regimen:
              doses:
                - bolus: 10 mg
                  at: 0.5 h
                - infusion: {start: 5 mg/h, increment: 2 mg/h, every: 6 h, max: 15 mg/h, duration: 30 h}
            simulation: {duration: 40 h, step: 15 min}
            """);

    @Test
    void binsAreAWholeNumberOfOutputStepsWhereTheCourseAllows() {
        assertEquals(1.0, ExposureRecorder.gridFor(30, 0.25).binWidthH(), 0);
        assertEquals(1.25, ExposureRecorder.gridFor(30, 5.0 / 4).binWidthH(), 1e-15);
        ExposureGrid odd = ExposureRecorder.gridFor(30.1, 0.25);
        assertClose(30.1, odd.courseEndH(), 1e-12, 0, "the course end is an edge");
        assertTrue(odd.binWidthH() <= 1, "about an hour");
        ExposureGrid year = ExposureRecorder.gridFor(8760, 0.25);
        assertTrue(year.courseBins() <= ExposureRecorder.MAX_COURSE_BINS, "at most " + ExposureRecorder.MAX_COURSE_BINS);
    }

    /**
     * Without a closed form (the matrix-exponential engine), the washout is binned: the recorder
     * keeps every edge after the course end too, and the exposure agrees with the exact engine's
     * rows there, to 1e-10 relative in the AUC and the pain effect site at every edge.
     */
    @Test
    void withoutAClosedFormTheWashoutIsBinned() {
        ExposureRecorder recorder = recorded(Engine.EXACT);
        SubjectExposure e = recorder.exposure();
        ExposureGrid grid = e.grid();
        assertFalse(e.closedFormWashout(), "the exact engine has no free response");
        SubjectExposure expected = fromExactRows(grid, recorder.endH());
        assertClose(expected.aucNgHPerMl(), e.aucNgHPerMl(), 1e-10, 0, "AUC to the follow-up end");
        double ke0 = Math.log(2) / (10.9 * 24);
        for (int j = 1; j <= grid.bins(); j++) {
            double t = j * grid.binWidthH();
            assertClose(expected.cePain(ke0, t), e.cePain(ke0, t), 1e-10, 0, "Ce,pain at " + t + " h");
        }
    }

    /** @return the recorder, run through the titration on an engine */
    private static ExposureRecorder recorded(Engine engine) {
        ExposureRecorder recorder = new ExposureRecorder(ExposureRecorder.gridFor(TITRATION.courseEndH(), 0.25), 1);
        new Propagator(recorder.extend(TITRATION.plan()), engine).observe(recorder).run();
        return recorder;
    }

    /** @return the titration's exposure from the exact engine's rows at every edge and the follow-up end */
    private static SubjectExposure fromExactRows(ExposureGrid grid, double endH) {
        double[] times = Arrays.copyOf(grid.edgesH(), grid.bins() + 2);
        times[times.length - 1] = endH;
        double[][] exact = exactAucAndCp(times);
        return SubjectExposure.of(grid, Arrays.copyOf(exact[0], grid.bins() + 1),
                Arrays.copyOf(exact[1], grid.bins() + 1), exact[0][times.length - 1], 0);
    }

    /**
     * The recorder (modal engine, its own stops) against the exact engine's rows at the edges and
     * the follow-up end: the total AUC and the pain effect site built from them agree to 1e-10
     * relative at every edge of the course; after the course end the recorder's washout is in closed
     * form, and agrees with the exact engine's own pain effect site to 1e-5 (what is left is the
     * course's quadrature with its bolus inside a bin, bound ke0 h / 2 = 1.3e-3 on the bolus's share;
     * seen 2.1e-6); the peak acute effect site against a 10-s grid refined
     * to 0.01 s around its maximum (the grid's maximum is at most the continuous peak, and within
     * 1e-9 of it; the peak is just after the infusion stops, where a 1-minute grid is 8e-6 low).
     */
    @Test
    void edgesPeakAndFollowUpMatchTheExactEngine() {
        ExposureRecorder recorder = recorded(Engine.MODAL);
        SubjectExposure e = recorder.exposure();
        ExposureGrid grid = e.grid();
        assertEquals(ExposureRecorder.FOLLOW_UP_WEEKS * 7 * 24 + TITRATION.courseEndH(), recorder.endH(), 1e-9);

        SubjectExposure expected = fromExactRows(grid, recorder.endH());
        assertClose(expected.aucNgHPerMl(), e.aucNgHPerMl(), 1e-10, 0, "AUC to the follow-up end");
        double ke0 = Math.log(2) / (10.9 * 24);
        assertTrue(e.closedFormWashout(), "nothing is given after the course end on the modal engine");
        for (int j = 1; j <= grid.courseBins(); j++) {
            double t = j * grid.binWidthH();
            assertClose(expected.cePain(ke0, t), e.cePain(ke0, t), 1e-10, 0, "Ce,pain at " + t + " h");
        }
        double[] after = {grid.courseEndH() + 0.5, grid.courseEndH() + 68, grid.lastEdgeH(), recorder.endH()};
        double[] exactCe = painEffect(after);
        for (int k = 0; k < after.length; k++) {
            if (grid.edgeIndex(after[k]) >= 0 || after[k] > grid.lastEdgeH()) {
                assertClose(exactCe[k], e.cePain(ke0, after[k]), 1e-5, 0, "Ce,pain at " + after[k] + " h");
            }
        }

        double[] coarse = new double[(int) Math.round((TITRATION.courseEndH() + 1) * 360) + 1];
        Arrays.setAll(coarse, i -> i / 360.0);
        double[] ce = effect(coarse);
        int arg = 0;
        for (int i = 1; i < ce.length; i++) {
            arg = ce[i] > ce[arg] ? i : arg;
        }
        double from = Math.max(0, coarse[arg] - 10 / 3600.0);
        double[] zoom = new double[2001];
        Arrays.setAll(zoom, i -> from + i * (20 / 3600.0) / 2000);
        double gridPeak = Arrays.stream(effect(zoom)).max().orElseThrow();
        assertTrue(e.peakAcuteCeNgPerMl() >= gridPeak * (1 - 1e-12), "the continuous peak is at least the grid's");
        assertClose(gridPeak, e.peakAcuteCeNgPerMl(), 1e-9, 0, "peak acute Ce");
    }

    /** @return {AUC, Cp} of the parent at the times, on the exact engine */
    private static double[][] exactAucAndCp(double[] timesH) {
        double[][] out = new double[2][timesH.length];
        Plan plan = TITRATION.plan().withGrid(OutputGrid.at(timesH));
        new Propagator(plan, Engine.EXACT).observe((row, p) -> {
            out[0][row] = p.stepper().auc(Observable.PARENT);
            out[1][row] = p.value(Observable.PARENT);
        }).run();
        return out;
    }

    private static double[] effect(double[] timesH) {
        return exact(timesH, Observable.EFFECT);
    }

    private static double[] painEffect(double[] timesH) {
        return exact(timesH, Observable.PAIN_EFFECT);
    }

    private static double[] exact(double[] timesH, Observable o) {
        Plan plan = TITRATION.plan().withGrid(OutputGrid.at(timesH)).withHorizon(Math.max(TITRATION.plan().horizonH(),
                timesH[timesH.length - 1]));
        Series.Recorder rows = new Series.Recorder(plan);
        new Propagator(plan, Engine.EXACT).observe(rows).run();
        return rows.series().values(o);
    }

    /**
     * The edges taken from runs of rows at the edges themselves (as {@link PopulationSimulator#exposures}
     * takes them) against every edge at a stop of its own: the same exposure to rounding, 1e-12
     * relative, in the AUC, the peak and the pain effect site at every edge and after the course end
     * (seen: equal for the titration, 1e-14 for the four-month course of weekly sessions, whose gaps
     * between sessions start at different steps).
     */
    @Test
    void edgesFromRowsAtTheEdgesAgreeWithEdgesAtStops() {
        assertEdgesFromRowsAgree(TITRATION);
        assertEdgesFromRowsAgree(new ScenarioYaml().load(
                Path.of("../scenarios/dutch-survey/nl-inpatient-median-repeat-4-months.yaml")));
    }

    private static void assertEdgesFromRowsAgree(CompiledScenario c) {
        ExposureGrid grid = ExposureRecorder.gridFor(c.courseEndH(), c.plan().grid().stepH());
        ExposureRecorder stops = new ExposureRecorder(grid, 1);
        new Propagator(stops.extend(c.plan().withGrid(OutputGrid.at(0))), Engine.MODAL).observe(stops).run();
        OutputGrid edges = ExposureRecorder.edgeRows(grid);
        ExposureRecorder runs = new ExposureRecorder(ExposureRecorder.Schedule.of(grid, edges), 1);
        new Propagator(runs.extend(c.plan().withGrid(edges)), Engine.MODAL).observe(runs).run();
        SubjectExposure a = stops.exposure();
        SubjectExposure b = runs.exposure();
        String id = c.id() + ": ";
        assertClose(a.aucNgHPerMl(), b.aucNgHPerMl(), 1e-12, 0, id + "AUC");
        assertClose(a.peakAcuteCeNgPerMl(), b.peakAcuteCeNgPerMl(), 1e-12, 0, id + "peak acute Ce");
        double ke0 = Math.log(2) / (10.9 * 24);
        for (int j = 1; j <= grid.courseBins(); j++) {
            double t = j * grid.binWidthH();
            assertClose(a.cePain(ke0, t), b.cePain(ke0, t), 1e-12, 0, id + "Ce,pain at " + t + " h");
        }
        for (double after : new double[] {672, 2016}) {
            double t = grid.courseEndH() + after;
            assertClose(a.cePain(ke0, t), b.cePain(ke0, t), 1e-12, 0, id + "Ce,pain at " + t + " h");
        }
    }

    @Test
    void populationExposuresDoNotDependOnTheThreadCount() {
        PopulationSimulator simulator = new PopulationSimulator(Engine.MODAL);
        PopulationSettings settings = PopulationSettings.of(40, 7);
        List<SubjectExposure> one = simulator.exposures(TITRATION, settings.withThreads(1));
        List<SubjectExposure> two = simulator.exposures(TITRATION, settings.withThreads(2));
        assertEquals(40, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).aucNgHPerMl(), two.get(i).aucNgHPerMl(), 0, "subject " + i);
            assertEquals(one.get(i).peakAcuteCeNgPerMl(), two.get(i).peakAcuteCeNgPerMl(), 0, "subject " + i);
        }
        assertTrue(one.get(0).aucNgHPerMl() != one.get(1).aucNgHPerMl(), "subjects differ");
    }
}
