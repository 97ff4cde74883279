package org.ketasim.core.scenario;

import java.util.List;

/**
 * One axis of a sweep: a field of the base scenario and the values it takes, as they would be
 * written in a scenario file ({@code "5 mg/h"}, {@code "70 kg"}, {@code "fanta-otto"}).
 *
 * @param field  what the axis varies
 * @param values the values, at least one, in grid order
 */
public record SweepAxis(Field field, List<String> values) {

    /** The fields a sweep can vary. */
    public enum Field {
        /** The start rate of every titration schedule and rule-based titration. */
        START("start"),
        /** The increment of every titration schedule (the {@code step} of a rule-based titration). */
        INCREMENT("increment"),
        /** The interval between steps of every titration. */
        EVERY("every"),
        /** The maximum rate of every titration. */
        MAX("max"),
        /** The rate of every constant infusion. */
        RATE("rate"),
        /** The duration of every infusion and titration. */
        DURATION("duration"),
        /** {@code patient.weight}. */
        WEIGHT("weight"),
        /** {@code regimen.route}, the route of every dose without its own. */
        ROUTE("route"),
        /** The built-in model id. */
        MODEL("model"),
        /** The population size: each grid point is then a virtual population. */
        SUBJECTS("subjects");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** @return the key in a sweep file's {@code axes} and the column name in {@code sweep.csv} */
        public String key() {
            return key;
        }
    }

    /** Copies the values. */
    public SweepAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis " + field.key() + " has no values");
        }
    }
}
