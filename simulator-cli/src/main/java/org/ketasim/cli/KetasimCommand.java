package org.ketasim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ketasim} command; the work is done by its subcommands. */
@Command(name = "ketasim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"S-ketamine infusion dosing simulator.",
            "Simulates dosing regimens written as YAML scenario files with an exact linear PK engine."},
        subcommands = {RunCommand.class, ValidateCommand.class, ModelsCommand.class, NonmemCommand.class,
            ExportNonmemCommand.class, CompareCommand.class, TciCommand.class, TitrateCommand.class, PopulationCommand.class, SweepCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything worked", "1:internal error (a defect in ketasim: please report it)",
            "2:bad input (invalid scenario, missing file, bad option)"})
public final class KetasimCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, validate, compare, titrate, tci, models, nonmem, export-nonmem)");
    }

    /**
     * Builds the command line with ketasim's exit codes and error handling.
     *
     * @param out standard output
     * @param err standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new KetasimCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof OutputException) {
                commandLine.getErr().println("error: " + e.getMessage());
                commandLine.getErr().flush();
                return ExitCodes.BAD_INPUT;
            }
            commandLine.getErr().println("ketasim: internal error (please report it): " + e);
            e.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return ExitCodes.INTERNAL_ERROR;
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
