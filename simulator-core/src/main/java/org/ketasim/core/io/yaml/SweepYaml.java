package org.ketasim.core.io.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ketasim.core.io.yaml.YamlTree.Mapping;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.ScenarioIds;
import org.ketasim.core.scenario.Sweep;
import org.ketasim.core.scenario.SweepAxis;
import org.ketasim.core.scenario.SweepAxis.Field;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.UnitException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads sweep files: {@code id}, {@code title}, {@code source}, {@code notes}, {@code base} (a
 * scenario file or folder relative to the sweep file, or a list of them), {@code seed} (for
 * populations, default 1) and {@code axes}, a map from a {@link Field} key to a list of values or a
 * range {@code {from, to, by}} written in one unit. Every base is read once; every value is checked
 * as the scenario would check it, every axis must find something to vary in a base, and the grid
 * must not be larger than the point limit; errors name file, line and key. Thread-safe.
 */
public final class SweepYaml {

    /** The most values one axis may have. */
    public static final int MAX_AXIS_VALUES = 100_000;

    private static final List<String> TOP_KEYS = List.of("id", "title", "source", "notes", "base", "seed", "axes");
    private static final List<String> RANGE_KEYS = List.of("from", "to", "by");
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(.*?)\\s*");

    private final ScenarioYaml scenarios;
    private final long maxPoints;

    /** A reader with the default limits. */
    public SweepYaml() {
        this(new ScenarioCompiler(), Sweep.DEFAULT_MAX_POINTS);
    }

    /**
     * @param compiler  how each base scenario is checked (its row limit)
     * @param maxPoints the most patients a sweep may simulate (its points' typical patients and populations)
     */
    public SweepYaml(ScenarioCompiler compiler, long maxPoints) {
        this.scenarios = new ScenarioYaml(compiler);
        this.maxPoints = maxPoints;
    }

    /**
     * @param file a sweep file
     * @return the sweep
     * @throws ScenarioException if the sweep file or its base is not valid
     */
    public Sweep read(Path file) {
        Mapping root = YamlTree.parse(file, ScenarioYaml.readText(file));
        return root.tree().finish(() -> read(file, root));
    }

    private Sweep read(Path file, Mapping root) {
        YamlTree tree = root.tree();
        root.allowOnly(TOP_KEYS);
        String fileName = String.valueOf(file.getFileName()).replaceFirst("(\\.sweep)?\\.ya?ml$", "");
        String id = root.optional("id").map(n -> tree.text(n, "id")).orElse(fileName);
        if (!ScenarioIds.isSafe(id)) {
            throw new ScenarioException(file, root.has("id") ? root.keyLine("id") : 0, "id", ScenarioIds.problem(id));
        }
        List<Sweep.Base> bases = bases(tree, root.required("base"), file.toAbsolutePath().getParent());
        long seed = root.optional("seed").map(n -> {
            double v = tree.number(n, "seed");
            if (v != Math.rint(v) || v < 0 || v > 0x1p53) {
                throw tree.error(n, "seed", "must be a whole number from 0 to 2^53, got '" + tree.text(n, "") + "'");
            }
            return (long) v;
        }).orElse(1L);
        Node axesNode = root.required("axes");
        Mapping axes = tree.mapping(axesNode, "axes");
        List<String> keys = Arrays.stream(Field.values()).map(Field::key).toList();
        axes.allowOnly(keys);
        if (axes.keys().isEmpty()) {
            throw tree.error(axesNode, "axes", "give at least one axis: " + String.join(", ", keys));
        }
        List<SweepAxis> list = new ArrayList<>();
        for (String key : axes.keys().stream().filter(keys::contains).toList()) {
            Field field = Field.values()[keys.indexOf(key)];
            Node node = axes.required(key);
            String path = axes.pathOf(key);
            List<String> values = node instanceof MappingNode ? range(tree, tree.mapping(node, path), field)
                    : tree.sequence(node, path).stream()
                            .map(v -> checked(tree, v, path, field, tree.text(v, path).trim())).toList();
            if (values.isEmpty() || values.size() > MAX_AXIS_VALUES) {
                throw tree.error(node, path, "an axis has 1 to " + MAX_AXIS_VALUES + " values, got " + values.size());
            }
            if (bases.stream().noneMatch(base -> field.apply(base.scenario(), values.get(0)).places() > 0)) {
                throw tree.error(node, path, "no base scenario has a dose whose " + key + " this axis could vary");
            }
            list.add(new SweepAxis(field, values));
        }
        Sweep sweep = new Sweep(file, id, bases, list, seed);
        long points;
        long patients;
        try {
            points = sweep.points();
            patients = sweep.patients();
        } catch (ArithmeticException e) {
            throw tree.error(axesNode, "axes", "the grid has more points or patients than can be counted");
        }
        if (patients > maxPoints) {
            throw tree.error(axesNode, "axes", String.format(java.util.Locale.ROOT, "the grid simulates %d patients "
                    + "(%d points%s), more than the limit of %d (at about 0.1 ms a patient it would take %.3g hours); "
                    + "use fewer values or subjects, or raise the limit with --max-points", patients, points,
                    patients > points ? ", each with its population" : "", maxPoints, patients * 1e-4 / 3600));
        }
        return sweep;
    }

