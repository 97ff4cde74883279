package org.ketasim.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices, pipes, folders and files over the limit are refused before a byte is read. */
class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aRegularFileWithinTheLimitIsRead() throws IOException {
        Path f = tmp.resolve("a.yaml");
        Files.writeString(f, "id: a\n");
        assertArrayEquals("id: a\n".getBytes(), InputFiles.read(f, 6));
        InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.read(f, 5));
        assertEquals("the file has 6 bytes; the limit is 5", e.reason());
        assertEquals(f + ": the file has 6 bytes; the limit is 5", e.getMessage());
    }

    @Test
    void aLinkToARegularFileIsFollowed() throws IOException {
        Path f = tmp.resolve("a.yaml");
        Files.writeString(f, "x");
        Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), f);
        assertArrayEquals("x".getBytes(), InputFiles.read(link, 10));
    }

    @Test
    void devicesFoldersAndMissingFilesAreRefused() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        assertEquals("not a regular file (a device, a pipe or a socket)", assertThrows(InputFileException.class,
                () -> InputFiles.read(Path.of("/dev/zero"), 1 << 20)).reason());
        assertEquals("a folder, not a file",
                assertThrows(InputFileException.class, () -> InputFiles.read(tmp, 1 << 20)).reason());
        assertEquals("no such file", assertThrows(InputFileException.class,
                () -> InputFiles.read(tmp.resolve("none"), 1 << 20)).reason());
    }

    @Test
    void aPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(InputFileException.class, () -> InputFiles.read(fifo, 1 << 20)));
        assertEquals("not a regular file (a device, a pipe or a socket)", e.reason());
    }
}
