package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ketasim.core.io.Csv;
import org.ketasim.core.io.InputFileException;
import org.ketasim.core.io.InputFiles;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.nonmem.Compartments;
import org.ketasim.core.nonmem.DosePlausibility;
import org.ketasim.core.nonmem.MappedParameter;
import org.ketasim.core.nonmem.NonmemDataSet;
import org.ketasim.core.nonmem.NonmemRecord;
import org.ketasim.core.nonmem.NonmemSimulator;
import org.ketasim.core.nonmem.RecordModels;
import org.ketasim.core.problems.Location;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.ScenarioCompiler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ketasim nonmem DATA.csv --model MODEL --out DIR}: simulates a NONMEM data set with
 * NONMEM's dosing semantics and writes {@code DIR/predictions.csv}, one row per record, in file
 * order.
 *
 * <p>The file is RFC 4180 CSV (lines end in LF): ketasim's columns {@code ID}, {@code TIME},
 * {@code EVID}, {@code CP} and, where the model has them, {@code CM} and {@code CE}, then every other
 * column of the data set unchanged (the ID, TIME and EVID columns that were used are not repeated).
 * A column whose name is already taken, case-insensitively, gets {@code _input} appended (an input
 * {@code CP} becomes {@code CP_input}), then {@code _input2}, {@code _input3}, ... until it is unique.
 * Text cells and column names that a spreadsheet would run as a formula are neutralised with
 * {@link Csv#neutralised}.
 */
@Command(name = "nonmem", mixinStandardHelpOptions = true,
        description = {"Simulate a NONMEM-format data set with NONMEM's dosing-event semantics.",
            "Writes DIR/predictions.csv, one row per record in file order: ID, TIME, EVID, CP (ng/mL), CM "
            + "and CE where the model has them, then the data set's other columns (a name already taken "
            + "gets _input appended, e.g. CP_input).",
            "Compartments follow the model's state order: depots first, then central (ADVAN2: depot 1, "
            + "central 2; without a depot, central 1). WT and mapped columns may change from record to "
            + "record: each interval is simulated with the values of the record that ends it, as NONMEM "
            + "does. See docs/nonmem.md."})
final class NonmemCommand implements Callable<Integer> {

    /** The largest data set read, in bytes. */
    private static final long MAX_DATA_BYTES = 1L << 30;
    /** Weight used for a built-in model when neither --weight nor a WT column gives one (kg). */
    private static final double DEFAULT_WEIGHT_KG = 70;

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "The NONMEM data set (CSV with a header row).")
    private Path data;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "A built-in model id, or a YAML file with a 'model:' map (a scenario file also works: its "
                    + "patient weight is used).")
    private String model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @CommandLine.Mixin
    private ForceOption forceOption;

    @Option(names = "--cmt", paramLabel = "NAME=N", description = "Give compartment number N (1 to 99) to the state "
            + "NAME (e.g. central=1, depot:oral=1).")
    private Map<String, Integer> cmt = new LinkedHashMap<>();

    @Option(names = "--map", paramLabel = "PARAM=COLUMN", description = "Take a parameter from a column, record by "
            + "record: F<n>, ALAG<n>, R<n>, D<n> of compartment n; the model's CL, V1, Q2, V2, Q3, V3 (L, L/h) and "
            + "KA<n> of depot n (1/h) (e.g. --map F2=BIOAV --map CL=CLI).")
    private Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--weight", paramLabel = "KG", description = "Body weight for the model's scaling on records "
            + "without a WT value (default: the scenario's, or 70 kg).")
    private Double weight;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException {
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            return run();
        }
    }

    private int run() throws IOException {
        InputFiles.requireRegular(data, MAX_DATA_BYTES);
        PkModel typical;
        double defaultWeight;
        var builtIn = ModelLibrary.find(model);
        if (builtIn.isPresent()) {
            typical = builtIn.map(BuiltInModel::model).get();
            defaultWeight = DEFAULT_WEIGHT_KG;
        } else if (Files.isRegularFile(Path.of(model))) {
            Path file = Path.of(model);
            var read = new ScenarioYaml().readModel(file);
            typical = ScenarioCompiler.typicalModel(read.model(), key -> new Location(file.toString(), 0, key));
            defaultWeight = read.weightKg().orElse(DEFAULT_WEIGHT_KG);
        } else {
            throw OptionValues.problem("--model", "'" + model + "' is neither a built-in model ("
                    + ModelLibrary.ids() + ") nor a file");
        }
        if (weight != null) {
            if (!(weight > 0) || weight.isInfinite()) {
                throw OptionValues.problem("--weight", "must be a positive number of kg, got " + weight);
            }
            defaultWeight = weight;
        }
        map.keySet().forEach(name -> OptionValues.named("--map", () -> MappedParameter.parse(name)));
        NonmemDataSet set;
        try (Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            set = NonmemDataSet.read(data.toString(), in, map);
        } catch (IOException e) {
            throw new InputFileException(data, "cannot read the file: " + e.getMessage());
        }
        double weightKg = defaultWeight;
        // the compartment numbers checked alone first, so that a problem with them names --cmt, and any
        // other problem of the record models is one of --map
        OptionValues.named("--cmt", () -> new Compartments(typical.forWeight(weightKg), cmt));
        RecordModels models = OptionValues.named("--map", () -> new RecordModels(typical, weightKg, cmt, map,
                data.toString()));
        List<Warning> warnings = DosePlausibility.check(set, models);
        LinearSystem structure = models.typical().system();
        List<Integer> passed = passedThrough(set);
        List<String> header = header(set, passed, structure);
        List<List<String>> rows = new ArrayList<>();
        NonmemSimulator simulator = new NonmemSimulator(models);
        for (NonmemDataSet.Individual individual : set.individuals()) {
            List<NonmemRecord> records = individual.records();
            List<NonmemSimulator.Prediction> predictions = simulator.simulate(records);
            for (int i = 0; i < records.size(); i++) {
                NonmemRecord r = records.get(i);
                NonmemSimulator.Prediction p = predictions.get(i);
                List<String> cells = new ArrayList<>(header.size());
                cells.add(Csv.neutralised(r.id()));
                cells.add(Double.toString(r.time()));
                cells.add(Integer.toString(r.evid()));
                cells.add(Double.toString(p.cp()));
                if (structure.hasMetabolite()) {
                    cells.add(Double.toString(p.cm()));
                }
                if (structure.hasEffectSite()) {
                    cells.add(Double.toString(p.ce()));
                }
                for (int column : passed) {
                    cells.add(Csv.neutralised(column < r.cells().size() ? r.cells().get(column) : ""));
                }
                rows.add(cells);
            }
        }
        Path target = out.resolve("predictions.csv");
        AtomicFiles.writeText(target, w -> {
            CSVPrinter printer = new CSVPrinter(w, CSV);
            printer.printRecord(header.stream().map(Csv::neutralised).toList());
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
        });
        AtomicFiles.writeLinesIfAny(out.resolve("warnings.txt"), warnings.stream().map(Warning::toString).toList());
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.println("warning: " + w));
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(set.individuals().size() + " individuals, " + rows.size() + " records -> " + target);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** @return the indices of the data set's columns written after ketasim's: all but the ID, TIME and EVID used */
    private static List<Integer> passedThrough(NonmemDataSet set) {
        Set<Integer> used = new HashSet<>();
        for (String name : List.of("ID", "TIME", "EVID")) {
            set.column(name).ifPresent(used::add);
        }
        List<Integer> passed = new ArrayList<>();
        for (int i = 0; i < set.header().size(); i++) {
            if (!used.contains(i)) {
                passed.add(i);
            }
        }
        return passed;
    }

    /** @return the output column names: ketasim's, then the passed-through ones made unique */
    private static List<String> header(NonmemDataSet set, List<Integer> passed, LinearSystem structure) {
        List<String> header = new ArrayList<>(List.of("ID", "TIME", "EVID", "CP"));
        if (structure.hasMetabolite()) {
            header.add("CM");
        }
        if (structure.hasEffectSite()) {
            header.add("CE");
        }
        Set<String> taken = new HashSet<>();
        header.forEach(h -> taken.add(h.toUpperCase(Locale.ROOT)));
        for (int column : passed) {
            String name = set.header().get(column);
            String unique = name;
            for (int k = 1; taken.contains(unique.toUpperCase(Locale.ROOT)); k++) {
                unique = name + "_input" + (k == 1 ? "" : k);
            }
            taken.add(unique.toUpperCase(Locale.ROOT));
            header.add(unique);
        }
        return header;
    }
}
