package org.ketasim.core.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Text mutations for fuzzing: line deletion and duplication, truncation, hostile characters and tokens. */
final class Mutations {

    private static final String CHARS = ":-[]{}\"'!&*|>#%@`\t\u0000\u2028\u00e9,.0123456789eE ";
    private static final List<String> TOKENS = List.of("NaN", "-1", "1e999", "-0", ".inf", "!!python/object:os.system",
            "!!java.io.File", "*a", "&a", "<<: *a", "~", "null", "[", "{", "\"", "'", "../../..", "<script>",
            "99999999 wk", "0 s", "1e-300 s", "5mg", "5 mg/hr", ": :", "- -", "\\u0000", "?", "%YAML 1.1");

    private Mutations() {
    }

    /** @return the text after one to three random mutations */
    static String mutate(String text, Random random) {
        String out = text;
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            out = once(out, random);
        }
        return out;
    }

    private static String once(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0 -> lines.remove(line);
            case 1 -> lines.add(line, lines.get(line));
            case 2 -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 3 -> {
                String l = lines.get(line);
                int at = random.nextInt(l.length() + 1);
                lines.set(line, l.substring(0, at) + CHARS.charAt(random.nextInt(CHARS.length())) + l.substring(at));
            }
            case 4 -> {
                String l = lines.get(line);
                int at = l.indexOf(':') + 1;
                String token = TOKENS.get(random.nextInt(TOKENS.size()));
                lines.set(line, at > 0 ? l.substring(0, at) + " " + token : token + l);
            }
            default -> {
                String l = lines.get(line);
                lines.set(line, random.nextBoolean() ? "  " + l : l.stripLeading());
            }
        }
        return String.join("\n", lines);
    }
}
