package org.ketasim.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.ketasim.core.scenario.CompiledScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ketasim validate FILE|DIR...}: checks scenario files without simulating them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files without simulating them.",
            "Prints 'ok' per valid file and one line per problem (file:line: key: problem)."})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ScenarioInputs inputs;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Optional<ScenarioBatch> loaded = inputs.load(err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        ScenarioBatch batch = loaded.get();
        for (CompiledScenario s : batch.scenarios()) {
            out.println("ok " + s.scenario().sourceName() + " (" + s.id() + ")");
        }
        out.println(batch.scenarios().size() + " valid, " + batch.failures() + " invalid");
        out.flush();
        return batch.failures() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
