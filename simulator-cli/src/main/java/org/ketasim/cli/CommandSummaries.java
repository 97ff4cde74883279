package org.ketasim.cli;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * The list of commands in {@code ketasim --help}: each command with the first sentence of its
 * description, whole and wrapped, where picocli would show the description's first line and cut
 * it mid-sentence.
 */
final class CommandSummaries implements CommandLine.IHelpSectionRenderer {

    /** The end of a sentence: a full stop before white space or at the end, not that of "e.g." or "i.e.". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e)\\.(?=\\s|$)");
    private static final int INDENT = 2;
    private static final int GAP = 2;

    @Override
    public String render(Help help) {
        Map<String, Help> commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(INDENT + nameWidth + GAP, INDENT, Column.Overflow.SPAN),
                new Column(Math.max(20, width - INDENT - nameWidth - GAP), 0, Column.Overflow.WRAP));
        commands.forEach((name, command) -> table.addRowValues(name, summary(command.commandSpec())));
        return table.toString();
    }

    /**
     * @param command a command
     * @return the first sentence of its description (its lines joined), or its header
     */
    static String summary(CommandLine.Model.CommandSpec command) {
        String[] header = command.usageMessage().header();
        String[] lines = header.length > 0 ? header : command.usageMessage().description();
        String text = String.format(Locale.ROOT, String.join(" ", lines)).replaceAll("\\s+", " ").trim();
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.end()) : text;
    }
}
