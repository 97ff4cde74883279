package org.ketasim.core.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.nonmem.NonmemDataException;
import org.ketasim.core.nonmem.NonmemDataSet;
import org.ketasim.core.nonmem.NonmemSimulator;
import org.ketasim.core.nonmem.RecordModels;

/**
 * Mutated NONMEM data sets (excerpts of the parity set) either simulate or are refused with a
 * {@link NonmemDataException}; nothing else may escape.
 */
class NonmemFuzzTest {

    private static final List<String> LINES = lines();
    private static final PkModel MODEL = PkModel.of("nmtests", 20, 1.1).withRoute(Route.ORAL, new Absorption(1, 1.5, 0));

    private static List<String> lines() {
        try {
            return Files.readAllLines(Path.of("src/test/resources/nonmem-parity/1001.csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 400)
    void mutatedDataSetsSimulateOrAreRefusedCleanly(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        int from = 1 + random.nextInt(LINES.size() - 40);
        String excerpt = LINES.get(0) + "\n" + String.join("\n", LINES.subList(from, from + 1 + random.nextInt(39)));
        String mutated = Mutations.mutate(excerpt, random);
        try {
            Map<String, String> mapping = Map.of("F2", "BIOAV", "ALAG2", "LAGT", "R2", "RAT2", "D2", "DUR2");
            NonmemDataSet data = NonmemDataSet.read("fuzz.csv", new StringReader(mutated), mapping);
            NonmemSimulator simulator = new NonmemSimulator(new RecordModels(MODEL, 70, Map.of(), mapping, "fuzz.csv"));
            data.individuals().forEach(i -> simulator.simulate(i.records()));
        } catch (NonmemDataException expected) {
            // refused with row and column
        } catch (RuntimeException | StackOverflowError e) {
            fail("escaped: " + e + "\n--- data ---\n" + mutated, e);
        }
    }
}
