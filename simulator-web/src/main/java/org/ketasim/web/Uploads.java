package org.ketasim.web;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.Scenario;

/**
 * Scenario files the user uploaded, read with the command line's reader (same checks, same
 * {@code file:line: key: problem} messages) and held in memory only, under an unguessable token, so
 * that the designer can edit them without sending the file again. Nothing is written to disk; the
 * oldest of more than {@link WebLimits#MAX_UPLOADS} is forgotten. Thread-safe.
 */
final class Uploads {

    private static final int TOKEN_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Scenario> held = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
            return size() > WebLimits.MAX_UPLOADS;
        }
    };

    /**
     * One upload, read.
     *
     * @param token    the token that names it in a design's base ({@code upload:TOKEN})
     * @param scenario the scenario
     */
    record Upload(String token, Scenario scenario) {
    }

    /**
     * @param fileName the file's name as the browser gives it; only its last part is used, and only in messages
     * @param text     the file's text
     * @return the upload
     * @throws InputException with the file's name, line and key, if it is not a valid scenario
     */
    Upload read(String fileName, String text) {
        Scenario s = new ScenarioYaml().parse(Path.of(safeName(fileName)), text);
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        synchronized (held) {
            held.put(token, s);
        }
        return new Upload(token, s);
    }

    /**
     * @param token an upload's token
     * @return its scenario, if still held
     */
    Optional<Scenario> find(String token) {
        synchronized (held) {
            return Optional.ofNullable(held.get(token));
        }
    }

    /**
     * @param name a file name from the browser
     * @return its last path part with every character other than letters, digits, '.', '-' and '_'
     *         replaced by '-', at most 100 characters; {@code upload.yaml} if nothing is left
     */
    static String safeName(String name) {
        String last = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = last.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.-]+", "");
        if (clean.length() > 100) {
            clean = clean.substring(clean.length() - 100);
        }
        return clean.isEmpty() ? "upload.yaml" : clean;
    }
}
