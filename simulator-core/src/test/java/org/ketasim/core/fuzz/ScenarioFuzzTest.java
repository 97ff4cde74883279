package org.ketasim.core.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.simulation.PatientSimulator;

/**
 * Mutated scenario files (the catalogue and the golden corpus, each mutated one to three times)
 * either load and simulate, or are refused with a {@link ScenarioException}; nothing else may
 * escape (no other exception, no error), which is what gives the command line its exit code 2 and
 * no stack trace.
 */
class ScenarioFuzzTest {

    private static final List<String> SEEDS = seeds();

    private static List<String> seeds() {
        try (Stream<Path> a = Files.walk(Path.of("../scenarios"));
             Stream<Path> b = Files.list(Path.of("src/test/resources/reference/cases"))) {
            return Stream.concat(a, b).filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 400)
    void mutatedFilesLoadOrAreRefusedCleanly(@ForAll @IntRange(min = 0, max = 10_000) int which,
                                             @ForAll long seed) {
        String original = SEEDS.get(which % SEEDS.size());
        String mutated = Mutations.mutate(original, new Random(seed));
        CompiledScenario s;
        try {
            s = new ScenarioYaml().parse(Path.of("fuzz.yaml"), mutated).compile();
        } catch (InputException expected) {
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("escaped: " + e + "\n--- file ---\n" + mutated, e);
            return;
        }
        try {
            new PatientSimulator(Engine.MODAL).simulate(s);
        } catch (InputException refused) {
            // a non-finite result is refused with its reason; acceptable
        } catch (RuntimeException e) {
            fail("a loaded scenario failed to simulate: " + e + "\n--- file ---\n" + mutated, e);
        }
    }
}
