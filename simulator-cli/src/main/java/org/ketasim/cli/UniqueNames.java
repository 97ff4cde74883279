package org.ketasim.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Gives the files of one folder distinct names made from labels: characters other than letters,
 * digits, {@code .}, {@code _} and {@code -} become {@code _}, and a name given before (ignoring
 * case, as some file systems do) gets {@code -2}, {@code -3}, ... So the labels {@code a b} and
 * {@code a_b} get {@code a_b} and {@code a_b-2}. Not thread-safe.
 */
final class UniqueNames {

    private final Set<String> given = new HashSet<>();

    /**
     * @param label what the file shows, e.g. a family of scenarios
     * @return a file name (without extension) not given before by this instance
     */
    String of(String label) {
        String safe = label.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = safe;
        for (int k = 2; !given.add(name.toLowerCase(Locale.ROOT)); k++) {
            name = safe + "-" + k;
        }
        return name;
    }
}
