package org.ketasim.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.Observer;
import org.ketasim.core.engine.Plan;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.engine.RowRun;
import org.ketasim.core.engine.Series;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.Analyte;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.SubjectExposure;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.testing.Catalogue;

/**
 * Runs of rows ({@link RowRun}) change no number: every catalogue file is run twice on the modal
 * engine with the observers that take runs (series, summary, curve metrics, exposure), once as the
 * commands run it and once row by row (an observer that does not take runs is added, so the
 * propagator takes none), and every recorded value must be the same double, bit for bit. In runs,
 * the exposure recorder takes its hourly samples from the runs' rows while an input runs; row by
 * row, every sample is a stop of its own.
 */
class RowRunTest {

    static Stream<Path> catalogue() {
        return Catalogue.scenarios();
    }

    /** What one run records. */
    private record Recorded(Series series, Summary summary, CurveMetrics curves, SubjectExposure exposure, int runs,
                            int rowsInRuns) {
    }

    /** Counts the runs and the rows in them; takes runs, so it leaves the propagator's choice alone. */
    private static final class RunCounter implements Observer {
        int runs;
        int rows;

        @Override
        public void row(int row, Propagator p) {
        }

        @Override
        public boolean takesRowRuns() {
            return true;
        }

        @Override
        public void rows(RowRun run) {
            runs++;
            rows += run.count();
        }
    }

    private static Recorded record(CompiledScenario c, Engine engine, boolean rowByRow) {
        List<AnalyteWindow> windows = WindowChoice.PUBLISHED.resolve(Analyte.ofModel(c.racemicModel()));
        // as a population records it: the samples on rows taken from runs while an input runs
        ExposureRecorder exposure = new ExposureRecorder(ExposureRecorder.Schedule.of(ExposureRecorder.gridFor(
                c.courseEndH(), c.plan().grid().stepH()), c.plan().grid()), c.sKetamineFraction());
        Plan plan = exposure.extend(ExposureRecorder.withAcuteEffectSite(c, c.individualModel(), c.plan()));
        Series.Recorder series = new Series.Recorder(plan);
        Summary.Recorder summary = new Summary.Recorder(plan, c.weightKg());
        CurveMetrics.Recorder curves = new CurveMetrics.Recorder(plan, windows, c.sKetamineFraction(), c.baselineNrs());
        RunCounter counter = new RunCounter();
        Propagator p = new Propagator(plan, engine).observe(series).observe(summary).observe(curves)
                .observe(exposure).observe(counter);
        if (rowByRow) {
            p.observe((row, q) -> { });
        }
        p.run();
        return new Recorded(series.series(), summary.summary(), curves.metrics(), exposure.exposure(), counter.runs,
                counter.rows);
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void runsOfRowsRecordTheSameNumbersAsRowByRow(Path file) {
        CompiledScenario c = new ScenarioYaml().load(file);
        Recorded runs = record(c, Engine.MODAL, false);
        Recorded rows = record(c, Engine.MODAL, true);
        assertEquals(0, rows.runs(), "an observer that does not take runs must stop them");
        Series a = runs.series();
        Series b = rows.series();
        assertArrayEquals(b.timesH(), a.timesH(), 0.0);
        assertArrayEquals(b.pumpRatesMgPerH(), a.pumpRatesMgPerH(), 0.0);
        for (Observable o : Observable.values()) {
            assertArrayEquals(b.values(o), a.values(o), 0.0, o.column());
        }
        assertEquals(rows.summary(), runs.summary());
        assertArrayEquals(rows.curves().hoursInWindow(), runs.curves().hoursInWindow(), 0.0);
        assertArrayEquals(rows.curves().windowPeaks(), runs.curves().windowPeaks(), 0.0);
        assertEquals(rows.curves().maxDrugHighScore(), runs.curves().maxDrugHighScore(), 0.0);
        assertEquals(rows.curves().maxResponderNrsReduction(), runs.curves().maxResponderNrsReduction(), 0.0);
        SubjectExposure x = runs.exposure();
        SubjectExposure y = rows.exposure();
        assertEquals(y.peakAcuteCeNgPerMl(), x.peakAcuteCeNgPerMl(), 0.0);
        assertEquals(y.aucNgHPerMl(), x.aucNgHPerMl(), 0.0);
        assertEquals(y.gaps(), x.gaps());
        for (double t = 0; t <= 24 * 7 * 12; t += 24 * 7) {
            assertEquals(y.cePain(0.0026, t), x.cePain(0.0026, t), 0.0, "pain effect site at " + t + " h");
        }
    }

    /**
     * The matrix-exponential stepper takes no runs: with observers that take them, it still goes
     * row by row (it is asked once), with the same numbers.
     */
    @Test
    void aStepperWithoutRunsGoesRowByRow() {
        CompiledScenario c = new ScenarioYaml().load(Path.of("../scenarios/dutch-survey/nl-inpatient-median.yaml"));
        Recorded offered = record(c, Engine.EXACT, false);
        Recorded rows = record(c, Engine.EXACT, true);
        assertEquals(0, offered.runs());
        for (Observable o : Observable.values()) {
            assertArrayEquals(rows.series().values(o), offered.series().values(o), 0.0, o.column());
        }
        assertEquals(rows.summary(), offered.summary());
    }

    /**
     * The Dutch inpatient median, a titrated infusion without controllers, goes almost wholly in runs,
     * and the exposure's hourly samples during the infusion end none (they would make about a
     * hundred runs of four rows).
     */
    @Test
    void aFixedScheduleGoesInRuns() {
        CompiledScenario c = new ScenarioYaml().load(Path.of("../scenarios/dutch-survey/nl-inpatient-median.yaml"));
        Recorded runs = record(c, Engine.MODAL, false);
        int rows = runs.series().size();
        assertTrue(runs.rowsInRuns() > 0.8 * rows, runs.rowsInRuns() + " of " + rows + " rows in runs");
        assertTrue(runs.runs() < 30, runs.runs() + " runs for " + rows + " rows");
    }
}
