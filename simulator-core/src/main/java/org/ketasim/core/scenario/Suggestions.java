package org.ketasim.core.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for names read from files and options: keys, model ids, routes. */
public final class Suggestions {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private Suggestions() {
    }

    /**
     * @param typed   what was written
     * @param allowed what could have been meant
     * @return {@code " (did you mean 'x'?)"} for the closest allowed name within a third of its
     *         length in edits (at least one), or {@code ""} if none is close
     */
    public static String closest(String typed, Collection<String> allowed) {
        String key = typed.toLowerCase(Locale.ROOT);
        List<String> close = new ArrayList<>();
        for (String a : allowed) {
            int d = DISTANCE.apply(key, a.toLowerCase(Locale.ROOT));
            if (d >= 0 && d <= Math.max(1, a.length() / 3)) {
                close.add(a);
            }
        }
        close.sort(Comparator.comparingInt(a -> DISTANCE.apply(key, a.toLowerCase(Locale.ROOT))));
        return close.isEmpty() ? "" : " (did you mean '" + close.get(0) + "'?)";
    }
}
