package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void theLastTwoLinesAreSubjectsPerSecondOnOneAndOnAllThreads() {
        Cli.Result r = Cli.run("bench", "--seconds", "0.2");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(lines.size() - 2).matches("1 thread: [0-9]+ subjects/s"), r.out());
        assertTrue(lines.get(lines.size() - 1).matches("[0-9]+ threads?: [0-9]+ subjects/s"), r.out());
        assertTrue(Double.parseDouble(lines.get(lines.size() - 2).split(" ")[2]) > 0);
        assertEquals(2, Cli.run("bench", "--seconds", "0").exitCode());
    }
}
