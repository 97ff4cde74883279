package org.ketasim.core.nonmem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.InputChannel;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/**
 * The model of each record, as NONMEM's PK routine evaluated with that record: the typical model
 * scaled to the record's WT (or the default weight), with the model parameters mapped to columns
 * ({@code CL}, {@code V1}, {@code Q2}, {@code V2}, {@code Q3}, {@code V3}, {@code KAn}, see
 * {@link MappedParameter}) replaced by the record's values. Records with the same weight and values
 * share one {@link Compartments}. Not thread-safe (the cache): use one instance per thread.
 */
public final class RecordModels {

    /** Where a depot compartment's absorption path is: its route and the path's index. */
    private record Depot(Route route, int index) {
    }

    private final PkModel typical;
    private final double defaultWeightKg;
    private final Map<String, Integer> compartmentOverrides;
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final List<MappedParameter> modelParameters = new ArrayList<>();
    private final Map<Integer, Depot> depots = new HashMap<>();
    private final String source;
    private final Compartments typicalCompartments;
    private final Map<List<Double>, Compartments> cache = new HashMap<>();

    /**
     * @param typical              the model of a typical patient
     * @param defaultWeightKg      the weight of records without WT (kg), &gt; 0
     * @param compartmentOverrides state name to compartment number (see {@link Compartments})
     * @param mapping              parameters read from columns (see {@link MappedParameter}), e.g.
     *                             {@code CL -> CLI}: the mapping the data set was read with
     * @param source               the data set's file name, for messages
     * @throws IllegalArgumentException for a weight that is not positive, a bad compartment number, or
     *                                  a mapped model parameter the model does not have, each named
     */
    public RecordModels(PkModel typical, double defaultWeightKg, Map<String, Integer> compartmentOverrides,
                        Map<String, String> mapping, String source) {
        if (!(defaultWeightKg > 0) || Double.isInfinite(defaultWeightKg)) {
            throw new IllegalArgumentException("weight " + defaultWeightKg + " kg is not a positive number");
        }
        this.typical = typical;
        this.defaultWeightKg = defaultWeightKg;
        this.compartmentOverrides = Map.copyOf(compartmentOverrides);
        this.source = source;
        this.typicalCompartments = new Compartments(typical.forWeight(defaultWeightKg), compartmentOverrides);
        LinearSystem system = typicalCompartments.system();
        for (Route route : system.routes()) {
            List<InputChannel> channels = system.channels(route);
            for (int j = 0; j < channels.size(); j++) {
                if (route != Route.IV) {
                    int index = j;
                    typicalCompartments.numberOf(channels.get(j).stateIndex())
                            .ifPresent(n -> depots.put(n, new Depot(route, index)));
                }
            }
        }
        mapping.forEach((name, column) -> {
            MappedParameter p = MappedParameter.parse(name);
            if (p.kind().model()) {
                check(p, typical);
                modelParameters.add(p);
            }
            columns.put(p.name(), column);
        });
    }

    private void check(MappedParameter p, PkModel model) {
        int peripherals = model.peripherals().size();
        switch (p.kind()) {
            case Q2, V2 -> {
                if (peripherals < 1) {
                    throw new IllegalArgumentException("cannot map " + p.name() + ": model " + model.name()
                            + " has one compartment (" + p.name() + " needs two)");
                }
            }
            case Q3, V3 -> {
                if (peripherals < 2) {
                    throw new IllegalArgumentException("cannot map " + p.name() + ": model " + model.name() + " has "
                            + (peripherals + 1) + " compartments (" + p.name() + " needs three)");
                }
            }
            case KA -> {
                if (!depots.containsKey(p.compartment())) {
                    throw new IllegalArgumentException("cannot map " + p.name() + ": compartment " + p.compartment()
                            + " is not a depot (depots: " + depotNames() + ")");
                }
            }
            default -> {
                // CL and V1 every model has
            }
        }
    }

