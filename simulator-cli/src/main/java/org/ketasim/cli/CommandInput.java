package org.ketasim.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where an interactive command's lines come from. On a terminal: JLine, with a prompt, line editing,
 * the session's history (up and down arrows, Ctrl-R) and completion of the command words; Ctrl-C
 * clears the line, Ctrl-D ends the input. Otherwise (a pipe, a file, a test): standard input read
 * as UTF-8 line by line, without a prompt. Not thread-safe.
 */
final class CommandInput implements Closeable {

    private final Terminal terminal;
    private final LineReader lineReader;
    private final BufferedReader plain;
    private final String prompt;
    private final PrintWriter out;

    private CommandInput(Terminal terminal, LineReader lineReader, BufferedReader plain, String prompt,
                         PrintWriter out) {
        this.terminal = terminal;
        this.lineReader = lineReader;
        this.plain = plain;
        this.prompt = prompt;
        this.out = out;
    }

    /**
     * @param stdin  the standard input, read when it is not a terminal
     * @param out    where hints are written (the command's output)
     * @param prompt the prompt shown on a terminal, e.g. {@code "titrate> "}
     * @param words  the command words, completed with the Tab key on a terminal
     * @return the input: a terminal's when standard input and output are one, else {@code stdin}'s
     * @throws IOException if the terminal cannot be opened
     */
    static CommandInput open(InputStream stdin, PrintWriter out, String prompt, List<String> words) throws IOException {
        if (System.console() == null) {
            return new CommandInput(null, null, new BufferedReader(new InputStreamReader(stdin,
                    StandardCharsets.UTF_8)), prompt, out);
        }
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("ketasim")
                .completer(new StringsCompleter(words)).build();
        return new CommandInput(terminal, reader, null, prompt, out);
    }

    /**
     * @return the next line, or null at the end of the input
     * @throws IOException if standard input cannot be read
     */
    String readLine() throws IOException {
        if (lineReader == null) {
            return plain.readLine();
        }
        while (true) {
            try {
                return lineReader.readLine(prompt);
            } catch (UserInterruptException e) {
                out.println("(Ctrl-C clears the line; type quit, or Ctrl-D, to save and stop)");
                out.flush();
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (terminal != null) {
            terminal.close();
        }
    }
}
