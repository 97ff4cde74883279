package org.ketasim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ketasim.core.engine.batch.BatchSolver.Method;
import org.ketasim.core.engine.batch.StandardCase;
import org.ketasim.core.model.LinearSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim bench}: runs the speed benchmark's standard case ({@link StandardCase}) for a few
 * seconds and prints subjects per second: first the per-step engine on one thread, for comparison
 * with a hand-written loop of the same recurrence, then the default (closed-form) engine on one
 * thread and on all, as the last two lines. Each subject's parameters are drawn and its system
 * built inside the timed work. The JMH suite in {@code benchmarks/} is the careful measurement;
 * this is the quick check on any machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the standard case: a 4-day titrated IV regimen (5 mg/h, +2 mg/h every 12 h, max",
            "25 mg/h) on a 6-state model, 1-minute grid, each subject with its own parameters, summary metrics only.",
            "Prints the per-step engine on one thread, then the default closed-form engine on one thread and on all",
            "threads, as the last two lines (subjects per second)."})
final class BenchCommand implements Callable<Integer> {

    private static final int BATCH = 256;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "3", paramLabel = "S",
            description = "Measured time per thread count, after 1 s of warm-up (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(seconds > 0 && seconds <= 600)) {
            spec.commandLine().getErr().println("error: --seconds must be above 0 and at most 600, got " + seconds);
            return ExitCodes.BAD_INPUT;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "standard case: %d-h titration, %.0f-s grid, %d subjects per batch; %d processors, %s %s%n",
                (int) StandardCase.DURATION_H, StandardCase.STEP_H * 3600, BATCH, cores,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        out.flush();
        measure(Method.STEPPING, 1, 1.0);
        out.printf(Locale.ROOT, "per-step engine, every 1-min step, 1 thread: %.0f subjects/s%n",
                measure(Method.STEPPING, 1, seconds));
        out.flush();
        measure(Method.CLOSED_FORM, 1, 1.0);
        double one = measure(Method.CLOSED_FORM, 1, seconds);
        double all = cores == 1 ? one : measure(Method.CLOSED_FORM, cores, seconds);
        out.println("closed-form engine (the default), runs of constant rate:");
        out.printf(Locale.ROOT, "1 thread: %.0f subjects/s%n", one);
        out.printf(Locale.ROOT, "%d threads: %.0f subjects/s%n", cores, all);
        out.flush();
        return ExitCodes.OK;
    }

    /** @return subjects per second over all threads, each thread solving batches until the time is up */
    private static double measure(Method method, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            List<Future<Long>> jobs = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                jobs.add(pool.submit(() -> {
                    long done = 0;
                    for (long batch = 0; System.nanoTime() < end; batch++) {
                        List<LinearSystem> subjects = StandardCase.subjects(BATCH, seed * 1_000_003 + batch);
                        if (StandardCase.solve(subjects, method).cmaxParent().length != BATCH) {
                            throw new IllegalStateException("lost subjects");
                        }
                        done += BATCH;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> job : jobs) {
                total += job.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