    /** {@code base}: a scenario file or folder (every *.yaml below it but sweep files, sorted), or a list of them. */
    private List<Sweep.Base> bases(YamlTree tree, Node node, Path dir) {
        List<Node> items = node instanceof SequenceNode ? tree.sequence(node, "base") : List.of(node);
        List<Sweep.Base> bases = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = items.size() == 1 && !(node instanceof SequenceNode) ? "base" : "base[" + i + "]";
            Path target = dir.resolve(tree.text(item, path)).normalize();
            List<Path> files;
            try (Stream<Path> walk = Files.isDirectory(target) ? Files.walk(target) : Stream.of(target)) {
                files = walk.filter(f -> !Files.isDirectory(target)
                        || f.toString().endsWith(".yaml") && !f.toString().endsWith(".sweep.yaml")).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw tree.error(item, path, "cannot list '" + target + "': " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw tree.error(item, path, "'" + target + "' holds no *.yaml scenario");
            }
            for (Path f : files) {
                Scenario s;
                try {
                    s = scenarios.read(f);
                } catch (ScenarioException e) {
                    throw tree.error(item, path, "the base scenario is not valid: " + e.getMessage());
                }
                bases.add(new Sweep.Base(dir.relativize(f).toString().replace('\\', '/'), s));
            }
        }
        return bases;
    }

    /**
     * @param at    the node errors point at
     * @param value the value as a scenario would have it
     * @return the value, normalised (a whole number for subjects)
     */
    private static String checked(YamlTree tree, Node at, String path, Field field, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            throw tree.error(at, path, "an axis value is one line of text, got one with a line break");
        }
        switch (field) {
            case START, INCREMENT, MAX, RATE, EVERY, DURATION -> quantity(tree, at, path, value, field);
            case WEIGHT -> {
                double kg = quantity(tree, at, path, value, field);
                if (!(kg >= ScenarioCompiler.MIN_WEIGHT_KG && kg <= ScenarioCompiler.MAX_WEIGHT_KG)) {
                    throw tree.error(at, path, "'" + value + "' is not a human body weight (0.3 to 350 kg)");
                }
            }
            case ROUTE -> Route.fromId(value).orElseThrow(() -> tree.error(at, path, "unknown route '" + value
                    + "'; routes: " + Route.allIds()));
            case MODEL -> ModelLibrary.find(value).orElseThrow(() -> tree.error(at, path, "unknown model '" + value
                    + "'; built-in models: " + ModelLibrary.ids()));
            case SUBJECTS -> {
                if (!value.matches("[0-9]{1,7}") || Long.parseLong(value) < 1 || Long.parseLong(value) > 1_000_000) {
                    throw tree.error(at, path, "must be a whole number from 1 to 1000000, got '" + value + "'");
                }
                return Long.toString(Long.parseLong(value));
            }
            default -> throw new IllegalStateException(field.toString());
        }
        return value;
    }

    private static double quantity(YamlTree tree, Node at, String path, String value, Field field) {
        try {
            double v = Quantities.parse(value, field.dimensions()).internalValue();
            if (!(v >= 0) || (field == Field.EVERY || field == Field.DURATION) && !(v > 0)) {
                throw tree.error(at, path, "'" + value + "' must be " + (field == Field.EVERY
                        || field == Field.DURATION ? "positive" : "zero or positive"));
            }
            return v;
        } catch (UnitException e) {
            throw tree.error(at, path, e.getMessage());
        }
    }

    /** Expands {@code {from, to, by}}: from, from + by, ... up to to, in from's unit, exact in decimal. */
    private static List<String> range(YamlTree tree, Mapping m, Field field) {
        m.allowOnly(RANGE_KEYS);
        if (field == Field.ROUTE || field == Field.MODEL) {
            throw tree.error(m.node(), m.path(), "a " + field.key() + " axis is a list, not a range");
        }
        Matcher from = split(tree, m, "from");
        Matcher to = split(tree, m, "to");
        Matcher by = split(tree, m, "by");
        String unit = from.group(2);
        if (!to.group(2).equals(unit) || !by.group(2).equals(unit)) {
            throw tree.error(m.node(), m.path(), "from, to and by must be written in one unit, got '" + unit + "', '"
                    + to.group(2) + "' and '" + by.group(2) + "'");
        }
        BigDecimal start = new BigDecimal(from.group(1));
        BigDecimal end = new BigDecimal(to.group(1));
        BigDecimal step = new BigDecimal(by.group(1));
        if (step.signum() <= 0 || end.compareTo(start) < 0) {
            throw tree.error(m.node(), m.path(), "a range needs by > 0 and to >= from");
        }
        BigDecimal count = end.subtract(start).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_AXIS_VALUES)) > 0) {
            throw tree.error(m.node(), m.path(), "an axis has at most " + MAX_AXIS_VALUES + " values, this range has "
                    + (count.precision() > 15 ? String.format(java.util.Locale.ROOT, "about %.3g", count.doubleValue())
                    : count.toPlainString()));
        }
        List<String> values = new ArrayList<>();
        for (long k = 0; k < count.longValue(); k++) {
            String number = start.add(step.multiply(BigDecimal.valueOf(k))).stripTrailingZeros().toPlainString();
            values.add(checked(tree, m.node(), m.path(), field, unit.isEmpty() ? number : number + " " + unit));
        }
        return values;
    }

    private static Matcher split(YamlTree tree, Mapping m, String key) {
        Node node = m.required(key);
        String text = tree.text(node, m.pathOf(key));
        Matcher matcher = NUMBER_AND_UNIT.matcher(text);
        if (!matcher.matches() || text.length() > 40) {
            throw tree.error(node, m.pathOf(key), "'" + tree.text(node, "") + "' is not a non-negative number with "
                    + "its unit, e.g. '2 mg/h'");
        }
        return matcher;
    }
}
