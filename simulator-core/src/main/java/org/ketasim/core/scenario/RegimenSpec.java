package org.ketasim.core.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ketasim.core.model.Route;
import org.ketasim.core.units.Quantity;

/**
 * The scenario's {@code regimen}, as written.
 *
 * @param setting {@code inpatient} or {@code outpatient}, if given (descriptive)
 * @param route   the default route of the doses, if given ({@code iv} otherwise)
 * @param doses   the doses, at least one
 * @param repeat  a course repeat, if any
 */
public record RegimenSpec(Optional<String> setting, Optional<Route> route, List<DoseSpec> doses,
                          Optional<Repeat> repeat) {

    /** The settings a regimen may name. */
    public static final List<String> SETTINGS = List.of("inpatient", "outpatient");

    /** Copies the list. */
    public RegimenSpec {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(repeat, "repeat");
        doses = List.copyOf(doses);
    }

    /**
     * {@code repeat: {every, count}}: the whole course {@code count} times, each copy shifted by
     * {@code every}.
     *
     * @param every interval between courses
     * @param count number of courses, 1 to 10,000
     */
    public record Repeat(Quantity every, int count) {
        /** Checks that nothing is null. */
        public Repeat {
            Objects.requireNonNull(every, "every");
        }
    }

    /**
     * @param doses the doses, by the default route
     * @return a regimen of them, without setting or repeat
     */
    public static RegimenSpec of(DoseSpec... doses) {
        return new RegimenSpec(Optional.empty(), Optional.empty(), List.of(doses), Optional.empty());
    }

    /**
     * @param value {@code inpatient} or {@code outpatient}
     * @return this regimen with that setting
     */
    public RegimenSpec withSetting(String value) {
        return new RegimenSpec(Optional.of(value), route, doses, repeat);
    }

    /** @return the default route of the doses */
    public Route defaultRoute() {
        return route.orElse(Route.IV);
    }

    /**
     * @param dose a dose of this regimen
     * @return the route it is given by
     */
    public Route routeOf(DoseSpec dose) {
        return dose.route().orElse(defaultRoute());
    }

    /**
     * @param change applied to every dose
     * @return this regimen with its doses changed
     */
    public RegimenSpec withDoses(UnaryOperator<DoseSpec> change) {
        return new RegimenSpec(setting, route, doses.stream().map(change).toList(), repeat);
    }

    /**
     * @param r the default route
     * @return this regimen with that default route
     */
    public RegimenSpec withRoute(Route r) {
        return new RegimenSpec(setting, Optional.of(r), doses, repeat);
    }
}
