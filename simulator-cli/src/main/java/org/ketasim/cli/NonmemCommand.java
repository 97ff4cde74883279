package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ketasim.core.io.Csv;
import org.ketasim.core.io.InputFiles;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.nonmem.Compartments;
import org.ketasim.core.nonmem.NonmemDataException;
import org.ketasim.core.nonmem.NonmemDataSet;
import org.ketasim.core.nonmem.NonmemRecord;
import org.ketasim.core.nonmem.NonmemSimulator;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ketasim nonmem DATA.csv --model MODEL --out DIR}: simulates a NONMEM data set with
 * NONMEM's dosing semantics and writes {@code DIR/predictions.csv}, one row per record.
 */
@Command(name = "nonmem", mixinStandardHelpOptions = true,
        description = {"Simulate a NONMEM-format data set with NONMEM's dosing-event semantics.",
            "Writes DIR/predictions.csv: ID, TIME, EVID, CP (ng/mL) and CM, CE where the model has them, then the",
            "data set's other columns, one row per record. Compartments follow the model's state order: depots",
            "first, then central (ADVAN2: depot 1, central 2; without a depot, central 1)."})
final class NonmemCommand implements Callable<Integer> {

    /** The largest data set read, in bytes. */
    private static final long MAX_DATA_BYTES = 1L << 30;
    /** Weight used for a built-in model when neither --weight nor a WT column gives one (kg). */
    private static final double DEFAULT_WEIGHT_KG = 70;

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

    @Option(names = "--cmt", paramLabel = "NAME=N", description = "Give compartment number N to the state NAME "
            + "(e.g. central=1, depot:oral=1).")
    private Map<String, Integer> cmt = new LinkedHashMap<>();

    @Option(names = "--map", paramLabel = "PARAM=COLUMN", description = "Take a modelled parameter from a column: "
            + "F<n>, ALAG<n>, R<n>, D<n> (e.g. --map F2=BIOAV --map ALAG2=LAGT).")
    private Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--weight", paramLabel = "KG", description = "Body weight for the model's scaling, unless a WT "
            + "column gives one per ID (default: the scenario's, or 70 kg).")
    private Double weight;

    @Override
    @SuppressWarnings("try") // the output folder is held open, not used, while the body writes into it
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try (OutputDirectory dir = OutputDirectory.prepare(out, forceOption.force())) {
            return run();
        } catch (NonmemDataException | ScenarioException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
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
            var file = new ScenarioLoader().loadModel(Path.of(model));
            typical = file.model();
            defaultWeight = file.weightKg().orElse(DEFAULT_WEIGHT_KG);
        } else {
            throw new IllegalArgumentException("--model " + model + ": neither a built-in model ("
                    + ModelLibrary.ids() + ") nor a file");
        }
        if (weight != null) {
            defaultWeight = weight;
        }
        NonmemDataSet set;
        try (Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            set = NonmemDataSet.read(data.toString(), in, map);
        }
        int wt = indexOf(set.header(), "WT");
        Map<Double, Compartments> byWeight = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        boolean cm = false;
        boolean ce = false;
        for (var entry : set.byId().entrySet()) {
            List<NonmemRecord> records = entry.getValue();
            double kg = wt < 0 ? defaultWeight : weightOf(records.get(0), wt, defaultWeight);
            Compartments c = byWeight.computeIfAbsent(kg, w -> new Compartments(typical.forWeight(w), cmt));
            cm = c.system().hasMetabolite();
            ce = c.system().hasEffectSite();
            var predictions = new NonmemSimulator(c, data.toString()).simulate(records);
            for (int i = 0; i < records.size(); i++) {
                NonmemRecord r = records.get(i);
                var p = predictions.get(i);
                rows.add(new String[] {r.id(), fmt(r.time()), Integer.toString(r.evid()), fmt(p.cp()), fmt(p.cm()),
                    fmt(p.ce()), String.join("\u0000", passThrough(set.header(), r.cells()))});
            }
        }
        boolean withCm = cm;
        boolean withCe = ce;
        List<String> header = new ArrayList<>(List.of("ID", "TIME", "EVID", "CP"));
        if (withCm) {
            header.add("CM");
        }
        if (withCe) {
            header.add("CE");
        }
        header.addAll(passThrough(set.header(), set.header()));
        Path target = out.resolve("predictions.csv");
        AtomicFiles.writeText(target, w -> {
            w.write(Csv.header(header));
            for (String[] r : rows) {
                List<String> cells = new ArrayList<>(List.of(r[0], r[1], r[2], r[3]));
                if (withCm) {
                    cells.add(r[4]);
                }
                if (withCe) {
                    cells.add(r[5]);
                }
                if (!r[6].isEmpty() || header.size() > cells.size()) {
                    cells.addAll(List.of(r[6].split("\u0000", -1)));
                }
                w.write(Csv.line(cells.stream().map(Csv::text).toList()));
            }
        });
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(set.byId().size() + " IDs, " + rows.size() + " records -> " + target);
        stdout.flush();
        return ExitCodes.OK;
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private double weightOf(NonmemRecord first, int column, double fallback) {
        String text = column < first.cells().size() ? first.cells().get(column).trim() : "";
        try {
            double kg = Double.parseDouble(text);
            if (!(kg > 0) || !Double.isFinite(kg)) {
                throw new NonmemDataException(data.toString(), first.row(), "WT", "weight '" + text + "' is not positive");
            }
            return kg;
        } catch (NumberFormatException e) {
            if (text.isEmpty() || text.equals(".")) {
                return fallback;
            }
            throw new NonmemDataException(data.toString(), first.row(), "WT", "'" + text + "' is not a number");
        }
    }

    /** @return the cells of every column but ID, TIME and EVID, in order */
    private static List<String> passThrough(List<String> header, List<String> cells) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toUpperCase(Locale.ROOT);
            if (!name.equals("ID") && !name.equals("TIME") && !name.equals("EVID")) {
                out.add(i < cells.size() ? cells.get(i) : "");
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
