package org.ketasim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.tci.TargetControlledInfusion;
import org.ketasim.core.tci.TciSettings;
import org.ketasim.core.tci.TciSite;
import org.ketasim.core.tci.TciTarget;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.UnitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim tci --model ID --target "100 ng/mL at 0 h, 150 ng/mL at 2 h" --site plasma|effect
 * --duration 6 h}: computes a target-controlled infusion and writes it as a scenario file (one
 * {@code steps:} dose), then simulates that file like {@code run}.
 */
@Command(name = "tci", mixinStandardHelpOptions = true,
        description = {"Target-controlled infusion: the pump rates, updated every 10 s, that bring the plasma",
            "(Jacobs 1990) or effect-site (Shafer and Gregg 1992) concentration to each target and hold it.",
            "Writes DIR/tci.yaml (a scenario: 'ketasim run' and 'compare' take it like any other) and its run output."})
final class TciCommand implements Callable<Integer> {

    private static final Pattern TARGET = Pattern.compile("\\s*(.+?)\\s+at\\s+(.+?)\\s*");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "A built-in model id.")
    private String model;

    @Option(names = "--target", required = true, paramLabel = "TARGETS",
            description = "Targets and their start times, e.g. \"100 ng/mL at 0 h, 150 ng/mL at 2 h\".")
    private String targets;

    @Option(names = "--site", defaultValue = "plasma", paramLabel = "plasma|effect",
            description = "The concentration targeted (default: ${DEFAULT-VALUE}).")
    private String site;

    @Option(names = "--duration", required = true, arity = "1..2", paramLabel = "TIME",
            description = "How long the pump runs, e.g. 6 h.")
    private List<String> duration;

    @Option(names = "--max-rate", arity = "1..2", paramLabel = "RATE",
            description = "The pump's highest rate (default: 12000 mg/h, i.e. 1200 mL/h of a 10 mg/mL solution, the "
                    + "limit of common TCI pumps).")
    private List<String> maxRate = List.of("12000 mg/h");

    @Option(names = "--update", arity = "1..2", paramLabel = "TIME",
            description = "Time between rate updates (default: 10 s).")
    private List<String> update = List.of("10 s");

    @Option(names = "--weight", arity = "1..2", paramLabel = "KG", description = "Body weight (default: 70 kg).")
    private List<String> weight = List.of("70 kg");

    @Option(names = {"-o", "--out"}, defaultValue = "tci", paramLabel = "DIR", description = "Output directory "
            + "(default: ${DEFAULT-VALUE}).")
    private Path out;

    @CommandLine.Mixin
    private ForceOption forceOption;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws Exception {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            return schedule();
        }
    }

    /** Computes the schedule, writes it and runs it, into the open output folder. */
    private int schedule() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        BuiltInModel builtIn;
        TciSettings settings;
        List<TciTarget> list;
        double hours;
        double kg;
        try {
            builtIn = ModelLibrary.find(model).orElseThrow(() -> new IllegalArgumentException("--model: unknown model '"
                    + model + "'; built-in models: " + ModelLibrary.ids()));
            TciSite where = switch (site.toLowerCase(Locale.ROOT)) {
                case "plasma" -> TciSite.PLASMA;
                case "effect" -> TciSite.EFFECT;
                default -> throw new IllegalArgumentException("--site: use plasma or effect, got '" + site + "'");
            };
            hours = quantity("--duration", String.join(" ", duration), Dimension.TIME);
            kg = quantity("--weight", String.join(" ", weight), Dimension.BODY_WEIGHT);
            settings = TciSettings.of(where, quantity("--max-rate", String.join(" ", maxRate), Dimension.RATE))
                    .withUpdateInterval(quantity("--update", String.join(" ", update), Dimension.TIME));
            list = targets();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        LinearSystem system = LinearSystem.of(builtIn.model().forWeight(kg));
        List<TargetControlledInfusion.Interval> schedule;
        try {
            schedule = new TargetControlledInfusion(system, settings).schedule(list, hours);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path file = out.resolve("tci.yaml");
        String yaml = scenario(builtIn, kg, settings, hours, schedule);
        AtomicFiles.writeText(file, w -> w.write(yaml));
        double total = schedule.stream().mapToDouble(i -> i.rateMgPerH() * (i.endH() - i.startH())).sum();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%d updates, %.6g mg over %s h, highest rate %.6g mg/h -> %s%n", schedule.size(),
                total, hours, schedule.stream().mapToDouble(TargetControlledInfusion.Interval::rateMgPerH).max()
                        .orElse(0), file);
        stdout.flush();
        return spec.commandLine().getParent().execute("run", file.toString(), "--out", out.toString());
    }

    private static double quantity(String option, String text, Dimension dimension) {
        try {
            return Quantities.parse(text, dimension).internalValue();
        } catch (UnitException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private List<TciTarget> targets() {
        List<TciTarget> out = new ArrayList<>();
        for (String part : targets.split(",")) {
            Matcher m = TARGET.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("--target: '" + part.trim() + "' is not 'CONCENTRATION at TIME', "
                        + "e.g. '100 ng/mL at 0 h'");
            }
            out.add(new TciTarget(quantity("--target", m.group(2), Dimension.TIME),
                    quantity("--target", m.group(1), Dimension.CONCENTRATION)));
        }
        return out;
    }

    /** The schedule as a scenario file: equal consecutive rates merged into one step. */
    private String scenario(BuiltInModel m, double kg, TciSettings s, double hours,
                            List<TargetControlledInfusion.Interval> schedule) {
        StringBuilder y = new StringBuilder();
        String where = s.site().name().toLowerCase(Locale.ROOT);
        y.append("id: tci-").append(where).append('\n')
                .append("title: \"Target-controlled infusion (").append(where).append("), ").append(m.id()).append("\"\n")
                .append("source: \"ketasim tci: ").append(s.site() == TciSite.PLASMA
                        ? "Jacobs, IEEE Trans Biomed Eng 1990, doi:10.1109/10.43621"
                        : "Shafer and Gregg, J Pharmacokinet Biopharm 1992, doi:10.1007/BF01062336").append("\"\n")
                .append("notes: |\n  Computed by: ketasim tci --model ").append(m.id()).append(" --target \"")
                .append(targets.replace("\"", "'")).append("\" --site ").append(where).append(" --duration \"")
                .append(String.join(" ", duration)).append("\" --max-rate \"").append(String.join(" ", maxRate))
                .append("\" --update \"").append(String.join(" ", update)).append("\" --weight \"")
                .append(String.join(" ", weight)).append("\"\n  Rates are updated every ").append(String.join(" ", update))
                .append(" and never exceed ").append(String.join(" ", maxRate))
                .append("; equal consecutive rates are one step.\n")
                .append("drug: ").append(m.card().drug() == ModelDrug.RACEMIC_KETAMINE ? "ketamine" : "esketamine")
                .append("\nmodel: ").append(m.id()).append("\npatient:\n  weight: ").append(kg).append(" kg\n")
                .append("regimen:\n  doses:\n    - steps:\n");
        int i = 0;
        while (i < schedule.size()) {
            int j = i;
            while (j + 1 < schedule.size() && schedule.get(j + 1).rateMgPerH() == schedule.get(i).rateMgPerH()) {
                j++;
            }
            y.append("        - {rate: ").append(schedule.get(i).rateMgPerH()).append(" mg/h, for: ")
                    .append(schedule.get(j).endH() - schedule.get(i).startH()).append(" h}\n");
            i = j + 1;
        }
        y.append("simulation:\n  duration: ").append(hours).append(" h\n  step: ").append(s.updateIntervalH())
                .append(" h\n");
        return y.toString();
    }
}