    private String depotNames() {
        Map<Integer, String> names = new LinkedHashMap<>(typicalCompartments.names());
        names.keySet().retainAll(depots.keySet());
        return names.isEmpty() ? "none" : names.toString();
    }

    /** @return the compartments of the typical patient at the default weight, for the structure */
    public Compartments typical() {
        return typicalCompartments;
    }

    /** @return the data set's file name, for messages */
    String source() {
        return source;
    }

    /** @return the weight of records without WT (kg) */
    double defaultWeightKg() {
        return defaultWeightKg;
    }

    /**
     * @param r        a record
     * @param p        a parameter
     * @param fallback the value when p is not mapped to a column
     * @return the record's value of p, or the fallback
     * @throws NonmemDataException for a value out of the parameter's range, naming row, column and value
     */
    double value(NonmemRecord r, MappedParameter p, double fallback) {
        String column = columns.get(p.name());
        if (column == null) {
            return fallback;
        }
        double v = r.mapped().get(p.name());
        if (p.kind().positive() ? !(v > 0) : !(v >= 0)) {
            throw new NonmemDataException(source, r.row(), column, p.name() + " " + v
                    + (p.kind().unit().isEmpty() ? "" : " " + p.kind().unit()) + " must be "
                    + (p.kind().positive() ? "> 0" : ">= 0") + " (mapped with --map " + p.name() + "=" + column + ")");
        }
        return v;
    }

    /**
     * @param p a parameter
     * @return whether it is mapped to a column
     */
    boolean mapped(MappedParameter p) {
        return columns.containsKey(p.name());
    }

    /**
     * @param r a record
     * @return the model of that record
     * @throws NonmemDataException for a mapped parameter whose value the model cannot take, naming the
     *                             row, column and value
     */
    public Compartments of(NonmemRecord r) {
        double kg = r.weightKg().orElse(defaultWeightKg);
        List<Double> key = new ArrayList<>(1 + modelParameters.size());
        key.add(kg);
        modelParameters.forEach(p -> key.add(r.mapped().get(p.name())));
        Compartments c = cache.get(key);
        if (c == null) {
            c = new Compartments(individual(r, kg), compartmentOverrides);
            cache.put(List.copyOf(key), c);
        }
        return c;
    }

    private PkModel individual(NonmemRecord r, double kg) {
        PkModel m = typical.forWeight(kg);
        if (modelParameters.isEmpty()) {
            return m;
        }
        double v1 = m.volumeL();
        double cl = m.clearanceLPerH();
        List<Peripheral> peripherals = new ArrayList<>(m.peripherals());
        Map<Route, List<Absorption>> routes = new EnumMap<>(Route.class);
        m.routes().forEach((route, paths) -> routes.put(route, new ArrayList<>(paths)));
        for (MappedParameter p : modelParameters) {
            double v = value(r, p, Double.NaN);
            switch (p.kind()) {
                case CL -> cl = v;
                case V1 -> v1 = v;
                case Q2 -> peripherals.set(0, new Peripheral(peripherals.get(0).volumeL(), v));
                case V2 -> peripherals.set(0, new Peripheral(v, peripherals.get(0).flowLPerH()));
                case Q3 -> peripherals.set(1, new Peripheral(peripherals.get(1).volumeL(), v));
                case V3 -> peripherals.set(1, new Peripheral(v, peripherals.get(1).flowLPerH()));
                case KA -> {
                    Depot depot = depots.get(p.compartment());
                    List<Absorption> paths = routes.get(depot.route());
                    Absorption a = paths.get(depot.index());
                    paths.set(depot.index(), new Absorption(a.bioavailability(), v, a.lagH(), a.zeroOrderH(), a.target(),
                            a.transit(), a.devices()));
                }
                default -> throw new IllegalStateException("not a model parameter: " + p.name());
            }
        }
        return new PkModel(m.name(), v1, cl, peripherals, routes, m.metabolite(), m.secondMetabolite(), m.liver(),
                m.effectSite(), m.painEffectSite(), Optional.empty());
    }
}
