package org.ketasim.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.Scenario;

/**
 * The scenario catalogue the server offers: every {@code *.yaml} scenario file (sweep files left
 * out) in the folders below one root, read once when the server starts. A scenario is found only
 * by its key {@code family/name} in this list, never by a path taken from a request, so no request
 * can reach another file. Files that link out of the root are left out, and so are files that are
 * not valid scenarios (their problems are kept for the server's log). Immutable and thread-safe.
 */
final class Catalogue {

    /** The deepest folder level searched below the root. */
    private static final int MAX_DEPTH = 4;

    /**
     * One catalogue scenario.
     *
     * @param key      {@code family/name}: the folder below the root and the file name without {@code .yaml}
     * @param family   the folder below the root ({@code dutch-survey}, {@code teaching}, ...)
     * @param scenario the scenario, as read and checked
     */
    record Entry(String key, String family, Scenario scenario) {
    }

    private final Map<String, Entry> entries;
    private final List<String> problems;

    private Catalogue(Map<String, Entry> entries, List<String> problems) {
        this.entries = entries;
        this.problems = List.copyOf(problems);
    }

    /** @return a catalogue with no scenarios */
    static Catalogue empty() {
        return new Catalogue(Map.of(), List.of());
    }

    /**
     * Reads every scenario file below a folder.
     *
     * @param root the catalogue folder (e.g. {@code scenarios})
     * @return the catalogue, sorted by family then key
     * @throws UncheckedIOException if the folder cannot be listed
     */
    static Catalogue read(Path root) {
        Map<String, Entry> map = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            Path real = root.toRealPath();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".yaml")
                                && !p.getFileName().toString().endsWith(".sweep.yaml")
                                && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .sorted(Comparator.comparing(p -> root.relativize(p).toString())).toList();
            }
            for (Path file : files) {
                if (!file.toRealPath().startsWith(real)) {
                    continue;
                }
                Path rel = root.relativize(file);
                String family = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                String name = rel.getFileName().toString();
                String key = (family.isEmpty() ? "" : family + "/") + name.substring(0, name.length() - 5);
                try {
                    map.putIfAbsent(key, new Entry(key, family, new ScenarioYaml().read(file)));
                } catch (InputException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue folder " + root + ": " + e.getMessage(), e);
        }
        return new Catalogue(Collections.unmodifiableMap(map), problems);
    }

    /** @return every scenario, by family then key */
    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * @param key a scenario's key, {@code family/name}
     * @return the scenario, if the catalogue has one of that key
     */
    Optional<Entry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** @return the messages of the files that could not be read */
    List<String> problems() {
        return problems;
    }
}
