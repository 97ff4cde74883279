package org.ketasim.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A linear pharmacokinetic model of the parent drug, with its absorption routes, metabolites,
 * liver and effect site, for a typical patient of the scaling's reference weight.
 *
 * <p>Build one with {@link #of(String, double, double)} and the {@code with...} methods; each
 * returns a new model (instances are immutable and thread-safe). {@link #forWeight(double)} applies
 * the allometric scaling and gives the model of an individual patient.
 *
 * @param name             a display name
 * @param volumeL          central volume V1 (L), &gt; 0
 * @param clearanceLPerH   elimination clearance CL from the central compartment (L/h), &gt;= 0; with a
 *                         liver it is usually 0, elimination happening there
 * @param peripherals      0, 1 or 2 peripheral compartments (Q2/V2, then Q3/V3)
 * @param routes           the extravascular routes and their absorption paths (one or more each; IV
 *                         is always supported and must not appear here)
 * @param metabolite       an optional metabolite formed from the parent's elimination (from CL, and
 *                         from the liver's metabolism rate constant where there is a liver)
 * @param secondMetabolite an optional metabolite formed from the first metabolite's clearance
 * @param liver            an optional hepato-portal compartment
 * @param effectSite       an optional effect compartment driven by the parent's plasma concentration
 *                         (acute effects)
 * @param painEffectSite   an optional slow effect compartment for chronic pain relief (Dahan 2011:
 *                         t&frac12; 10.9 days), also driven by the parent's plasma concentration
 * @param scaling          optional allometric scaling; without it nothing scales with weight
 */
public record PkModel(String name, double volumeL, double clearanceLPerH, List<Peripheral> peripherals,
                      Map<Route, List<Absorption>> routes, Optional<Metabolite> metabolite,
                      Optional<Metabolite> secondMetabolite, Optional<HepaticCompartment> liver,
                      Optional<EffectSite> effectSite, Optional<EffectSite> painEffectSite,
                      Optional<AllometricScaling> scaling) {

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
        EnumMap<Route, List<Absorption>> copy = new EnumMap<>(Route.class);
        routes.forEach((route, paths) -> {
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("route " + route.id() + " has no absorption path");
            }
            copy.put(route, List.copyOf(paths));
        });
        routes = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(metabolite, "metabolite");
        Objects.requireNonNull(secondMetabolite, "secondMetabolite");
        Objects.requireNonNull(liver, "liver");
        Objects.requireNonNull(effectSite, "effectSite");
        Objects.requireNonNull(painEffectSite, "painEffectSite");
        Objects.requireNonNull(scaling, "scaling");
        if (secondMetabolite.isPresent() && metabolite.isEmpty()) {
            throw new IllegalArgumentException("a second metabolite needs a first");
        }
        for (List<Absorption> paths : routes.values()) {
            for (Absorption a : paths) {
                if (a.target() == AbsorptionTarget.LIVER && liver.isEmpty()) {
                    throw new IllegalArgumentException("an absorption path targets the liver, but the model has none");
                }
                if (a.target() == AbsorptionTarget.METABOLISM && metabolite.isEmpty()) {
                    throw new IllegalArgumentException("an absorption path targets metabolism, but the model has no "
                            + "metabolite");
                }
            }
        }
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
        return new PkModel(name, volumeL, clearanceLPerH, List.of(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param peripheral a peripheral compartment to add (the second, then the third)
     * @return a new model with it
     */
    public PkModel withPeripheral(Peripheral peripheral) {
        List<Peripheral> more = new ArrayList<>(peripherals);
        more.add(peripheral);
        return new PkModel(name, volumeL, clearanceLPerH, more, routes, metabolite, secondMetabolite, liver,
                effectSite, painEffectSite, scaling);
    }

    /**
     * @param route      an extravascular route
     * @param absorption its one absorption path (replacing any the model had)
     * @return a new model with it
     */
    public PkModel withRoute(Route route, Absorption absorption) {
        return withRoute(route, List.of(absorption));
    }

    /**
     * @param route an extravascular route
     * @param paths its absorption paths, which share each dose (replacing any the model had)
     * @return a new model with them
     */
    public PkModel withRoute(Route route, List<Absorption> paths) {
        Map<Route, List<Absorption>> more = new EnumMap<>(Route.class);
        more.putAll(routes);
        more.put(route, paths);
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, more, metabolite, secondMetabolite, liver,
                effectSite, painEffectSite, scaling);
    }

    /**
     * @param value the metabolite
     * @return a new model with it
     */
    public PkModel withMetabolite(Metabolite value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, Optional.of(value), secondMetabolite,
                liver, effectSite, painEffectSite, scaling);
    }

    /**
     * @param value a metabolite formed from the first metabolite's clearance
     * @return a new model with it
     */
    public PkModel withSecondMetabolite(Metabolite value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, metabolite, Optional.of(value), liver,
                effectSite, painEffectSite, scaling);
    }

    /**
     * @param value the hepato-portal compartment
     * @return a new model with it
     */
    public PkModel withLiver(HepaticCompartment value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, metabolite, secondMetabolite,
                Optional.of(value), effectSite, painEffectSite, scaling);
    }

    /**
     * @param value the effect site
     * @return a new model with it
     */
    public PkModel withEffectSite(EffectSite value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, metabolite, secondMetabolite, liver,
                Optional.of(value), painEffectSite, scaling);
    }

    /**
     * @param value the slow effect compartment of chronic pain relief
     * @return a new model with it
     */
    public PkModel withPainEffectSite(EffectSite value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, metabolite, secondMetabolite, liver,
                effectSite, Optional.of(value), scaling);
    }

    /**
     * @param value the allometric scaling
     * @return a new model with it
     */
    public PkModel withScaling(AllometricScaling value) {
        return new PkModel(name, volumeL, clearanceLPerH, peripherals, routes, metabolite, secondMetabolite, liver,
                effectSite, painEffectSite, Optional.of(value));
    }

    /** @return the number of parent compartments, 1 to 3 */
    public int compartments() {
        return peripherals.size() + 1;
    }

    /**
     * The model of one patient: volumes, clearances and flows (parent and metabolites) multiplied by
     * the scaling factors for this weight (see {@link AllometricScaling}). Absorption, transit
     * times, the liver and ke0 do not scale.
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
        List<Peripheral> scaledPeripherals = peripherals.stream().map(p -> scale(p, fpv, fq)).toList();
        return new PkModel(name, volumeL * fv, clearanceLPerH * fc, scaledPeripherals, routes,
                metabolite.map(m -> m.scaled(fv, fc, m.peripheral().map(p -> scale(p, fpv, fq)))),
                secondMetabolite.map(m -> m.scaled(fv, fc, m.peripheral().map(p -> scale(p, fpv, fq)))),
                liver, effectSite, painEffectSite, Optional.empty());
    }

    private static Peripheral scale(Peripheral p, double volumeFactor, double clearanceFactor) {
        return new Peripheral(p.volumeL() * volumeFactor, p.flowLPerH() * clearanceFactor);
    }
}
