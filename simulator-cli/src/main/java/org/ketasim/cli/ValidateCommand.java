package org.ketasim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ketasim.core.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ketasim validate FILE|DIR...}: checks scenario files without simulating them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files without simulating them.",
            "Prints 'ok' per valid file and one line per problem (file:line: key: problem)."})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Scenario files, or directories (every *.yaml below them).")
    private List<Path> inputs;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        List<Path> files;
        try {
            files = ScenarioFiles.expand(inputs);
        } catch (ScenarioFiles.MissingInputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        ScenarioBatch batch = ScenarioBatch.load(files, err);
        for (Scenario s : batch.scenarios()) {
            out.println("ok " + s.file() + " (" + s.id() + ")");
        }
        out.println(batch.scenarios().size() + " valid, " + batch.failures() + " invalid");
        out.flush();
        return batch.failures() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
