package org.ketasim.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state-space form {@code x' = A x + u(t)} of an individual {@link PkModel}, where {@code u} is
 * the dose input rate into each state (mg/h) and boluses are jumps of {@code x}.
 *
 * <p>States, in this order (absent parts have no state):
 * <ol>
 *   <li>one absorption depot per extravascular route of the model (mg), in {@link Route} order;</li>
 *   <li>the parent's central compartment, then its peripherals (mg);</li>
 *   <li>the metabolite's central compartment, then its peripheral (mg of metabolite);</li>
 *   <li>the effect-site concentration Ce (mg/L);</li>
 *   <li>the running integral of the parent plasma concentration, AUC (mg&middot;h/L), and of the
 *       metabolite's where there is one. These never feed back, so the exact solver returns the
 *       exact AUC (no trapezoid rule).</li>
 * </ol>
 * Instances are immutable and thread-safe; {@link #matrix()} returns a copy.
 */
public final class LinearSystem {

    /** Converts mg/L, the concentration unit of the states, to ng/mL. */
    private static final double MG_PER_L_TO_NG_PER_ML = 1000.0;

    private final double[][] a;
    private final List<String> stateNames;
    private final Map<Route, InputChannel> channels;
    private final int central;
    private final int metaboliteCentral;
    private final int effect;
    private final int aucParent;
    private final int aucMetabolite;
    private final double centralVolumeL;
    private final double metaboliteVolumeL;

    private LinearSystem(Builder b) {
        this.a = b.a;
        this.stateNames = Collections.unmodifiableList(b.names);
        this.channels = Collections.unmodifiableMap(b.channels);
        this.central = b.central;
        this.metaboliteCentral = b.metaboliteCentral;
        this.effect = b.effect;
        this.aucParent = b.aucParent;
        this.aucMetabolite = b.aucMetabolite;
        this.centralVolumeL = b.centralVolumeL;
        this.metaboliteVolumeL = b.metaboliteVolumeL;
    }

    /**
     * Builds the state-space system of an individual model.
     *
     * @param individual a model for one patient; its scaling, if any, is ignored, so apply
     *                   {@link PkModel#forWeight(double)} first
     * @return the system
     */
    public static LinearSystem of(PkModel individual) {
        return new Builder(individual).build();
    }

    /** @return the number of states */
    public int dimension() {
        return a.length;
    }

    /** @return a copy of the system matrix A (1/h) */
    public double[][] matrix() {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** @return a short name per state, e.g. {@code central}, {@code depot:oral}, {@code auc:parent} */
    public List<String> stateNames() {
        return stateNames;
    }

    /**
     * @param route a route of administration
     * @return where and how its doses enter, if the model supports the route
     */
    public Optional<InputChannel> channel(Route route) {
        return Optional.ofNullable(channels.get(route));
    }

    /** @return the routes this system accepts doses by (IV and the model's extravascular routes) */
    public List<Route> routes() {
        return List.copyOf(channels.keySet());
    }

    /** @return index of the parent's central compartment */
    public int centralIndex() {
        return central;
    }

    /** @return index of the parent AUC state */
    public int aucParentIndex() {
        return aucParent;
    }

    /** @return index of the metabolite AUC state, or -1 without a metabolite */
    public int aucMetaboliteIndex() {
        return aucMetabolite;
    }

    /** @return whether the system has a metabolite */
    public boolean hasMetabolite() {
        return metaboliteCentral >= 0;
    }

    /** @return whether the system has an effect site */
    public boolean hasEffectSite() {
        return effect >= 0;
    }

    /**
     * @param state a state vector
     * @return parent plasma concentration Cp (ng/mL)
     */
    public double parentConcentration(double[] state) {
        return state[central] / centralVolumeL * MG_PER_L_TO_NG_PER_ML;
    }

    /**
     * @param state a state vector
     * @return metabolite plasma concentration (ng/mL), NaN without a metabolite
     */
    public double metaboliteConcentration(double[] state) {
        return metaboliteCentral < 0 ? Double.NaN
                : state[metaboliteCentral] / metaboliteVolumeL * MG_PER_L_TO_NG_PER_ML;
    }

    /**
     * @param state a state vector
     * @return effect-site concentration Ce (ng/mL), NaN without an effect site
     */
    public double effectConcentration(double[] state) {
        return effect < 0 ? Double.NaN : state[effect] * MG_PER_L_TO_NG_PER_ML;
    }

    /**
     * @param state a state vector
     * @return AUC of the parent plasma concentration so far (ng&middot;h/mL)
     */
    public double parentAuc(double[] state) {
        return state[aucParent] * MG_PER_L_TO_NG_PER_ML;
    }

    /**
     * @param state a state vector
     * @return AUC of the metabolite plasma concentration so far (ng&middot;h/mL), NaN without one
     */
    public double metaboliteAuc(double[] state) {
        return aucMetabolite < 0 ? Double.NaN : state[aucMetabolite] * MG_PER_L_TO_NG_PER_ML;
    }

    /** Assigns state indices and fills A. */
    private static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final Map<Route, InputChannel> channels = new EnumMap<>(Route.class);
        private double[][] a;
        private int central;
        private int metaboliteCentral = -1;
        private int effect = -1;
        private int aucParent;
        private int aucMetabolite = -1;
        private double centralVolumeL;
        private double metaboliteVolumeL = Double.NaN;
        private final PkModel model;

        Builder(PkModel model) {
            this.model = model;
        }

        private int add(String name) {
            names.add(name);
            return names.size() - 1;
        }

        LinearSystem build() {
            Map<Route, Integer> depots = new EnumMap<>(Route.class);
            model.routes().keySet().forEach(r -> depots.put(r, add("depot:" + r.id())));
            central = add("central");
            List<Integer> peripherals = new ArrayList<>();
            for (int i = 0; i < model.peripherals().size(); i++) {
                peripherals.add(add("peripheral" + (i + 2)));
            }
            Optional<Metabolite> metabolite = model.metabolite();
            int metabolitePeripheral = -1;
            if (metabolite.isPresent()) {
                metaboliteCentral = add("metabolite:central");
                if (metabolite.get().peripheral().isPresent()) {
                    metabolitePeripheral = add("metabolite:peripheral");
                }
            }
            if (model.effectSite().isPresent()) {
                effect = add("effect");
            }
            aucParent = add("auc:parent");
            if (metabolite.isPresent()) {
                aucMetabolite = add("auc:metabolite");
            }
            a = new double[names.size()][names.size()];
            centralVolumeL = model.volumeL();

            channels.put(Route.IV, new InputChannel(central, 1.0, 0.0));
            depots.forEach((route, depot) -> {
                Absorption abs = model.routes().get(route);
                a[depot][depot] -= abs.kaPerH();
                a[central][depot] += abs.kaPerH();
                channels.put(route, new InputChannel(depot, abs.bioavailability(), abs.lagH()));
            });

            double v1 = model.volumeL();
            a[central][central] -= model.clearanceLPerH() / v1;
            for (int i = 0; i < peripherals.size(); i++) {
                link(central, v1, peripherals.get(i), model.peripherals().get(i));
            }
            if (metabolite.isPresent()) {
                Metabolite m = metabolite.get();
                metaboliteVolumeL = m.volumeL();
                a[metaboliteCentral][central] += m.fraction() * m.molarMassRatio() * model.clearanceLPerH() / v1;
                a[metaboliteCentral][metaboliteCentral] -= m.clearanceLPerH() / m.volumeL();
                if (metabolitePeripheral >= 0) {
                    link(metaboliteCentral, m.volumeL(), metabolitePeripheral, m.peripheral().get());
                }
                a[aucMetabolite][metaboliteCentral] += 1.0 / m.volumeL();
            }
            model.effectSite().ifPresent(e -> {
                a[effect][central] += e.ke0PerH() / v1;
                a[effect][effect] -= e.ke0PerH();
            });
            a[aucParent][central] += 1.0 / v1;
            return new LinearSystem(this);
        }

        /** Adds the two-way exchange between a central compartment and one of its peripherals. */
        private void link(int centralIndex, double centralVolume, int peripheralIndex, Peripheral p) {
            double out = p.flowLPerH() / centralVolume;
            double back = p.flowLPerH() / p.volumeL();
            a[centralIndex][centralIndex] -= out;
            a[peripheralIndex][centralIndex] += out;
            a[peripheralIndex][peripheralIndex] -= back;
            a[centralIndex][peripheralIndex] += back;
        }
    }
}
