package org.ketasim.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Routes of administration. {@link #IV} doses enter the central compartment; every other route is
 * extravascular and enters its own absorption depot (see {@link Absorption}).
 */
public enum Route {
    /** Intravenous: straight into the central compartment, bioavailability 1, no lag. */
    IV,
    /** Oral. */
    ORAL,
    /** Sublingual. */
    SUBLINGUAL,
    /** Intranasal. */
    INTRANASAL,
    /** Subcutaneous. */
    SC,
    /** Iontophoretic (transdermal by electric current). */
    IONTOPHORETIC;

    /** @return the name used in scenario files, e.g. {@code oral} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true for every route that goes through an absorption depot */
    public boolean isExtravascular() {
        return this != IV;
    }

    /**
     * @param id a route name as written in a scenario file (case-insensitive)
     * @return the route, if there is one of that name
     */
    public static Optional<Route> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    /** @return every route id, comma-separated, for messages */
    public static String allIds() {
        return Arrays.stream(values()).map(Route::id).collect(Collectors.joining(", "));
    }
}
