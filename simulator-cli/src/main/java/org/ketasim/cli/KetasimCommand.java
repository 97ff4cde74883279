package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything worked", "1:internal error (a defect in ketasim: please report it)",
            "2:bad input (invalid scenario, missing file, bad option, unusable output folder)"})
public final class KetasimCommand implements Runnable {

    /**
     * The commands that do the work, in the order the help lists them. A command line that names one
     * of them first is built with that one alone: picocli reads every command's options and fields by
     * reflection when it is added, which cost about 0.1 s of every command's start when all were.
     */
    private static final List<Class<?>> WORK = List.of(RunCommand.class, ValidateCommand.class, ModelsCommand.class,
            CompareCommand.class, PopulationCommand.class, SweepCommand.class, TitrateCommand.class, ServeCommand.class,
            TciCommand.class, NonmemCommand.class, ExportNonmemCommand.class, BenchCommand.class);
    /** The commands about the commands, which need them all: the help and the shell completion script. */
    private static final List<Class<?>> ABOUT = List.of(AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; the commands are "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * The command line with every command, as the help and the completion script need it (see
     * {@link #commandLine(PrintWriter, PrintWriter, String[])}).
     *
     * @param out standard output
     * @param err standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return build(out, err, Stream.concat(WORK.stream(), ABOUT.stream()).toArray(Class<?>[]::new));
    }

    /**
     * The command line for these arguments: when they start with the name of a command that does the
     * work (not {@code help}), with that command alone, which runs it exactly as the full command line
     * would; otherwise with every command, for the help, the completion script and the messages of a
     * mistyped command.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments to be executed
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        if (args.length > 0) {
            for (Class<?> command : WORK) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return build(out, err, command);
                }
            }
        }
        return commandLine(out, err);
    }

    /**
     * Builds the command line with ketasim's one mapping from what went wrong to an exit code: bad
     * input of any kind (a scenario, a data set, an option value, an output folder that cannot be
     * written) is exit 2 with its message and no stack trace; anything else is a defect, exit 1 with
     * the stack trace.
     *
     * @param out      standard output
     * @param err      standard error
     * @param commands the subcommands, in the order the help lists them
     * @return the configured command line
     */
    private static CommandLine build(PrintWriter out, PrintWriter err, Class<?>... commands) {
        CommandLine cl = new CommandLine(new KetasimCommand());
        for (Class<?> command : commands) {
            cl.addSubcommand(command);
        }
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
        // picocli then does not look for Groovy on the class path at start-up (about 0.05 s)
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err, args).execute(args));
    }
}
