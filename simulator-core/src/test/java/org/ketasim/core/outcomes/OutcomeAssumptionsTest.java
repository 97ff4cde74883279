package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model card's assumption lines are the ones docs/validation.md lists, word for word. */
class OutcomeAssumptionsTest {

    @Test
    void everyAssumptionIsInTheValidationPage() throws IOException {
        String page = Files.readString(Path.of("../docs/validation.md"));
        for (String line : OutcomeAssumptions.LINES) {
            assertTrue(page.contains("- " + line), "docs/validation.md lacks: " + line);
        }
    }
}
