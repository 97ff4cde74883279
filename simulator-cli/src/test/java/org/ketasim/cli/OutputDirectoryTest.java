package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of an output folder: no links, one command at a time, only ketasim's own files replaced. */
class OutputDirectoryTest {

    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws OutputException {
        AtomicFiles.writeText(file, w -> w.write(text));
    }

    private static List<String> manifest(Path out) throws IOException {
        return Files.readAllLines(out.resolve(OutputDirectory.MANIFEST)).stream().filter(l -> !l.startsWith("#"))
                .toList();
    }

    @Test
    void theManifestListsEveryFileWrittenAndForceRemovesExactlyThose() throws IOException {
        Path out = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.prepare(out, false)) {
            write(out.resolve("summary.csv"), "a\n");
            write(out.resolve("x/events.csv"), "b\n");
            write(out.resolve("x/chart.png"), "c");
        }
        assertEquals(List.of("summary.csv", "x/chart.png", "x/events.csv"), manifest(out));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("x/mine.txt"), "mine too");
        OutputException e = assertThrows(OutputException.class, () -> OutputDirectory.prepare(out, false));
        assertTrue(e.getMessage().startsWith("--out " + out + " is not empty (notes.txt, summary.csv, x); add --force"),
                e.getMessage());
        try (OutputDirectory dir = OutputDirectory.prepare(out, true)) {
            assertFalse(Files.exists(out.resolve("summary.csv")));
            assertFalse(Files.exists(out.resolve("x/events.csv")));
            write(out.resolve("y/chart.png"), "d");
        }
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals("mine too", Files.readString(out.resolve("x/mine.txt")));
        assertEquals(List.of("y/chart.png"), manifest(out));
    }

    @Test
    void aFolderLeftEmptyByForceIsRemovedAndOneWithOtherFilesStays() throws IOException {
        Path out = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.prepare(out, false)) {
            write(out.resolve("a/timeseries.csv"), "1");
            write(out.resolve("b/timeseries.csv"), "2");
        }
        Files.writeString(out.resolve("b/keep.txt"), "k");
        try (OutputDirectory dir = OutputDirectory.prepare(out, true)) {
            assertFalse(Files.exists(out.resolve("a")));
            assertTrue(Files.exists(out.resolve("b/keep.txt")));
        }
    }

    @Test
    void aFileKetasimDidNotWriteIsNeverReplacedEvenWithForce() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.csv"), "the user's own");
        try (OutputDirectory dir = OutputDirectory.prepare(out, true)) {
            OutputException e = assertThrows(OutputException.class, () -> write(out.resolve("summary.csv"), "x"));
            assertTrue(e.getMessage().contains("ketasim did not write it"), e.getMessage());
        }
        assertEquals("the user's own", Files.readString(out.resolve("summary.csv")));
    }

    @Test
    void linksAreRefusedNeverFollowed() throws IOException {
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "secret");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("summary.csv"), victim);
        Files.createSymbolicLink(out.resolve("id"), elsewhere);
        try (OutputDirectory dir = OutputDirectory.prepare(out, true)) {
            assertTrue(assertThrows(OutputException.class, () -> write(out.resolve("summary.csv"), "x")).getMessage()
                    .contains("is a symbolic link"));
            assertTrue(assertThrows(OutputException.class, () -> write(out.resolve("id/timeseries.csv"), "x"))
                    .getMessage().contains("is a symbolic link"));
            assertTrue(assertThrows(OutputException.class, () -> AtomicFiles.append(out.resolve("summary.csv")))
                    .getMessage().contains("is a symbolic link"));
        }
        assertEquals("secret", Files.readString(victim));
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written through the linked folder");
        }
        Path linkedOut = Files.createSymbolicLink(tmp.resolve("linked-out"), elsewhere);
        assertTrue(assertThrows(OutputException.class, () -> OutputDirectory.prepare(linkedOut, false)).getMessage()
                .contains("is a symbolic link; ketasim writes only into a real folder"));
        assertTrue(assertThrows(OutputException.class, () -> OutputDirectory.prepare(victim, false)).getMessage()
                .contains("exists and is not a directory"));
    }

    @Test
    void aManifestNamingFilesOutsideTheFolderIsRefusedAndNothingIsDeleted() throws IOException {
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "secret");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve(OutputDirectory.MANIFEST), "summary.csv\n../victim.txt\n");
        Files.writeString(out.resolve("summary.csv"), "old");
        OutputException e = assertThrows(OutputException.class, () -> OutputDirectory.prepare(out, true));
        assertTrue(e.getMessage().contains(".ketasim-outputs:2 does not name a file inside"), e.getMessage());
        assertEquals("secret", Files.readString(victim));
        assertEquals("old", Files.readString(out.resolve("summary.csv")));
        Files.delete(out.resolve(OutputDirectory.MANIFEST));
        Files.createSymbolicLink(out.resolve(OutputDirectory.MANIFEST), victim);
        assertTrue(assertThrows(OutputException.class, () -> OutputDirectory.prepare(out, true)).getMessage()
                .contains("is not a regular file"));
    }

    @Test
    void aFolderCreatedForNothingIsRemovedAndAFileOutsideTheOpenFolderIsADefect() throws IOException {
        Path out = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.prepare(out, false)) {
            assertTrue(Files.isDirectory(out));
            assertThrows(IllegalStateException.class, () -> write(tmp.resolve("elsewhere.csv"), "x"));
            assertThrows(IllegalStateException.class, () -> write(out.resolve("not-reserved.csv"), "x"));
        }
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("elsewhere.csv")));
    }

    @Test
    void aSecondCommandIsRefusedWhileTheFirstHoldsTheFolderAndAnInnerOneJoinsIt() throws Exception {
        Path out = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.prepare(out, false)) {
            OutputException e = CompletableFuture.supplyAsync(() -> assertThrows(OutputException.class,
                    () -> OutputDirectory.prepare(out, true))).get();
            assertTrue(e.getMessage().contains("is in use by another ketasim command"), e.getMessage());
            try (OutputDirectory inner = OutputDirectory.prepare(out, false)) {
                assertSame(dir, inner);
                write(out.resolve("tci.yaml"), "x");
            }
            write(out.resolve("summary.csv"), "still open after the inner command");
        }
        assertEquals(List.of("summary.csv", "tci.yaml"), manifest(out));
    }

    @Test
    void aFileWrittenByAWorkerThreadIsClaimedToo() throws Exception {
        Path out = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.prepare(out, false)) {
            CompletableFuture.runAsync(() -> {
                try {
                    write(out.resolve("w/population_bands.csv"), "x");
                } catch (OutputException e) {
                    throw new IllegalStateException(e);
                }
            }).get();
        }
        assertEquals(List.of("w/population_bands.csv"), manifest(out));
    }

    @Test
    void anotherProcessHoldingTheLockMakesPrepareFail() throws Exception {
        Path out = tmp.resolve("out");
        Process holder = LockHolder.hold(out);
        OutputException e = assertThrows(OutputException.class, () -> OutputDirectory.prepare(out, true));
        assertTrue(e.getMessage().contains("is in use by another ketasim command"), e.getMessage());
        assertEquals(0, LockHolder.release(holder));
        OutputDirectory.prepare(out, true).close();
    }

    @Test
    void aFailedWriteNamesThePathAndTheReasonAndLeavesNoPartialFile() throws IOException {
        Path out = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.prepare(out, false)) {
            OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.writeText(out.resolve(
                    "summary.csv"), w -> {
                        w.write("half");
                        throw new IOException("No space left on device");
                    }));
            assertEquals("cannot write " + out.resolve("summary.csv") + ": No space left on device", e.getMessage());
            write(out.resolve("warnings.txt"), "x");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(".ketasim-outputs", ".ketasim.lock", "warnings.txt"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void reservedNamesAreTheFilesWrittenInTheFolderIgnoringCase() {
        assertTrue(OutputDirectory.isReservedName("summary.csv"));
        assertTrue(OutputDirectory.isReservedName("Warnings.TXT"));
        assertTrue(OutputDirectory.isReservedName("failures.txt"));
        assertFalse(OutputDirectory.isReservedName("titration"));
    }
}
