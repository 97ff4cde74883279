package org.ketasim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    /**
     * @param out the folder to hold
     * @return the process, once it holds the folder; close its standard input to let go
     * @throws IOException if it cannot be started or did not take the lock
     */
    static Process hold(Path out) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), out.toString()).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(line)) {
            p.destroy();
            throw new IOException("the lock holder did not take " + out + ": " + line);
        }
        return p;
    }

    /**
     * Lets go of the folder and waits for the process to end.
     *
     * @param p a process from {@link #hold}
     * @return its exit code
     * @throws Exception if it cannot be waited for
     */
    static int release(Process p) throws Exception {
        try {
            p.getOutputStream().close();
            return p.waitFor();
        } finally {
            p.destroy();
        }
    }
}
