package org.ketasim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the ketasim command line in-process and captures what it prints. */
final class Cli {

    /** What one run returned and printed. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KetasimCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
