package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ketasim.core.nonmem.NonmemDataSet;
import org.ketasim.core.nonmem.NonmemExport;
import org.ketasim.core.nonmem.SafeText;
import org.ketasim.core.scenario.CompiledScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim export-nonmem SCENARIO... --out DATA.csv}: writes scenarios' regimens as one NONMEM
 * data set, scenario i as ID i, with observation records on each scenario's output grid. The only
 * text taken from the scenarios (ids, file names, model names) goes into the comment lines at the
 * top, written on one line each with {@link SafeText#oneLine} and commas turned into spaces, so that
 * a spreadsheet opening the file sees each comment as one cell starting with {@code #}; every other
 * cell is a number.
 */
@Command(name = "export-nonmem", mixinStandardHelpOptions = true,
        description = {"Write scenarios' regimens as a NONMEM data set (scenario i is ID i), with observation "
            + "records on each output grid, to check them in NONMEM, mrgsolve or rxode2. Amounts are of the "
            + "modelled analyte; 'ketasim nonmem DATA.csv --model SCENARIO.yaml' simulates it back."})
final class ExportNonmemCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ScenarioInputs inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DATA.csv", description = "The data set to write.")
    private Path out;

    @Option(names = "--force", description = "Replace DATA.csv if it exists (by default an existing file is never "
            + "replaced).")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(out)) {
            err.println("error: --out " + out + " is a directory; name the CSV file to write");
            return ExitCodes.BAD_INPUT;
        }
        if (Files.exists(out) && !force) {
            err.println("error: --out " + out + " exists; give --force to replace it, or name another file");
            return ExitCodes.BAD_INPUT;
        }
        Optional<ScenarioBatch> loaded = inputs.load(err);
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        ScenarioBatch batch = loaded.get();
        if (batch.failures() > 0) {
            err.println(batch.failures() + " scenario file(s) invalid; nothing written");
            return ExitCodes.BAD_INPUT;
        }
        List<String> lines = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<CompiledScenario> scenarios = batch.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            CompiledScenario s = scenarios.get(i);
            // a dose the data set cannot hold is a ScenarioException: nothing is written, exit 2
            List<NonmemExport.Row> rows = NonmemExport.rows(s, i + 1);
            comments.add("# " + SafeText.oneLine("ID " + (i + 1) + " = " + s.id() + " (" + s.scenario().sourceName()
                    + "; model " + s.modelId() + "; " + s.weightKg() + " kg; amounts x " + s.inputFactor()
                    + " of the written doses)").replace(',', ' '));
            for (NonmemExport.Row r : rows) {
                List<String> cells = new ArrayList<>(r.cells());
                cells.add(r.evid() == 0 ? "0" : "1");
                lines.add(String.join(",", cells));
            }
        }
        AtomicFiles.writeText(out, w -> {
            for (String c : comments) {
                w.write(c + "\n");
            }
            w.write(String.join(",", NonmemDataSet.STANDARD) + ",MDV\n");
            for (String line : lines) {
                w.write(line + "\n");
            }
        });
        PrintWriter stdout = spec.commandLine().getOut();
        comments.forEach(c -> stdout.println(c.substring(2)));
        stdout.println(lines.size() + " records -> " + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
