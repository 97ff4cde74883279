package org.ketasim.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.engine.ExactSolver;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.SimulationResult;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.pd.DrugHigh;
import org.ketasim.core.pd.PainRelief;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.regimen.StepSchedule;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.UnitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim titrate}: an interactive titration session on one virtual patient, from a terminal
 * or a pipe. At {@code quit} (or the end of the input) the session is written as a scenario file,
 * a transcript, and the scenario's run output.
 */
@Command(name = "titrate", mixinStandardHelpOptions = true,
        description = {"Titrate on a virtual patient, one command a line (from a terminal or a pipe):",
            "  rate 10 mg/h | +2 | -2 | +50%% | -50%% | bolus 5 mg | wait 30 min | status | plot | undo | help | quit",
            "At quit, writes DIR/session.yaml (a scenario that 'ketasim run' reproduces), DIR/transcript.txt and",
            "the run output of the session."})
final class TitrateCommand implements Callable<Integer> {

    private static final Pattern RELATIVE = Pattern.compile("([+-])\\s*([0-9.]+)\\s*(%?)");
    private static final int CHART_WIDTH = 48;
    private static final int CHART_HEIGHT = 8;
    private static final double CHART_HOURS = 4;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = ModelLibrary.DEFAULT_ID, paramLabel = "ID",
            description = "The patient's model, a built-in id (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--weight", arity = "1..2", paramLabel = "KG", description = "Body weight (default: 70 kg).")
    private List<String> weight = List.of("70 kg");

    @Option(names = "--baseline-nrs", defaultValue = "7", paramLabel = "NRS",
            description = "The patient's pain score before treatment (default: ${DEFAULT-VALUE}).")
    private double baselineNrs;

    @Option(names = {"-o", "--out"}, defaultValue = "titration", paramLabel = "DIR",
            description = "Where the session is written (default: ${DEFAULT-VALUE}).")
    private Path out;

    @CommandLine.Mixin
    private ForceOption forceOption;

    /** One change of the session: a rate from a time, a bolus at a time, or a wait. */
    private record Action(String kind, double timeH, double value) {
    }

    private final Deque<Action> actions = new ArrayDeque<>();
    private BuiltInModel patientModel;
    private LinearSystem system;
    private double weightKg;
    private final StringBuilder transcript = new StringBuilder();
    private PrintWriter stdout;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws Exception {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            return session();
        }
    }

    /** Runs the session and saves it, into the output folder opened (and so checked) before it starts. */
    private int session() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        stdout = spec.commandLine().getOut();
        try {
            patientModel = ModelLibrary.find(model).orElseThrow(() -> new IllegalArgumentException(
                    "--model: unknown model '" + model + "'; built-in models: " + ModelLibrary.ids()));
            weightKg = Quantities.parse(String.join(" ", weight).matches("[0-9.]+") ? weight.get(0) + " kg"
                    : String.join(" ", weight), Dimension.BODY_WEIGHT).internalValue();
            if (!(baselineNrs >= 0 && baselineNrs <= 10)) {
                throw new IllegalArgumentException("--baseline-nrs must be from 0 to 10");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        system = LinearSystem.of(patientModel.model().forWeight(weightKg));
        say("ketasim titrate: " + patientModel.id() + ", " + weightKg + " kg, baseline NRS " + baselineNrs
                + ". Type help for the commands.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.trim();
            if (command.isEmpty() || command.startsWith("#")) {
                continue;
            }
            transcript.append("> ").append(command).append('\n');
            if (command.equalsIgnoreCase("quit") || command.equalsIgnoreCase("exit")) {
                break;
            }
            try {
                execute(command);
            } catch (IllegalArgumentException e) {
                say("? " + e.getMessage());
            }
        }
        return save();
    }

    private void execute(String command) {
        String lower = command.toLowerCase(Locale.ROOT);
        Matcher relative = RELATIVE.matcher(command);
        if (lower.equals("help")) {
            say("rate 10 mg/h   set the pump rate          +2 / -2       change it by 2 mg/h");
            say("+50% / -50%    change it by a percentage  bolus 5 mg    give a bolus now");
            say("wait 30 min    let time pass              status        show the patient now");
            say("plot           chart of the last hours    undo          take back the last command");
            say("quit           save the session and stop");
            return;
        } else if (lower.equals("status")) {
            status();
            return;
        } else if (lower.equals("plot")) {
            plot();
            return;
        } else if (lower.equals("undo")) {
            if (actions.isEmpty()) {
                throw new IllegalArgumentException("nothing to undo");
            }
            actions.removeLast();
        } else if (lower.startsWith("rate ")) {
            setRate(quantity(command.substring(5), Dimension.RATE, Dimension.RATE_PER_WEIGHT));
        } else if (lower.startsWith("bolus ")) {
            actions.add(new Action("bolus", now(), quantity(command.substring(6), Dimension.MASS,
                    Dimension.MASS_PER_WEIGHT)));
        } else if (lower.startsWith("wait ")) {
            double h = quantity(command.substring(5), Dimension.TIME);
            if (!(h > 0)) {
                throw new IllegalArgumentException("wait needs a positive time");
            }
            actions.add(new Action("wait", now(), h));
        } else if (relative.matches()) {
            double v = Double.parseDouble(relative.group(2)) * (relative.group(1).equals("-") ? -1 : 1);
            double current = rate();
            setRate(relative.group(3).isEmpty() ? current + v : current * (1 + v / 100));
        } else {
            throw new IllegalArgumentException("unknown command '" + command + "'; type help");
        }
        status();
        plot();
    }

    private double quantity(String text, Dimension... dims) {
        try {
            var q = Quantities.parse(text.trim(), dims);
            return q.isPerWeight() ? q.internalValue() * weightKg : q.internalValue();
        } catch (UnitException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private void setRate(double mgPerH) {
        if (!(mgPerH >= 0) || Double.isInfinite(mgPerH)) {
            throw new IllegalArgumentException("a rate must be zero or positive");
        }
        actions.add(new Action("rate", now(), mgPerH));
    }

    private double now() {
        return actions.stream().filter(a -> a.kind().equals("wait")).mapToDouble(Action::value).sum();
    }

    private double rate() {
        double r = 0;
        for (Action a : actions) {
            if (a.kind().equals("rate")) {
                r = a.value();
            }
        }
        return r;
    }

    /** The session so far as doses: one step schedule from 0 (each rate held until the next) and the boluses. */
    private List<Dose> doses(double until) {
        List<Dose> doses = new ArrayList<>();
        List<StepSchedule.Step> steps = new ArrayList<>();
        double from = 0;
        double r = 0;
        for (Action a : actions) {
            if (a.kind().equals("rate")) {
                if (a.timeH() > from) {
                    steps.add(new StepSchedule.Step(r, a.timeH() - from));
                }
                from = a.timeH();
                r = a.value();
            } else if (a.kind().equals("bolus")) {
                doses.add(Bolus.of(a.timeH(), a.value(), Route.IV));
            }
        }
        if (until > from) {
            steps.add(new StepSchedule.Step(r, until - from));
        }
        if (!steps.isEmpty()) {
            doses.add(new StepSchedule(0, steps, Route.IV));
        }
        return doses;
    }

    private double sKetamineFraction() {
        return patientModel.card().drug() == ModelDrug.RACEMIC_KETAMINE ? 0.5 : 1;
    }

    private SimulationResult simulate(OutputGrid grid) {
        List<Dose> doses = doses(grid.endH());
        if (doses.isEmpty()) {
            doses = List.of(Bolus.of(0, 0, Route.IV));
        }
        return new ExactSolver().solve(system, DoseTimeline.of(new Regimen(doses), system), grid);
    }

    private void status() {
        double t = now();
        double[] x = simulate(OutputGrid.at(t)).state(0);
        double ce = system.effectConcentration(x);
        double given = new Regimen(doses(t).isEmpty() ? List.of(Bolus.of(0, 0, Route.IV)) : doses(t))
                .administeredMg(t);
        say(String.format(Locale.ROOT, "t %d:%02d  rate %.4g mg/h  given %.4g mg  Cp %.1f  Ce %.1f  norket %.1f ng/mL  "
                        + "NRS -%.2f  drug high %.0f%%", (int) t, (int) Math.round((t - (int) t) * 60) % 60, rate(), given,
                system.parentConcentration(x), ce, system.metaboliteConcentration(x),
                PainRelief.nrsReduction(sKetamineFraction() * system.painEffectConcentration(x), baselineNrs),
                100 * DrugHigh.probability(sKetamineFraction() * ce)));
    }

    /** A text chart of Cp (*) and Ce (o) over the last hours. */
    private void plot() {
        double t = now();
        if (t <= 0) {
            return;
        }
        double from = Math.max(0, t - CHART_HOURS);
        double[] times = new double[CHART_WIDTH];
        for (int i = 0; i < CHART_WIDTH; i++) {
            times[i] = from + (t - from) * i / (CHART_WIDTH - 1);
        }
        if (times[0] == times[1]) {
            return;
        }
        SimulationResult r = simulate(OutputGrid.at(times));
        double[] cp = r.parentConcentration();
        double[] ce = r.effectConcentration();
        double top = 1e-9;
        for (int i = 0; i < CHART_WIDTH; i++) {
            top = Math.max(top, Math.max(cp[i], ce[i]));
        }
        char[][] grid = new char[CHART_HEIGHT][CHART_WIDTH];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        for (int i = 0; i < CHART_WIDTH; i++) {
            grid[CHART_HEIGHT - 1 - (int) Math.min(CHART_HEIGHT - 1, Math.round(ce[i] / top * (CHART_HEIGHT - 1)))][i] = 'o';
            grid[CHART_HEIGHT - 1 - (int) Math.min(CHART_HEIGHT - 1, Math.round(cp[i] / top * (CHART_HEIGHT - 1)))][i] = '*';
        }
        for (int row = 0; row < CHART_HEIGHT; row++) {
            String label = row == 0 ? String.format(Locale.ROOT, "%6.0f", top) : row == CHART_HEIGHT - 1 ? "     0" : "      ";
            say(label + " |" + new String(grid[row]));
        }
        say(String.format(Locale.ROOT, "       %.2f h%s%.2f h   * Cp  o Ce (ng/mL)", from, " ".repeat(CHART_WIDTH - 12), t));
    }

    private void say(String line) {
        stdout.println(line);
        stdout.flush();
        transcript.append(line).append('\n');
    }

    /** Writes the session as a scenario, with the transcript, and runs it. */
    private int save() throws Exception {
        double t = now();
        if (t <= 0) {
            say("nothing to save: no time has passed (use wait)");
            AtomicFiles.writeText(out.resolve("transcript.txt"), w -> w.write(transcript.toString()));
            return ExitCodes.OK;
        }
        StringBuilder y = new StringBuilder();
        y.append("id: titration-session\ntitle: \"Interactive titration session\"\nsource: \"ketasim titrate\"\n")
                .append("notes: |\n  Written by ketasim titrate; the commands are in transcript.txt.\n")
                .append("drug: ").append(patientModel.card().drug() == ModelDrug.RACEMIC_KETAMINE ? "ketamine" : "esketamine")
                .append("\nmodel: ").append(patientModel.id()).append("\npatient:\n  weight: ").append(weightKg)
                .append(" kg\n  baseline_nrs: ").append(baselineNrs).append("\nregimen:\n  doses:\n");
        for (Dose d : doses(t)) {
            if (d instanceof Bolus b) {
                y.append("    - bolus: ").append(b.amountMg()).append(" mg\n      at: ").append(b.timeH()).append(" h\n");
            } else if (d instanceof StepSchedule s) {
                y.append("    - steps:\n");
                for (StepSchedule.Step step : s.steps()) {
                    y.append("        - {rate: ").append(step.rateMgPerH()).append(" mg/h, for: ").append(step.durationH())
                            .append(" h}\n");
                }
            }
        }
        y.append("simulation:\n  duration: ").append(t).append(" h\n  step: ").append(Math.min(t, 1.0 / 60))
                .append(" h\n");
        Path file = out.resolve("session.yaml");
        AtomicFiles.writeText(file, w -> w.write(y.toString()));
        AtomicFiles.writeText(out.resolve("transcript.txt"), w -> w.write(transcript.toString()));
        say("session written to " + file + " (ketasim run reproduces it)");
        return spec.commandLine().getParent().execute("run", file.toString(), "--out", out.toString());
    }
}
