package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line is built with the one command its arguments name first, and with every command
 * for the help, the completion script and anything else; either way the same command runs the same.
 */
class CommandLineChoiceTest {

    private static CommandLine forArguments(String... args) {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        return KetasimCommand.commandLine(none, none, args);
    }

    @Test
    void aCommandThatDoesTheWorkIsBuiltAlone() {
        for (String name : List.of("run", "validate", "models", "compare", "population", "sweep", "titrate", "serve",
                "tci", "nonmem", "export-nonmem", "bench")) {
            assertEquals(Set.of(name), forArguments(name, "--help").getSubcommands().keySet(), name);
        }
    }

    @Test
    void theHelpTheCompletionScriptAndMistakesGetEveryCommand() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Set<String> all = KetasimCommand.commandLine(none, none).getSubcommands().keySet();
        assertEquals(14, all.size(), all.toString());
        for (String[] args : List.of(new String[0], new String[] {"help", "run"}, new String[] {"--help"},
                new String[] {"generate-completion"}, new String[] {"swep", "x.yaml"}, new String[] {"--version"})) {
            assertEquals(all, forArguments(args).getSubcommands().keySet(), String.join(" ", args));
        }
    }

    @Test
    void aCommandBuiltAloneKeepsTheExitCodesAndMessages() {
        Cli.Result badOption = Cli.run("sweep", "--max-points", "0", "missing.sweep.yaml");
        assertEquals(2, badOption.exitCode(), badOption.err());
        assertTrue(badOption.err().startsWith("error: "), badOption.err());
        Cli.Result unknown = Cli.run("swep", "x.yaml");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Did you mean: ketasim sweep?"), unknown.err());
        Cli.Result help = Cli.run("help", "sweep");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: ketasim sweep"), help.out());
    }
}
