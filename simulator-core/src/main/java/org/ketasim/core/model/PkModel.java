package org.ketasim.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A linear pharmacokinetic model of the parent drug, with its optional absorption routes,
 * metabolite and effect site, for a typical patient of the scaling's reference weight.
 *
 * <p>Build one with {@link #of(String, double, double)} and the {@code with...} methods; each
 * returns a new model (instances are immutable and thread-safe). {@link #forWeight(double)} applies
 * the allometric scaling and gives the model of an individual patient.
 *
 * @param name           a display name
 * @param volumeL        central volume V1 (L), &gt; 0
 * @param clearanceLPerH elimination clearance CL from the central compartment (L/h), &gt;= 0
 * @param peripherals    0, 1 or 2 peripheral compartments (Q2/V2, then Q3/V3)
 * @param routes         the extravascular routes this model can absorb from (IV is always
 *                       supported and must not appear here)
 * @param metabolite     an optional metabolite formed from the parent's elimination
 * @param effectSite     an optional effect compartment driven by the parent's plasma concentration
 * @param scaling        optional allometric scaling; without it nothing scales with weight
 */
public record PkModel(String name, double volumeL, double clearanceLPerH, List<Peripheral> peripherals,
                      Map<Route, Absorption> routes, Optional<Metabolite> metabolite,
                      Optional<EffectSite> effectSite, Optional<AllometricScaling> scaling) {

    /** The largest number of peripheral compartments (a three-compartment model). */
    public static final int MAX_PERIPHERALS = 2;

    /** Checks the ranges above and makes defensive, unmodifiable copies. */
    public PkModel {
        Objects.requireNonNull(name, "name");
        Checks.positive("V1", volumeL);
        Checks.nonNegative("CL", clearanceLPerH);
        peripherals = List.copyOf(peripherals);
        if (peripherals.size() > MAX_PERIPHERALS) {
            throw new IllegalArgumentException("a model has at most " + (MAX_PERIPHERALS + 1)
                    + " compartments, got " + (peripherals.size() + 1));
        }
        if (routes.containsKey(Route.IV)) {
            throw new IllegalArgumentException("the iv route has no absorption depot");
        }
        EnumMap<Route, Absorption> copy = new EnumMap<>(Route.class);
        copy.putAll(routes);
        routes = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(metabolite, "metabolite");
        Objects.requireNonNull(effectSite, "effectSite");
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * A one-compartment IV model with nothing else.
     *
     * @param name           display name
     * @param volumeL        V1 (L)
     * @param clearanceLPerH CL (L/h)
     * @return the model
     */
    public static PkModel of(String name, double volumeL, double clearanceLPerH) {
        return new PkModel(name, volumeL, clearanceLPerH, List.of(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * @param peripheral a peripheral compartment to add (the second, then the third)
     * @return a new model with it
     */
    public PkModel withPeripheral(Peripheral peripheral) {
        List<Peripheral> more = new ArrayList<>(peripherals);
        more.add(peripheral);
        return new PkModel(name, volumeL, clearanceLPerH, more, routes, metabolite, effectSite, scaling);
    }

    /**
     * @param route      an extravascular route
     * @param absorption its absorption parameters (replacing any the model had)
     * @return a new model with it
     */
    public PkModel withRoute(Route route, Absorption absorption) {
        Map<Route, Absorption> more = new EnumMap<>(Route.class);
        more.putAll(routes);
        more.put(route, absorption);
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, more, metabolite, effectSite, scaling);
    }

    /**
     * @param value the metabolite
     * @return a new model with it
     */
    public PkModel withMetabolite(Metabolite value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, Optional.of(value), effectSite,
                scaling);
    }

    /**
     * @param value the effect site
     * @return a new model with it
     */
    public PkModel withEffectSite(EffectSite value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, metabolite, Optional.of(value),
                scaling);
    }

    /**
     * @param value the allometric scaling
     * @return a new model with it
     */
    public PkModel withScaling(AllometricScaling value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, metabolite, effectSite,
                Optional.of(value));
    }

    /** @return the number of parent compartments, 1 to 3 */
    public int compartments() {
        return peripherals.size() + 1;
    }

    /**
     * The model of one patient: volumes, clearances and flows (parent and metabolite) multiplied by
     * the scaling factors for this weight (see {@link AllometricScaling}). Absorption and ke0 do not
     * scale.
     *
     * @param weightKg body weight (kg), &gt; 0
     * @return an individual model without scaling; this model itself when it has no scaling
     */
    public PkModel forWeight(double weightKg) {
        Checks.positive("body weight", weightKg);
        if (scaling.isEmpty()) {
            return this;
        }
        AllometricScaling s = scaling.get();
        double fv = s.factor(weightKg, s.centralVolumesExponent());
        double fc = s.factor(weightKg, s.clearancesExponent());
        double fpv = s.factor(weightKg, s.peripheralVolumesExponent());
        double fq = s.factor(weightKg, s.flowsExponent());
        List<Peripheral> scaledPeripherals = peripherals.stream()
                .map(p -> scale(p, fpv, fq))
                .toList();
        Optional<Metabolite> scaledMetabolite = metabolite.map(m -> new Metabolite(m.name(), m.fraction(),
                m.molarMassRatio(), m.volumeL() * fv, m.clearanceLPerH() * fc,
                m.peripheral().map(p -> scale(p, fpv, fq))));
        return new PkModel(name, volumeL * fv, clearanceLPerH * fc, scaledPeripherals, routes, scaledMetabolite,
                effectSite, Optional.empty());
    }

    private static Peripheral scale(Peripheral p, double volumeFactor, double clearanceFactor) {
        return new Peripheral(p.volumeL() * volumeFactor, p.flowLPerH() * clearanceFactor);
    }
}
