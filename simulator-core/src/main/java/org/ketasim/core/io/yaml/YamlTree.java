package org.ketasim.core.io.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.ScenarioProblems;
import org.ketasim.core.scenario.Suggestions;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;
import org.ketasim.core.units.UnitException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A composed YAML document with the position of every node, and typed, strict accessors that
 * report problems as {@link ScenarioException}s naming file, line, key path and value.
 * No Java object is ever constructed from a YAML tag: only the node tree is built.
 *
 * <p>A reader collects every problem of a document rather than stopping at the first: it reads
 * each independent part through {@link #attempt}, which records a part's problem and goes on;
 * unknown keys are recorded as they are found ({@link Mapping#allowOnly}); and {@link #finish}
 * throws them all at the end, in file order. Not thread-safe: one tree per reading.
 */
final class YamlTree {

    /** The largest scenario file read, in characters. */
    static final int MAX_CODE_POINTS = 1_000_000;
    /** The largest number of aliases a file may use. */
    static final int MAX_ALIASES = 50;
    /** The deepest nesting of maps and lists a file may have. */
    static final int MAX_DEPTH = 50;
    /** The standard YAML 1.2 core-schema tags; any other (explicit) tag is refused. */
    private static final Set<String> STANDARD_TAGS = Set.of("tag:yaml.org,2002:str", "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    /** The longest value, tag or parser message a message quotes, in characters. */
    private static final int MAX_QUOTED = 60;
    /** What an unknown key must look like to be quoted: a name, not a line of some other file. */
    private static final Pattern KEY_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ -]{0,39}");

    private final Path file;
    private final List<ScenarioException> problems = new ArrayList<>();

    private YamlTree(Path file) {
        this.file = file;
    }

    /**
     * A part that is not read because of a problem already recorded (a required key missing
     * where an unknown key was found, which is most likely its misspelling): it stops the part
     * without being reported twice.
     */
    private static final class AlreadyReported extends ScenarioException {
        private static final long serialVersionUID = 1L;

        AlreadyReported(ScenarioException e) {
            super(e.location(), e.problem());
        }
    }

    /**
     * Reads one part of the document; a problem in it is recorded, and the reading goes on.
     *
     * @param part the reading of the part
     * @param <T>  what it gives
     * @return what it gives, or empty if it has a problem
     */
    <T> Optional<T> attempt(Supplier<T> part) {
        try {
            return Optional.of(part.get());
        } catch (ScenarioException e) {
            record(e);
            return Optional.empty();
        }
    }

    private void record(ScenarioException e) {
        if (!(e instanceof AlreadyReported)) {
            problems.add(e);
        }
    }

    /**
     * Reads the document whole, then reports every problem recorded.
     *
     * @param reading the reading
     * @param <T>     what it gives
     * @return what it gives, if no problem was found
     * @throws ScenarioException the one problem, or a {@link ScenarioProblems} of them all in file order
     */
    <T> T finish(Supplier<T> reading) {
        T value = null;
        try {
            value = reading.get();
        } catch (ScenarioException e) {
            record(e);
        }
        if (!problems.isEmpty()) {
            throw ScenarioProblems.of(problems);
        }
        return value;
    }

    /**
     * @return an exception that stops the part being read, for a problem already recorded
     * @throws IllegalStateException if no problem was recorded
     */
    ScenarioException alreadyReported(Node node, String path, String problem) {
        if (problems.isEmpty()) {
            throw new IllegalStateException("nothing was reported");
        }
        return new AlreadyReported(error(node, path, problem));
    }

    /**
     * @param part what {@link #attempt} gave for a part
     * @param <T>  its value
     * @return the value; if the part had a problem (recorded), stops the reading of what holds it
     */
    <T> T valueOf(Optional<T> part) {
        return part.orElseThrow(() -> alreadyReported(null, "", "a part of it has problems"));
    }

    /**
     * Parses a document into its root mapping.
     *
     * @param file the file name, for messages
     * @param text the document
     * @return the root mapping
     */
    static Mapping parse(Path file, String text) {
        YamlTree tree = new YamlTree(file);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(String.valueOf(file))
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        int depth = nesting(text);
        if (depth > MAX_DEPTH) {
            throw new ScenarioException(file, 0, "", "maps and lists are nested " + depth + " levels deep; the limit is "
                    + MAX_DEPTH);
        }
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (StackOverflowError e) {
            throw new ScenarioException(file, 0, "", "the file is nested too deeply to read (the limit is " + MAX_DEPTH
                    + " levels)");
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            throw new ScenarioException(file, line, "", "not valid YAML: " + shortened(firstLine(e.getProblem())));
        } catch (YamlEngineException e) {
            throw new ScenarioException(file, 0, "", "not valid YAML: " + shortened(firstLine(e.getMessage())));
        }
        if (root.isEmpty()) {
            throw new ScenarioException(file, 0, "", "the file is empty");
        }
        tree.checkTags(root.get(), 0);
        return tree.mapping(root.get(), "");
    }

    /**
     * @return the deepest nesting of flow brackets, or of block indentation (in steps of two
     *         columns), outside quoted text and comments; a cheap bound checked before parsing
     */
    private static int nesting(String text) {
        int deepest = 0;
        int flow = 0;
        for (String line : text.split("\n", -1)) {
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '-')) {
                indent++;
            }
            deepest = Math.max(deepest, indent / 2);
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    break;
                } else if (c == '[' || c == '{') {
                    deepest = Math.max(deepest, ++flow);
                } else if (c == ']' || c == '}') {
                    flow = Math.max(0, flow - 1);
                }
            }
        }
        return deepest;
    }

    /** Refuses explicit type tags (the tree is never turned into objects, but a tag is never meant here). */
    private void checkTags(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            throw error(node, "", "maps and lists are nested more than " + MAX_DEPTH + " levels deep");
        }
        String tag = node.getTag().getValue();
        if (!STANDARD_TAGS.contains(tag)) {
            throw error(node, "", "the type tag " + quoted(tag) + " is not allowed in a scenario file");
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                checkTags(t.getKeyNode(), depth + 1);
                checkTags(t.getValueNode(), depth + 1);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                checkTags(item, depth + 1);
            }
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }

    /**
     * @param root  the document's root mapping
     * @param lines receives the line of every key path's value (1-based), e.g.
     *              {@code regimen.doses[0].infusion.rate}
     * @param texts receives the text of every single value, per key path
     */
    static void positions(Mapping root, Map<String, Integer> lines, Map<String, String> texts) {
        walk(root.node(), "", lines, texts);
    }

    private static void walk(Node node, String path, Map<String, Integer> lines, Map<String, String> texts) {
        if (!path.isEmpty()) {
            lines.put(path, line(node));
        }
        if (node instanceof ScalarNode scalar && !path.isEmpty()) {
            texts.put(path, scalar.getValue());
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    String child = join(path, key.getValue());
                    walk(t.getValueNode(), child, lines, texts);
                    lines.put(child, line(t.getValueNode() instanceof ScalarNode ? t.getValueNode() : t.getKeyNode()));
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                walk(seq.getValue().get(i), path + "[" + i + "]", lines, texts);
            }
        }
    }

    /**
     * A value quoted in a message: the value itself when it is one short line, else only its size.
     * A file that is not a scenario at all (say {@code /etc/shadow}) is then not echoed back.
     */
    static String quoted(String value) {
        return value.length() <= MAX_QUOTED && value.lines().count() <= 1 ? "'" + value + "'"
                : "a text of " + value.length() + " characters";
    }

    /** @return the message cut to {@link #MAX_QUOTED} characters (SnakeYAML's may quote the file) */
    private static String shortened(String message) {
        return message.length() <= MAX_QUOTED ? message : message.substring(0, MAX_QUOTED) + "...";
    }

    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }

    ScenarioException error(Node node, String path, String problem) {
        return new ScenarioException(file, line(node), path, problem);
    }

    Mapping mapping(Node node, String path) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, path, "expected a map of keys, got " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw error(keyNode, path, "a key must be a plain name, got " + describe(keyNode));
            }
            if (entries.put(key.getValue(), t) != null) {
                throw error(keyNode, join(path, key.getValue()), "the key appears twice");
            }
        }
        return new Mapping(node, path, entries);
    }

    List<Node> sequence(Node node, String path) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, path, "expected a list, got " + describe(node));
        }
        return seq.getValue();
    }

    String text(Node node, String path) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, path, "expected a single value, got " + describe(node));
        }
        return scalar.getValue();
    }

    Quantity quantity(Node node, String path, Dimension... expected) {
        String text = text(node, path);
        try {
            return Quantities.parse(text, expected);
        } catch (UnitException e) {
            throw error(node, path, e.getMessage());
        }
    }

    double number(Node node, String path) {
        String text = text(node, path).trim();
        if (!NUMBER.matcher(text).matches()) {
            throw error(node, path, quoted(text) + " is not a number");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw error(node, path, quoted(text) + " is not a finite number");
        }
        return value;
    }

    /** @return the number of a percentage written as {@code 50 %} or {@code 50%} */
    double percent(Node node, String path) {
        String text = text(node, path).trim();
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : "";
        if (!NUMBER.matcher(number).matches()) {
            throw error(node, path, quoted(text) + " is not a percentage such as '50 %'");
        }
        return Double.parseDouble(number);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "a single value";
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A YAML mapping whose keys are checked against the set a reader accepts. */
    final class Mapping {
        private final Node node;
        private final String path;
        private final Map<String, NodeTuple> entries;
        private boolean unknownKeys;

        private Mapping(Node node, String path, Map<String, NodeTuple> entries) {
            this.node = node;
            this.path = path;
            this.entries = entries;
        }

        YamlTree tree() {
            return YamlTree.this;
        }

        Node node() {
            return node;
        }

        String path() {
            return path;
        }

        String pathOf(String key) {
            return join(path, key);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        Optional<Node> optional(String key) {
            return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
        }

        Node required(String key) {
            return optional(key).orElseThrow(() -> unknownKeys
                    ? alreadyReported(node, pathOf(key), "the required key is missing")
                    : error(node, pathOf(key), "the required key is missing"));
        }

        /** @return the line of the key itself, for messages about the entry as a whole */
        int keyLine(String key) {
            return line(entries.get(key).getKeyNode());
        }

        /**
         * Records a problem for every key not in {@code allowed}, suggesting the closest allowed
         * key; the reading goes on without them. A required key missing from this mapping is then
         * taken as misspelt there and not reported again.
         *
         * @param allowed the keys this mapping may have
         */
        void allowOnly(Collection<String> allowed) {
            for (NodeTuple t : entries.values()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if (!allowed.contains(key)) {
                    boolean name = KEY_NAME.matcher(key).matches();
                    unknownKeys = true;
                    record(error(t.getKeyNode(), name ? join(path, key) : path, (name ? "unknown key '" + key + "'"
                            + Suggestions.closest(key, allowed) : "unknown key (not a key name)")
                            + (path.isEmpty() ? "" : " under '" + path + "'") + "; allowed keys: "
                            + String.join(", ", allowed)));
                }
            }
        }

        Set<String> keys() {
            return entries.keySet();
        }
    }
}
