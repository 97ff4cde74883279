package org.ketasim.core.scenario;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.ResidualError;

/**
 * The scenario's {@code model}: a built-in model (by id, optionally with its routes overridden),
 * or an inline model with optional variability and residual error. Resolved when the scenario is
 * compiled.
 */
public sealed interface ModelSpec permits ModelSpec.BuiltIn, ModelSpec.Inline {

    /**
     * A built-in model: {@code model: fanta-otto}, or {@code model: {base: fanta-otto, routes: ...}}.
     *
     * @param id     the built-in model's id
     * @param routes route overrides, by route; empty for the plain id
     */
    record BuiltIn(String id, Map<Route, RouteOverride> routes) implements ModelSpec {
        /** Copies the map. */
        public BuiltIn {
            Objects.requireNonNull(id, "id");
            routes = routes.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(routes));
        }

        /**
         * @param id a built-in model id
         * @return the model as built in
         */
        public static BuiltIn of(String id) {
            return new BuiltIn(id, Map.of());
        }
    }

    /**
     * A route override of a built-in model: either some of F, ka and lag of its one first-order
     * path, or a whole new list of absorption paths.
     *
     * @param bioavailability F, if given
     * @param kaPerH          ka (1/h), if given
     * @param lagH            lag (h), if given
     * @param paths           a full list of absorption paths instead; empty for a partial override
     */
    record RouteOverride(Optional<Double> bioavailability, Optional<Double> kaPerH, Optional<Double> lagH,
                         List<Absorption> paths) {
        /** Copies the list. */
        public RouteOverride {
            Objects.requireNonNull(bioavailability, "bioavailability");
            Objects.requireNonNull(kaPerH, "kaPerH");
            Objects.requireNonNull(lagH, "lagH");
            paths = List.copyOf(paths);
        }
    }

    /**
     * An inline model, its parameters for a typical patient.
     *
     * @param model       the parameters, with optional allometric scaling
     * @param variability inter-individual variability, if declared
     * @param residual    residual error of the parent's plasma concentration, if declared
     */
    record Inline(PkModel model, Optional<InlineVariability> variability, Optional<ResidualError> residual)
            implements ModelSpec {
        /** Checks that nothing is null. */
        public Inline {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(variability, "variability");
            Objects.requireNonNull(residual, "residual");
        }

        /**
         * @param model the parameters
         * @return an inline model without variability or residual error
         */
        public static Inline of(PkModel model) {
            return new Inline(model, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Inter-individual variability of an inline model: log-normal, {@code P_i = P exp(eta)}, with
     * the variances of the etas and optional correlations between them.
     *
     * @param omega       variance of eta per parameter name ({@code CL}, {@code V1}, ...), each &gt;= 0
     * @param correlation correlation per pair, keyed {@code A-B}, each in (-1, 1)
     */
    record InlineVariability(Map<String, Double> omega, Map<String, Double> correlation) {
        /** Copies the maps, keeping their order. */
        public InlineVariability {
            omega = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(omega));
            correlation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(correlation));
        }
    }
}
