package org.ketasim.core.units;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Parses quantities written as text: a decimal number, white space, a unit ({@code "5 mg/h"},
 * {@code "0.35 mg/kg/h"}, {@code "1.2e-3 g"}). Thread-safe (stateless).
 */
public final class Quantities {

    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)(?:\\s+(\\S.*?))?\\s*");
    private static final Pattern NO_SPACE =
            Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-zA-Zµμ/].*?)\\s*");
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);
    /** A volume, or a volume per time: what a syringe or a pump shows, normalised ({@link #normalise}). */
    private static final Pattern PUMP_VOLUME = Pattern.compile("(ml|l)(/(h|min|d|s))?");
    /** The dimensions of doses, for which a pump's volume is the likely mistake. */
    private static final Set<Dimension> DOSES = EnumSet.of(Dimension.MASS, Dimension.MASS_PER_WEIGHT, Dimension.RATE,
            Dimension.RATE_PER_WEIGHT);

    /**
     * Spellings of a unit's part read as its symbol, anywhere between slashes: time words (the
     * number of a quantity is plural or singular, so both are read), and {@code mcg} for {@code ug}.
     */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("mins", "min"), Map.entry("minute", "min"), Map.entry("minutes", "min"),
            Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"),
            Map.entry("day", "d"), Map.entry("days", "d"),
            Map.entry("wks", "wk"), Map.entry("week", "wk"), Map.entry("weeks", "wk"),
            Map.entry("months", "month"),
            Map.entry("mcg", "ug"));

    private static final Map<String, Unit> BY_SYMBOL = new LinkedHashMap<>();

    static {
        for (Unit unit : Unit.values()) {
            for (String symbol : unit.symbols()) {
                BY_SYMBOL.put(normalise(symbol), unit);
            }
        }
    }

    private Quantities() {
    }

    /**
     * Parses a quantity of one of the expected dimensions.
     *
     * @param text     the text, e.g. {@code "5 mg/h"}
     * @param expected the dimensions accepted here (at least one)
     * @return the quantity, in the unit it was written in
     * @throws UnitException if the text is not a finite number followed by a unit, the unit is
     *                       unknown, or its dimension is not one of {@code expected}
     */
    public static Quantity parse(String text, Dimension... expected) {
        Set<Dimension> accepted = expected.length == 0
                ? EnumSet.allOf(Dimension.class) : EnumSet.copyOf(Arrays.asList(expected));
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            Matcher joined = NO_SPACE.matcher(text);
            if (joined.matches()) {
                throw new UnitException("'" + text + "' needs a space between the number and the unit: '"
                        + joined.group(1) + " " + joined.group(2) + "'");
            }
            throw new UnitException("'" + text + "' is not a quantity: expected a number, a space and a unit, "
                    + "e.g. '" + example(accepted) + "'");
        }
        if (m.group(2) == null) {
            throw new UnitException("'" + text + "' has no unit: write it with one of "
                    + acceptedUnits(accepted) + ", e.g. '" + example(accepted) + "'");
        }
        double value = Double.parseDouble(m.group(1));
        if (!Double.isFinite(value)) {
            throw new UnitException("'" + text + "' is not a finite number");
        }
        Unit unit = BY_SYMBOL.get(normalise(m.group(2)));
        if (unit == null) {
            String hint = pumpVolume(m.group(2), accepted);
            throw new UnitException("unknown unit '" + m.group(2) + "' in '" + text + "'"
                    + (hint.isEmpty() ? closest(m.group(2), accepted) : "") + ": accepted units are "
                    + acceptedUnits(accepted) + hint);
        }
        if (!accepted.contains(unit.dimension())) {
            throw new UnitException("'" + text + "' is " + unit.dimension().description() + ", but "
                    + describe(accepted) + " is expected here (" + acceptedUnits(accepted) + ")"
                    + pumpVolume(m.group(2), accepted));
        }
        return new Quantity(value, unit);
    }

    /**
     * @param symbol a unit symbol or alias, as in scenario files (case-insensitive)
     * @return the unit
     * @throws UnitException if there is no such unit
     */
    static Unit unit(String symbol) {
        Unit unit = BY_SYMBOL.get(normalise(symbol));
        if (unit == null) {
            throw new UnitException("unknown unit '" + symbol + "'");
        }
        return unit;
    }

    /**
     * Lists the canonical symbols of every unit of the given dimensions.
     *
     * @param dimensions the dimensions
     * @return e.g. {@code "mg/h, mg/min, mg/d, ug/min, ug/h"}
     */
    public static String acceptedUnits(Set<Dimension> dimensions) {
        return Arrays.stream(Unit.values())
                .filter(u -> dimensions.contains(u.dimension()))
                .map(Unit::symbol)
                .collect(Collectors.joining(", "));
    }

    /**
     * @return " (did you mean 'mg/h'?)" for the closest accepted symbol within two edits (and fewer
     *         edits than half the typed symbol's length, so 'lb' suggests nothing), or ""
     */
    private static String closest(String symbol, Set<Dimension> accepted) {
        String typed = normalise(symbol);
        return Arrays.stream(Unit.values())
                .filter(u -> accepted.contains(u.dimension()))
                .map(Unit::symbol)
                .filter(s -> {
                    int d = DISTANCE.apply(typed, normalise(s));
                    return d >= 0 && 2 * d < typed.length();
                })
                .min(Comparator.comparingInt(s -> DISTANCE.apply(typed, normalise(s))))
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
    }

    /**
     * @return for a volume or volume rate where a dose is expected, what to do with it (a pump's mL/h
     *         times the solution's strength); else ""
     */
    private static String pumpVolume(String symbol, Set<Dimension> accepted) {
        if (Collections.disjoint(accepted, DOSES) || !PUMP_VOLUME.matcher(normalise(symbol)).matches()) {
            return "";
        }
        return "; a volume (mL) or a pump's volume rate (mL/h) is not a dose: multiply it by the solution's "
                + "strength (5 mL/h of a 10 mg/mL solution is 50 mg/h)";
    }

    private static String describe(Set<Dimension> dimensions) {
        return dimensions.stream().map(Dimension::description).collect(Collectors.joining(" or "));
    }

    private static String example(Set<Dimension> dimensions) {
        return "1 " + dimensions.iterator().next().internalUnit();
    }

    /**
     * A symbol as looked up: lower case, {@code µ} and {@code μ} as {@code u}, and each part between
     * slashes spelled the canonical way ({@code hours} as {@code h}, so {@code mg/hour} is
     * {@code mg/h}).
     */
    private static String normalise(String symbol) {
        String[] parts = symbol.replace('µ', 'u').replace('μ', 'u').toLowerCase(Locale.ROOT).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = WORDS.getOrDefault(parts[i].trim(), parts[i].trim());
        }
        return String.join("/", parts);
    }
}
