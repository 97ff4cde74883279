package org.ketasim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.Test;

/**
 * Runs the JShell session of README.md ("Use it as a library") exactly as written, through
 * {@link JShell}, on the core's own class path (its classes and runtime dependencies, given by Maven
 * as the system property {@value #CLASS_PATH}) in a JVM started in the repository's root, as a user
 * would from there with {@code jshell --class-path simulator-cli/target/ketasim.jar}. It fails if a
 * snippet does not compile, is not fully defined, or throws, and if a result the README shows
 * ({@code name ==> value} under a snippet) is not the one JShell gives. Results the README leaves
 * out (JShell's echo of every variable) are not compared.
 */
class ReadmeJShellSessionTest {

    /** The system property that holds the core's class path. */
    static final String CLASS_PATH = "ketasim.core.classpath";

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PROMPT = "jshell> ";
    private static final String CONTINUATION = "   ...> ";
    private static final Pattern RESULT = Pattern.compile("(\\$[0-9]+|[A-Za-z_][A-Za-z0-9_]*) ==> (.*)");

    /**
     * One snippet of the session and what the README shows it gives.
     *
     * @param source   the code typed, continuation lines joined with line breaks
     * @param name     the variable the README shows, or null if it shows no result
     * @param value    the value the README shows, or null
     * @param line     the README line where the snippet starts, for messages
     */
    record Step(String source, String name, String value, int line) {
    }

    @Test
    void theReadmeSessionRunsAndGivesWhatItShows() throws IOException {
        List<Step> steps = session(Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
        assertFalse(steps.isEmpty(), "README.md's jshell block holds no snippet");
        assertTrue(steps.stream().anyMatch(s -> s.name() != null), "README.md's session shows no result to check");

        String classPath = System.getProperty(CLASS_PATH);
        assertNotNull(classPath, "system property " + CLASS_PATH + " is not set: run the tests through Maven");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] number = {0};
        try (JShell shell = JShell.builder()
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .remoteVMOptions("-Duser.dir=" + ROOT, "-Djava.awt.headless=true")
                .tempVariableNameGenerator(() -> "$" + number[0])
                .build()) {
            shell.addToClasspath(classPath);
            for (Step step : steps) {
                number[0]++;
                SnippetEvent event = evaluate(shell, step);
                if (step.name() != null) {
                    assertTrue(event.snippet() instanceof VarSnippet, "README.md:" + step.line()
                            + ": the README shows a result, but the snippet makes no variable");
                    assertEquals(step.name() + " ==> " + step.value(),
                            ((VarSnippet) event.snippet()).name() + " ==> " + event.value(),
                            "README.md:" + step.line() + ": " + step.source());
                }
            }
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "the session wrote to standard error");
    }

    /**
     * Evaluates one snippet as the jshell tool does (completed by JShell's source analysis, which adds
     * a missing semicolon) and fails, naming its README line, unless it was defined and ran.
     */
    private static SnippetEvent evaluate(JShell shell, Step step) {
        String where = "README.md:" + step.line() + ": " + step.source();
        CompletionInfo completion = shell.sourceCodeAnalysis().analyzeCompletion(step.source());
        assertTrue(completion.completeness().isComplete(), where + " is not a complete snippet");
        assertTrue(completion.remaining().isBlank(), where + " holds more than one snippet");
        SnippetEvent own = shell.eval(completion.source()).stream().filter(e -> e.causeSnippet() == null)
                .findFirst().orElseThrow(() -> new AssertionError(where + ": JShell made no snippet of it"));
        if (own.status() != Snippet.Status.VALID) {
            String problems = shell.diagnostics(own.snippet())
                    .map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
            String unresolved = own.snippet() instanceof DeclarationSnippet d
                    ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
            fail(where + " is " + own.status() + ": " + problems
                    + (unresolved.isEmpty() ? "" : "; unresolved: " + unresolved));
        }
        if (own.exception() != null) {
            fail(where + " threw " + own.exception());
        }
        return own;
    }

    /**
     * @param readme the lines of README.md
     * @return the snippets of its one {@code jshell} code block, each with the result shown under it
     */
    static List<Step> session(List<String> readme) {
        int open = readme.indexOf("```jshell");
        assertTrue(open >= 0, "README.md has no ```jshell block");
        assertEquals(open, readme.lastIndexOf("```jshell"), "README.md has more than one ```jshell block");
        List<Step> steps = new ArrayList<>();
        StringBuilder source = null;
        int start = 0;
        for (int i = open + 1; ; i++) {
            assertTrue(i < readme.size(), "README.md's ```jshell block is not closed");
            String line = readme.get(i);
            Matcher result = RESULT.matcher(line);
            if (line.startsWith(CONTINUATION) && source != null) {
                source.append('\n').append(line.substring(CONTINUATION.length()));
                continue;
            }
            if (source != null) {
                boolean shown = result.matches();
                steps.add(new Step(source.toString(), shown ? result.group(1) : null, shown ? result.group(2) : null,
                        start + 1));
                source = null;
                if (shown) {
                    continue;
                }
            }
            if (line.equals("```")) {
                return steps;
            }
            if (line.startsWith(PROMPT)) {
                source = new StringBuilder(line.substring(PROMPT.length()));
                start = i;
            } else if (!line.isBlank()) {
                fail("README.md:" + (i + 1) + ": in the ```jshell block, a line is a prompt (" + PROMPT.trim()
                        + "), a continuation (" + CONTINUATION.trim() + "), a result (name ==> value) right under its"
                        + " snippet, or blank; got: " + line);
            }
        }
    }
}
