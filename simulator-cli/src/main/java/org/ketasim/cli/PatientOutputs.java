package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.ScenarioChart;
import org.ketasim.core.io.SummaryWriter;
import org.ketasim.core.io.TimeSeriesWriter;
import org.ketasim.core.io.TitrationEventWriter;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PatientResult;

/**
 * The files of simulated patients, as {@code ketasim run} writes them: per patient
 * {@code <id>/timeseries.csv}, {@code <id>/events.csv} (rule titrations) and {@code <id>/chart.png}
 * (or {@code .svg}); for all of them {@code summary.csv}. Shared by run, tci and titrate.
 */
final class PatientOutputs {

    private final Path out;
    private final ChartFormat format;
    private final boolean charts;

    /**
     * @param out    the output folder
     * @param format the chart format
     * @param charts whether to draw charts
     */
    PatientOutputs(Path out, ChartFormat format, boolean charts) {
        this.out = out;
        this.format = format;
        this.charts = charts;
    }

    /**
     * Writes one patient's folder.
     *
     * @param p the patient
     * @throws IOException if writing fails
     */
    void write(PatientResult p) throws IOException {
        write(p, List.of());
    }

    /**
     * Writes one patient's folder, with notes under its chart.
     *
     * @param p     the patient
     * @param notes lines for under the chart, e.g. its population's outcome shares
     * @throws IOException if writing fails
     */
    void write(PatientResult p, List<String> notes) throws IOException {
        Path dir = out.resolve(p.scenario().id());
        AtomicFiles.writeText(dir.resolve("timeseries.csv"), w -> new TimeSeriesWriter().write(p.series(), p.pd(), w));
        if (!p.events().isEmpty()) {
            AtomicFiles.writeText(dir.resolve("events.csv"), w -> new TitrationEventWriter().write(p.events(), w));
        }
        if (charts) {
            ScenarioChart chart = new ScenarioChart(p, notes);
            AtomicFiles.write(dir.resolve("chart." + format.extension()), s -> chart.write(format, s));
        }
    }

    /**
     * Writes {@code summary.csv}, one row per patient.
     *
     * @param patients the patients, in order
     * @throws IOException if writing fails
     */
    void writeSummary(List<PatientResult> patients) throws IOException {
        SummaryWriter summary = new SummaryWriter();
        AtomicFiles.writeText(out.resolve("summary.csv"), w -> {
            summary.writeHeader(w);
            for (PatientResult o : patients) {
                CompiledScenario sc = o.scenario();
                summary.writeRow(new SummaryWriter.Row(sc.id(), sc.modelId(), sc.parentAnalyte(),
                        sc.metaboliteAnalyte().orElse(""), o.summary(), o.pd()), w);
            }
        });
    }

    /**
     * Prints one line about a patient.
     *
     * @param stdout where
     * @param p      the patient
     */
    void report(PrintWriter stdout, PatientResult p) {
        stdout.printf(Locale.ROOT, "%s: Cmax %.4g ng/mL at %.4g h, AUC %.6g ng*h/mL, dose %.6g mg -> %s%n",
                p.scenario().id(), p.summary().cmaxNgPerMl(), p.summary().tmaxH(), p.summary().aucNgHPerMl(),
                p.summary().totalDoseMg(), out.resolve(p.scenario().id()));
    }
}
