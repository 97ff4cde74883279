package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ketasim.core.io.SweepWriter;
import org.ketasim.core.io.yaml.ScenarioYamlWriter;
import org.ketasim.core.io.yaml.SweepYaml;
import org.ketasim.core.outcomes.WindowChoice;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.Sweep;
import org.ketasim.core.scenario.SweepAxis;
import org.ketasim.core.sweep.SweepPoint;
import org.ketasim.core.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ketasim sweep FILE --out DIR}: runs every grid point of a sweep file in parallel and
 * streams one row per point, in point order, to {@code DIR/sweep.csv} (and per subject to
 * {@code DIR/sweep_subjects.csv} with {@code --per-subject}). Only a few batches of points are held
 * in memory, whatever the grid size. {@code DIR/sweep.state} identifies the sweep, so that
 * {@code --resume} continues after the last complete row without redoing or repeating any.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a sweep file: a base scenario simulated at every combination of the values of its axes.",
            "Axes: start, increment, every, max, rate, duration, weight, route, model, subjects. Streams "
            + "one row per grid point, in order, to DIR/sweep.csv (per subject to DIR/sweep_subjects.csv "
            + "with --per-subject), with a progress bar on a terminal. --resume continues an interrupted "
            + "sweep without redoing or repeating rows.",
            "Points that cannot be simulated get their reason in the 'problem' column; the exit code is "
            + "then 2."})
final class SweepCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file.")
    private Path file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    private Integer threads;

    @Option(names = "--per-subject", description = "Also write one row per virtual subject (sweeps with a subjects "
            + "axis) to DIR/sweep_subjects.csv.")
    private boolean perSubject;

    @Option(names = "--resume", description = "Continue the interrupted sweep in DIR after its last complete row.")
    private boolean resume;

    @CommandLine.Mixin
    private WindowOptions windowOptions;

    @CommandLine.Mixin
    private ForceOption forceOption;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "2000000",
            description = "Refuse a grid point with more output rows than this (default: ${DEFAULT-VALUE}).")
    private long maxRows;

    @Option(names = "--max-points", paramLabel = "N", defaultValue = "" + Sweep.DEFAULT_MAX_POINTS,
            description = "Refuse a sweep that simulates more patients than this: each point's typical patient, and "
                    + "its population with a subjects axis (default: ${DEFAULT-VALUE}).")
    private long maxPoints;

    @CommandLine.Mixin
    private EngineOption engine;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Sweep sweep;
        WindowChoice windows;
        OptionValues.checkPopulation(null, null, null, threads);
        int workers = threads == null ? PopulationSettings.defaultThreads() : threads;
        if (maxRows < 2 || maxPoints < 1) {
            throw OptionValues.problem(maxRows < 2 ? "--max-rows" : "--max-points", "must be positive");
        }
        windows = windowOptions.windows();
        ScenarioCompiler compiler = new ScenarioCompiler().withMaxRows(maxRows);
        sweep = new SweepYaml(compiler, maxPoints).read(file);
        if (resume && forceOption.force()) {
            throw OptionValues.problem("--resume", "--resume continues the folder and --force replaces it: give one");
        }
        SweepWriter writer = new SweepWriter(sweep, windows);
        String fingerprint = fingerprint(sweep, windows);
        long total = sweep.points();
        long first;
        long problems;
        boolean population = sweep.axes().stream().anyMatch(a -> a.field() == SweepAxis.Field.SUBJECTS);
        int batch = workers * (population ? 1 : 64);
        SweepRunner runner = new SweepRunner(sweep, windows, compiler, engine.engine(), perSubject);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try (OutputDirectory dir = resume ? OutputDirectory.resume(out) : OutputDirectory.prepare(out, forceOption.force());
             SweepFiles files = resume ? SweepFiles.resume(out, sweep, writer, fingerprint, perSubject)
                     : SweepFiles.start(out, writer, fingerprint, perSubject);
             ProgressBar bar = progressBar(total, files.nextPoint())) {
            first = files.nextPoint();
            List<Future<SweepPoint>> next = submit(pool, runner, first, Math.min(total, first + batch));
            for (long start = first; start < total; start += batch) {
                List<Future<SweepPoint>> jobs = next;
                // the next batch is queued before this one is written, so the workers never wait for the writing
                next = submit(pool, runner, start + batch, Math.min(total, start + 2 * batch));
                List<SweepPoint> done = new ArrayList<>(jobs.size());
                for (Future<SweepPoint> job : jobs) {
                    done.add(Jobs.result(job));
                }
                files.write(done);
                if (bar != null) {
                    bar.stepBy(done.size());
                }
            }
            problems = files.problems();
        } finally {
            pool.shutdownNow();
        }
        Path csv = out.resolve(SweepFiles.ROWS);
        stdout.printf("%s: %d grid points (%d run now) -> %s%n", sweep.id(), total, total - first, csv);
        if (problems > 0) {
            stdout.printf("%d point(s) could not be simulated; see the 'problem' column%n", problems);
        }
        stdout.flush();
        return problems == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** @return the points from {@code from} to {@code to - 1}, queued on the pool */
    private static List<Future<SweepPoint>> submit(ExecutorService pool, SweepRunner runner, long from, long to) {
        List<Future<SweepPoint>> jobs = new ArrayList<>();
        for (long k = from; k < to; k++) {
            long index = k;
            jobs.add(pool.submit(() -> runner.run(index)));
        }
        return jobs;
    }

    /** The sweep, its base and the options that shape the rows, hashed. */
    private String fingerprint(Sweep sweep, WindowChoice windows) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(file));
            ScenarioYamlWriter yaml = new ScenarioYamlWriter();
            for (Sweep.Base base : sweep.bases()) {
                sha.update(yaml.write(base.scenario()).getBytes(StandardCharsets.UTF_8));
            }
            sha.update((windows + " " + perSubject + " " + maxRows + " " + engine.engine()).getBytes(
                    StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }


    /** A progress bar on the terminal's error stream; none when the output is not a terminal. */
    private static ProgressBar progressBar(long total, long done) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total).startsFrom(done, Duration.ZERO)
                .setUnit(" points", 1).showSpeed().build();
    }
}
