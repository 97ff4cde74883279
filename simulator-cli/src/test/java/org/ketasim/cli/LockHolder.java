package org.ketasim.cli;

import java.nio.file.Path;

/**
 * Holds an output folder from another process, for the tests of the lock: prints {@code locked}
 * once it holds it, and lets go when its standard input ends.
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (OutputDirectory dir = OutputDirectory.prepare(Path.of(args[0]), true)) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }
}
