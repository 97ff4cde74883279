package org.ketasim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketasim.cli.chart.ChartFormat;
import org.ketasim.cli.chart.ChartWarmUp;
import org.ketasim.core.io.yaml.ScenarioYamlWriter;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.Plausibility;
import org.ketasim.core.scenario.Patient;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.simulation.PatientSimulator;
import org.ketasim.core.simulation.TitrationSession;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;
import org.ketasim.core.units.UnitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim titrate}: an interactive titration session on one virtual patient, from a terminal
 * or a pipe, on the engine's live propagator ({@link TitrationSession}): every command costs the
 * simulated time it adds, never a re-simulation. At {@code quit} (or the end of the input) the
 * session is written as a scenario file, a transcript, and the scenario's run output.
 */
@Command(name = "titrate", mixinStandardHelpOptions = true,
        description = {"Titrate on a virtual patient, one command a line, from a terminal or a pipe.",
            "  rate 10 mg/h | +2 mg/h | -2 | +50%% | -50%% | bolus 5 mg | wait 30 min |",
            "  status | plot | undo | help | quit",
            "At quit, writes DIR/session.yaml (a scenario that 'ketasim run' reproduces), DIR/transcript.txt "
            + "and the run output of the session."})
final class TitrateCommand implements Callable<Integer> {

    private static final Pattern RELATIVE = Pattern.compile("([+-])\\s*([0-9.]+)\\s*(%?)(?:\\s*(\\S.*))?");
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

    @CommandLine.Mixin
    private EngineOption engine;

    /** The command words, completed with Tab on a terminal. */
    private static final List<String> COMMANDS = List.of("rate", "bolus", "wait", "status", "plot", "undo", "help",
            "quit");

