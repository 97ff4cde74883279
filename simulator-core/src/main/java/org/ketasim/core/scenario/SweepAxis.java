package org.ketasim.core.scenario;

import java.util.List;
import java.util.Optional;
import org.ketasim.core.model.Route;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;

/**
 * One axis of a sweep: a field of the base scenario and the values it takes, as they would be
 * written in a scenario file ({@code "5 mg/h"}, {@code "70 kg"}, {@code "fanta-otto"}).
 *
 * @param field  what the axis varies
 * @param values the values, at least one, in grid order, each already checked
 */
public record SweepAxis(Field field, List<String> values) {

    /**
     * A scenario with an axis's value written in, and in how many places it went.
     *
     * @param scenario the varied scenario
     * @param places   how many places took the value (0: the scenario has nothing this axis varies)
     */
    public record Applied(Scenario scenario, int places) {
    }

    /** The fields a sweep can vary. */
    public enum Field {
        /** The start rate of every titration schedule and rule-based titration. */
        START("start", Dimension.RATE, Dimension.RATE_PER_WEIGHT),
        /** The increment of every titration schedule (the {@code step} of a rule-based titration). */
        INCREMENT("increment", Dimension.RATE, Dimension.RATE_PER_WEIGHT),
        /** The interval between steps of every titration. */
        EVERY("every", Dimension.TIME),
        /** The maximum rate of every titration. */
        MAX("max", Dimension.RATE, Dimension.RATE_PER_WEIGHT),
        /** The rate of every constant infusion. */
        RATE("rate", Dimension.RATE, Dimension.RATE_PER_WEIGHT),
        /** The duration of every infusion and titration. */
        DURATION("duration", Dimension.TIME),
        /** {@code patient.weight}. */
        WEIGHT("weight", Dimension.BODY_WEIGHT),
        /** {@code regimen.route}, the route of every dose without its own. */
        ROUTE("route"),
        /** The built-in model id. */
        MODEL("model"),
        /** The population size: each grid point is then a virtual population. */
        SUBJECTS("subjects");

        private final String key;
        private final Dimension[] dimensions;

        Field(String key, Dimension... dimensions) {
            this.key = key;
            this.dimensions = dimensions;
        }

        /** @return the key in a sweep file's {@code axes} and the column name in {@code sweep.csv} */
        public String key() {
            return key;
        }

        /** @return the dimensions of its values, empty for names and counts */
        public Dimension[] dimensions() {
            return dimensions.clone();
        }

        /**
         * @param s     a scenario
         * @param value a checked value of this field
         * @return the scenario with the value written in, and how many places took it
         */
        public Applied apply(Scenario s, String value) {
            switch (this) {
                case WEIGHT:
                    return new Applied(s.withPatient(new Patient(Quantities.parse(value, dimensions),
                            s.patient().baselineNrs())), 1);
                case ROUTE:
                    return new Applied(s.withRegimen(s.regimen().withRoute(Route.fromId(value).orElseThrow())), 1);
                case MODEL:
                    return new Applied(s.withModel(ModelSpec.BuiltIn.of(value)), 1);
                case SUBJECTS:
                    return new Applied(s, 1);
                default:
                    Quantity q = Quantities.parse(value, dimensions);
                    int[] places = {0};
                    RegimenSpec r = s.regimen().withDoses(d -> {
                        DoseSpec changed = onDose(d, q);
                        if (changed != d) {
                            places[0]++;
                        }
                        return changed;
                    });
                    return new Applied(s.withRegimen(r), places[0]);
            }
        }

        /** @return the dose with the value written in, or the same dose if it has no such field */
        private DoseSpec onDose(DoseSpec d, Quantity q) {
            if (d instanceof DoseSpec.Infusion inf) {
                return this == RATE ? inf.withRate(q) : this == DURATION ? inf.withDuration(q) : d;
            }
            if (d instanceof DoseSpec.Schedule x) {
                return switch (this) {
                    case START -> new DoseSpec.Schedule(x.at(), x.route(), q, x.increment(), x.every(), x.max(),
                            x.duration());
                    case INCREMENT -> new DoseSpec.Schedule(x.at(), x.route(), x.start(), q, x.every(), x.max(),
                            x.duration());
                    case EVERY -> new DoseSpec.Schedule(x.at(), x.route(), x.start(), x.increment(), q, x.max(),
                            x.duration());
                    case MAX -> new DoseSpec.Schedule(x.at(), x.route(), x.start(), x.increment(), x.every(),
                            Optional.of(q), x.duration());
                    case DURATION -> new DoseSpec.Schedule(x.at(), x.route(), x.start(), x.increment(), x.every(),
                            x.max(), q);
                    default -> d;
                };
            }
            if (d instanceof DoseSpec.Rule x) {
                return switch (this) {
                    case START -> new DoseSpec.Rule(x.at(), x.route(), q, x.step(), x.every(), x.max(), x.duration(),
                            x.stopRaisingWhen(), x.reduceWhen(), x.reduceBy(), x.stopWhen());
                    case INCREMENT -> new DoseSpec.Rule(x.at(), x.route(), x.start(), q, x.every(), x.max(),
                            x.duration(), x.stopRaisingWhen(), x.reduceWhen(), x.reduceBy(), x.stopWhen());
                    case EVERY -> new DoseSpec.Rule(x.at(), x.route(), x.start(), x.step(), q, x.max(), x.duration(),
                            x.stopRaisingWhen(), x.reduceWhen(), x.reduceBy(), x.stopWhen());
                    case MAX -> new DoseSpec.Rule(x.at(), x.route(), x.start(), x.step(), x.every(), Optional.of(q),
                            x.duration(), x.stopRaisingWhen(), x.reduceWhen(), x.reduceBy(), x.stopWhen());
                    case DURATION -> new DoseSpec.Rule(x.at(), x.route(), x.start(), x.step(), x.every(), x.max(), q,
                            x.stopRaisingWhen(), x.reduceWhen(), x.reduceBy(), x.stopWhen());
                    default -> d;
                };
            }
            return d;
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
