package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.ketasim.core.problems.InputException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ketasim} command; the work is done by its subcommands. */
@Command(name = "ketasim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"S-ketamine infusion dosing simulator.",
            "Simulates dosing regimens written as YAML scenario files with an exact linear PK engine."},
        subcommands = {RunCommand.class, ValidateCommand.class, ModelsCommand.class, CompareCommand.class,
            PopulationCommand.class, SweepCommand.class, TitrateCommand.class, ServeCommand.class, TciCommand.class, NonmemCommand.class,
            ExportNonmemCommand.class, BenchCommand.class, AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything worked", "1:internal error (a defect in ketasim: please report it)",
            "2:bad input (invalid scenario, missing file, bad option, unusable output folder)"})
public final class KetasimCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; the commands are "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Builds the command line with ketasim's one mapping from what went wrong to an exit code: bad
     * input of any kind (a scenario, a data set, an option value, an output folder that cannot be
     * written) is exit 2 with its message and no stack trace; anything else is a defect, exit 1 with
     * the stack trace.
     *
     * @param out standard output
     * @param err standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        // charts are encoded in memory, never through a temporary file of ImageIO's: a full disk then fails only
        // the write of the chart (exit 2, with its path), not also the JVM's shutdown with a stack trace
        javax.imageio.ImageIO.setUseCache(false);
        CommandLine cl = new CommandLine(new KetasimCommand());
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandSummaries());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof InputException input) {
                input.problems().forEach(p -> w.println("error: " + p.getMessage()));
            } else if (cause instanceof OutputException) {
                w.println("error: " + cause.getMessage());
            } else if (cause instanceof IOException io) {
                w.println("error: cannot write the output: " + io.getClass().getSimpleName() + ": " + io.getMessage()
                        + " (check that --out is a writable folder with free space)");
            } else {
                w.println("ketasim: internal error (please report it): " + e);
                e.printStackTrace(w);
                w.flush();
                return ExitCodes.INTERNAL_ERROR;
            }
            w.flush();
            return ExitCodes.BAD_INPUT;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("error: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, w)) {
                w.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            }
            w.flush();
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    /**
     * Runs ketasim and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }
}