    private BuiltInModel patientModel;
    private double weightKg;
    private Optional<String> metabolite = Optional.empty();
    private TitrationSession session;
    private final StringBuilder transcript = new StringBuilder();
    private PrintWriter stdout;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws Exception {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            ChartWarmUp.start(ChartFormat.PNG);
            return session();
        }
    }

    /** The command's work, writing into the open output folder. */
    private int session() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        stdout = spec.commandLine().getOut();
        patientModel = OptionValues.builtInModel("--model", model);
        weightKg = OptionValues.bodyWeightKg("--weight", weight);
        if (!(baselineNrs >= 0 && baselineNrs <= 10)) {
            throw OptionValues.problem("--baseline-nrs", "an NRS pain score is from 0 to 10, got " + baselineNrs);
        }
        CompiledScenario patient = scenario(List.of(), 1).compile();
        session = new TitrationSession(patient, engine.engine());
        metabolite = patient.metaboliteAnalyte();
        say("ketasim titrate: " + patientModel.id() + ", " + weightKg + " kg, baseline pain score " + baselineNrs
                + " (NRS, the 0-10 numeric rating scale). Type help for the commands.");
        say("Cp: plasma " + patient.parentAnalyte() + ", Ce: its effect site" + metabolite.map(m -> ", Cm: " + m).orElse("")
                + ", in ng/mL; pain relief: the expected fall in a responder's pain score (NRS points); drug-high "
                + "score: a typical healthy volunteer's, 0 to 1 (a score, not a probability).");
        try (CommandInput in = CommandInput.open(System.in, stdout, "titrate> ", COMMANDS)) {
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
                } catch (InputException | IllegalArgumentException e) {
                    say("? " + (e instanceof InputException ie ? ie.problem() : e.getMessage()));
                }
            }
        }
        return save();
    }

    private void execute(String command) {
        String lower = command.toLowerCase(Locale.ROOT);
        Matcher relative = RELATIVE.matcher(command);
        if (lower.equals("help")) {
            say("rate 10 mg/h   set the pump rate          +2 mg/h / -2  change it by 2 mg/h");
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
            if (!session.undo()) {
                throw new IllegalArgumentException("nothing to undo");
            }
        } else if (lower.startsWith("rate ")) {
            Quantity q = quantity(command.substring(5), Dimension.RATE, Dimension.RATE_PER_WEIGHT);
            setRate("'" + q + "'", q, perWeight(q));
        } else if (lower.startsWith("bolus ")) {
            Quantity q = quantity(command.substring(6), Dimension.MASS, Dimension.MASS_PER_WEIGHT);
            double mg = perWeight(q);
            session.bolus(mg);
            Plausibility.bolus("'" + q + "'", q, mg, weightKg, Route.IV).ifPresent(w -> say("warning: " + w));
        } else if (lower.startsWith("wait ")) {
            session.waitFor(perWeight(quantity(command.substring(5), Dimension.TIME)));
        } else if (relative.matches()) {
            double sign = relative.group(1).equals("-") ? -1 : 1;
            double v = sign * Double.parseDouble(relative.group(2));
            if (relative.group(4) != null && relative.group(3).isEmpty()) {
                v = sign * perWeight(quantity(relative.group(2) + " " + relative.group(4), Dimension.RATE,
                        Dimension.RATE_PER_WEIGHT));
            }
            double current = session.rateMgPerH();
            double rate = relative.group(3).isEmpty() ? current + v : current * (1 + v / 100);
            Quantity q = Quantity.of(rate, "mg/h");
            setRate("the new rate, " + String.format(Locale.ROOT, "%.4g mg/h,", rate), q, rate);
        } else {
            throw new IllegalArgumentException("unknown command '" + command + "'; type help");
        }
        status();
        plot();
    }

    /** Sets the rate, and warns at once if it is above the sub-anaesthetic range. */
    private void setRate(String shown, Quantity written, double mgPerH) {
        session.setRate(mgPerH);
        Plausibility.rate(shown, written, mgPerH, weightKg).ifPresent(w -> say("warning: " + w));
    }

    private static Quantity quantity(String text, Dimension... dims) {
        try {
            return Quantities.parse(text.trim(), dims);
        } catch (UnitException e) {
            throw new IllegalArgumentException(e.problem());
        }
    }

    /** @return the quantity in internal units, a per-kg one at the patient's weight */
    private double perWeight(Quantity q) {
        return q.isPerWeight() ? q.internalValue() * weightKg : q.internalValue();
    }

    /** The patient now, one line; what the model cannot tell (no effect site, no metabolite) is left out. */
    private void status() {
        TitrationSession.Status s = session.status();
        double t = s.timeH();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "t %d:%02d  rate %.4g mg/h  given %.4g mg  "
                + "Cp %.1f", (int) t, (int) Math.round((t - (int) t) * 60) % 60, s.rateMgPerH(), s.givenMg(), s.cp()));
        if (!Double.isNaN(s.ce())) {
            line.append(String.format(Locale.ROOT, "  Ce %.1f", s.ce()));
        }
        if (!Double.isNaN(s.cm())) {
            line.append(String.format(Locale.ROOT, "  Cm %.1f", s.cm()));
        }
        line.append(" ng/mL");
        if (!Double.isNaN(s.nrsReduction())) {
            line.append(String.format(Locale.ROOT, "  pain score falls %.2f points in a responder", s.nrsReduction()));
        }
        if (!Double.isNaN(s.drugHigh())) {
            line.append(String.format(Locale.ROOT, "  volunteer's drug-high score %.2f", s.drugHigh()));
        }
        say(line.toString());
    }

    /** A text chart of Cp (*) and Ce (o) over the last hours. */
    private void plot() {
        List<TitrationSession.Sample> samples = session.samples(CHART_HOURS);
        if (samples.size() < 2) {
            return;
        }
        double from = samples.get(0).timeH();
        double to = samples.get(samples.size() - 1).timeH();
        double top = 1e-9;
        for (TitrationSession.Sample s : samples) {
            top = Math.max(top, Math.max(s.cp(), s.ce()));
        }
        char[][] grid = new char[CHART_HEIGHT][CHART_WIDTH];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        for (TitrationSession.Sample s : samples) {
            int col = (int) Math.round((s.timeH() - from) / (to - from) * (CHART_WIDTH - 1));
            grid[CHART_HEIGHT - 1 - (int) Math.min(CHART_HEIGHT - 1, Math.round(s.ce() / top * (CHART_HEIGHT - 1)))][col] = 'o';
            grid[CHART_HEIGHT - 1 - (int) Math.min(CHART_HEIGHT - 1, Math.round(s.cp() / top * (CHART_HEIGHT - 1)))][col] = '*';
        }
        for (int row = 0; row < CHART_HEIGHT; row++) {
            String label = row == 0 ? String.format(Locale.ROOT, "%6.0f", top) : row == CHART_HEIGHT - 1 ? "     0" : "      ";
            say(label + " |" + new String(grid[row]));
        }
        say(String.format(Locale.ROOT, "       %.2f h%s%.2f h   * Cp  o Ce (ng/mL)", from, " ".repeat(CHART_WIDTH - 12), to));
    }

    private void say(String line) {
        stdout.println(line);
        stdout.flush();
        transcript.append(line).append('\n');
    }

    /**
     * The session as a scenario: the pump's rates as one steps dose from 0 (each held until the
     * next change), the boluses at their times, simulated to the session's end.
     */
    private Scenario scenario(List<DoseSpec> doses, double durationH) {
        Drug drug = patientModel.card().drug() == org.ketasim.core.model.ModelDrug.RACEMIC_KETAMINE ? Drug.KETAMINE
                : Drug.ESKETAMINE;
        List<DoseSpec> list = doses.isEmpty() ? List.of(DoseSpec.bolus("0 mg")) : doses;
        return Scenario.builder().id("titration-session").title("Interactive titration session")
                .source("ketasim titrate").notes("Written by ketasim titrate; the commands are in transcript.txt.")
                .drug(drug).model(ModelSpec.BuiltIn.of(patientModel.id()))
                .patient(new Patient(Quantity.of(weightKg, "kg"), Optional.of(baselineNrs)))
                .regimen(new RegimenSpec(Optional.empty(), Optional.of(Route.IV), list, Optional.empty()))
                .simulation(new SimulationSpec(Quantity.of(durationH, "h"), Quantity.of(Math.min(durationH, 1.0 / 60),
                        "h"))).build();
    }

    /** Writes the session as a scenario, with the transcript, and its run output. */
    private int save() throws Exception {
        double t = session.status().timeH();
        if (t <= 0) {
            say("nothing to save: no time has passed (use wait)");
            AtomicFiles.writeText(out.resolve("transcript.txt"), w -> w.write(transcript.toString()));
            return ExitCodes.OK;
        }
        Scenario s = scenario(session.doses(), t);
        Path file = out.resolve("session.yaml");
        String yaml = new ScenarioYamlWriter().write(s);
        AtomicFiles.writeText(file, w -> w.write(yaml));
        AtomicFiles.writeText(out.resolve("transcript.txt"), w -> w.write(transcript.toString()));
        say("session written to " + file + " (ketasim run reproduces it)");
        CompiledScenario compiled = s.compile();
        PatientOutputs files = new PatientOutputs(out, ChartFormat.PNG, true);
        var patient = new PatientSimulator(engine.engine()).simulate(compiled);
        files.write(patient);
        files.writeSummary(List.of(patient));
        files.report(stdout, patient);
        return ExitCodes.OK;
    }
}
