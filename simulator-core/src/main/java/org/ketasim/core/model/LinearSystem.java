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
 *   <li>per extravascular route and absorption path, a depot and the path's transit compartments (mg);</li>
 *   <li>the parent's central compartment, then its peripherals, then the liver (mg);</li>
 *   <li>the metabolite's formation delay, central compartment and peripheral (mg of metabolite, or
 *       of parent in the delay), then the same for the second metabolite;</li>
 *   <li>the effect-site concentration Ce (mg/L), then the slow pain-relief effect-site
 *       concentration (mg/L);</li>
 *   <li>the running integral of the parent plasma concentration, AUC (mg&middot;h/L), and of each
 *       metabolite's. These never feed back, so the exact solver returns the exact AUC (no
 *       trapezoid rule).</li>
 * </ol>
 * Instances are immutable and thread-safe; {@link #matrix()} returns a copy.
 */
public final class LinearSystem {

    /** Converts mg/L, the concentration unit of the states, to ng/mL. */
    private static final double MG_PER_L_TO_NG_PER_ML = 1000.0;

    private final double[][] a;
    private final List<String> stateNames;
    private final Map<Route, List<InputChannel>> channels;
    private final int central;
    private final int[] metaboliteCentral;
    private final double[] metaboliteVolumeL;
    private final int[] aucMetabolite;
    private final int effect;
    private final int painEffect;
    private final int aucParent;
    private final double centralVolumeL;

    private LinearSystem(Builder b) {
        this.a = b.a;
        this.stateNames = Collections.unmodifiableList(b.names);
        this.channels = Collections.unmodifiableMap(b.channels);
        this.central = b.central;
        this.metaboliteCentral = b.metaboliteCentral;
        this.metaboliteVolumeL = b.metaboliteVolumeL;
        this.aucMetabolite = b.aucMetabolite;
        this.effect = b.effect;
        this.painEffect = b.painEffect;
        this.aucParent = b.aucParent;
        this.centralVolumeL = b.model.volumeL();
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
     * @return the paths by which its doses enter, empty if the model lacks the route
     */
    public List<InputChannel> channels(Route route) {
        return channels.getOrDefault(route, List.of());
    }

    /** @return the routes this system accepts doses by (IV and the model's extravascular routes) */
    public List<Route> routes() {
        return List.copyOf(channels.keySet());
    }

    /** @return index of the parent's central compartment */
    public int centralIndex() {
        return central;
    }

    /**
     * @param o an observable
     * @return whether this system has it (the parent always; the others where the model has the
     *         metabolite or effect site)
     */
    public boolean has(Observable o) {
        return switch (o) {
            case PARENT -> true;
            case METABOLITE -> metaboliteCentral[0] >= 0;
            case METABOLITE2 -> metaboliteCentral[1] >= 0;
            case EFFECT -> effect >= 0;
            case PAIN_EFFECT -> painEffect >= 0;
        };
    }

    /**
     * The row vector {@code r} with {@code value = r . x} (ng/mL) for a state vector {@code x}.
     *
     * @param o an observable this system has
     * @return a new array of {@link #dimension()} weights, zero but for one state
     * @throws IllegalArgumentException if the system lacks the observable
     */
    public double[] readout(Observable o) {
        if (!has(o)) {
            throw new IllegalArgumentException("the system has no " + o.name().toLowerCase(java.util.Locale.ROOT)
                    + " concentration");
        }
        double[] r = new double[a.length];
        switch (o) {
            case PARENT -> r[central] = MG_PER_L_TO_NG_PER_ML / centralVolumeL;
            case METABOLITE, METABOLITE2 -> {
                int w = o == Observable.METABOLITE ? 0 : 1;
                r[metaboliteCentral[w]] = MG_PER_L_TO_NG_PER_ML / metaboliteVolumeL[w];
            }
            case EFFECT -> r[effect] = MG_PER_L_TO_NG_PER_ML;
            case PAIN_EFFECT -> r[painEffect] = MG_PER_L_TO_NG_PER_ML;
        }
        return r;
    }

    /**
     * @param o {@link Observable#PARENT} or {@link Observable#METABOLITE}
     * @return the index of its AUC state (mg&middot;h/L), or -1 where the system has none
     */
    public int aucIndex(Observable o) {
        return switch (o) {
            case PARENT -> aucParent;
            case METABOLITE -> aucMetabolite[0];
            default -> -1;
        };
    }

    /** @return the factor from an AUC state (mg&middot;h/L) to ng&middot;h/mL */
    public static double aucToNgHPerMl() {
        return MG_PER_L_TO_NG_PER_ML;
    }

    /** @return index of the parent AUC state */
    public int aucParentIndex() {
        return aucParent;
    }

    /**
     * @param state a state index
     * @return whether it is one of the AUC states (running integrals that never feed back)
     */
    public boolean isAuc(int state) {
        return state == aucParent || state == aucMetabolite[0] || state == aucMetabolite[1];
    }

    /** @return whether the system has a metabolite */
    public boolean hasMetabolite() {
        return metaboliteCentral[0] >= 0;
    }

    /** @return whether the system has a second metabolite (formed from the first) */
    public boolean hasSecondMetabolite() {
        return metaboliteCentral[1] >= 0;
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
        return metabolite(state, 0);
    }

    /**
     * @param state a state vector
     * @return second metabolite plasma concentration (ng/mL), NaN without one
     */
    public double secondMetaboliteConcentration(double[] state) {
        return metabolite(state, 1);
    }

    private double metabolite(double[] state, int which) {
        int i = metaboliteCentral[which];
        return i < 0 ? Double.NaN : state[i] / metaboliteVolumeL[which] * MG_PER_L_TO_NG_PER_ML;
    }

    /**
     * @param state a state vector
     * @return effect-site concentration Ce (ng/mL), NaN without an effect site
     */
    public double effectConcentration(double[] state) {
        return effect < 0 ? Double.NaN : state[effect] * MG_PER_L_TO_NG_PER_ML;
    }

    /** @return whether the system has the slow effect site of chronic pain relief */
    public boolean hasPainEffectSite() {
        return painEffect >= 0;
    }

    /**
     * @param state a state vector
     * @return pain-relief effect-site concentration (ng/mL), NaN without one
     */
    public double painEffectConcentration(double[] state) {
        return painEffect < 0 ? Double.NaN : state[painEffect] * MG_PER_L_TO_NG_PER_ML;
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
        return aucMetabolite[0] < 0 ? Double.NaN : state[aucMetabolite[0]] * MG_PER_L_TO_NG_PER_ML;
    }

    /** Assigns state indices and fills A. */
    private static final class Builder {
        private final PkModel model;
        private final List<String> names = new ArrayList<>();
        private final Map<Route, List<InputChannel>> channels = new EnumMap<>(Route.class);
        private final List<double[]> links = new ArrayList<>();   // {from, to, rate}: flux rate * x[from]
        private final int[] metaboliteCentral = {-1, -1};
        private final int[] formationEntry = {-1, -1};
        private final double[] formationYield = {0, 0};
        private final double[] metaboliteVolumeL = {Double.NaN, Double.NaN};
        private final int[] aucMetabolite = {-1, -1};
        private double[][] a;
        private int central;
        private int liver = -1;
        private int effect = -1;
        private int painEffect = -1;
        private int aucParent;

        Builder(PkModel model) {
            this.model = model;
        }

        private int add(String name) {
            names.add(name);
            return names.size() - 1;
        }

        /** Mass flux {@code rate * x[from]} leaves {@code from} and, unless {@code to} is -1, enters {@code to}. */
        private void flow(int from, int to, double rate) {
            links.add(new double[] {from, to, rate});
        }

        /** A flux into {@code to} scaled by {@code yield} (fraction x molar mass ratio), leaving {@code from} whole. */
        private void convert(int from, int to, double rate, double yield) {
            flow(from, -1, rate);
            links.add(new double[] {from, to, rate * yield, 1});
        }

        LinearSystem build() {
            Map<Route, List<int[]>> pathStates = new EnumMap<>(Route.class);
            model.routes().forEach((route, paths) -> {
                List<int[]> states = new ArrayList<>();
                for (int j = 0; j < paths.size(); j++) {
                    String suffix = route.id() + (paths.size() > 1 ? ":" + (j + 1) : "");
                    int depot = add("depot:" + suffix);
                    int chain = paths.get(j).transit().map(TransitChain::compartments).orElse(0);
                    int[] st = new int[chain + 1];
                    st[0] = depot;
                    for (int k = 1; k <= chain; k++) {
                        st[k] = add("transit:" + suffix + ":" + k);
                    }
                    states.add(st);
                }
                pathStates.put(route, states);
            });
            central = add("central");
            List<Integer> peripherals = new ArrayList<>();
            for (int i = 0; i < model.peripherals().size(); i++) {
                peripherals.add(add("peripheral" + (i + 2)));
            }
            if (model.liver().isPresent()) {
                liver = add("liver");
            }
            List<Optional<Metabolite>> metabolites = List.of(model.metabolite(), model.secondMetabolite());
            int[][] delays = new int[2][];
            int[] metabolitePeripheral = {-1, -1};
            for (int w = 0; w < 2; w++) {
                if (metabolites.get(w).isEmpty()) {
                    continue;
                }
                Metabolite m = metabolites.get(w).get();
                String label = w == 0 ? "metabolite" : "metabolite2";
                int chain = m.formationDelay().map(TransitChain::compartments).orElse(0);
                delays[w] = new int[chain];
                for (int k = 0; k < chain; k++) {
                    delays[w][k] = add(label + ":delay:" + (k + 1));
                }
                metaboliteCentral[w] = add(label + ":central");
                if (m.peripheral().isPresent()) {
                    metabolitePeripheral[w] = add(label + ":peripheral");
                }
            }
            if (model.effectSite().isPresent()) {
                effect = add("effect");
            }
            if (model.painEffectSite().isPresent()) {
                painEffect = add("effect:pain");
            }
            aucParent = add("auc:parent");
            for (int w = 0; w < 2; w++) {
                if (metaboliteCentral[w] >= 0) {
                    aucMetabolite[w] = add(w == 0 ? "auc:metabolite" : "auc:metabolite2");
                }
            }
            a = new double[names.size()][names.size()];

            for (int w = 0; w < 2; w++) {
                if (metaboliteCentral[w] >= 0) {
                    Metabolite m = metabolites.get(w).get();
                    formationEntry[w] = delays[w].length == 0 ? metaboliteCentral[w] : delays[w][0];
                    formationYield[w] = m.fraction() * m.molarMassRatio();
                }
            }
            for (int w = 0; w < 2; w++) {
                if (metaboliteCentral[w] < 0) {
                    continue;
                }
                Metabolite m = metabolites.get(w).get();
                if (delays[w].length > 0) {
                    double k = m.formationDelay().get().ratePerH();
                    for (int i = 0; i + 1 < delays[w].length; i++) {
                        flow(delays[w][i], delays[w][i + 1], k);
                    }
                    convert(delays[w][delays[w].length - 1], metaboliteCentral[w], k, formationYield[w]);
                }
                metaboliteVolumeL[w] = m.volumeL();
                double ke = m.clearanceLPerH() / m.volumeL();
                if (w == 0 && metaboliteCentral[1] >= 0) {
                    feed(metaboliteCentral[0], 1, ke);
                } else {
                    flow(metaboliteCentral[w], -1, ke);
                }
                if (metabolitePeripheral[w] >= 0) {
                    exchange(metaboliteCentral[w], m.volumeL(), metabolitePeripheral[w], m.peripheral().get());
                }
                a[aucMetabolite[w]][metaboliteCentral[w]] += 1.0 / m.volumeL();
            }

            channels.put(Route.IV, List.of(new InputChannel(central, 1.0, 0.0, 0.0, Optional.empty())));
            model.routes().forEach((route, paths) -> {
                List<InputChannel> list = new ArrayList<>();
                for (int j = 0; j < paths.size(); j++) {
                    Absorption abs = paths.get(j);
                    int[] st = pathStates.get(route).get(j);
                    flow(st[0], st.length > 1 ? st[1] : -2, abs.kaPerH());
                    double ktr = abs.transit().map(TransitChain::ratePerH).orElse(0.0);
                    for (int k = 1; k < st.length; k++) {
                        flow(st[k], k + 1 < st.length ? st[k + 1] : -2, ktr);
                    }
                    retarget(st[st.length - 1], abs.target());
                    list.add(new InputChannel(st[0], abs.bioavailability(), abs.lagH(), abs.zeroOrderH(), abs.devices()));
                }
                channels.put(route, list);
            });

            double v1 = model.volumeL();
            double ke = model.clearanceLPerH() / v1;
            if (metaboliteCentral[0] >= 0) {
                feed(central, 0, ke);
            } else {
                flow(central, -1, ke);
            }
            for (int i = 0; i < peripherals.size(); i++) {
                exchange(central, v1, peripherals.get(i), model.peripherals().get(i));
            }
            model.liver().ifPresent(h -> {
                flow(central, liver, h.bloodFlowLPerH() / v1);
                flow(liver, central, h.bloodFlowLPerH() / h.volumeL());
                flow(liver, -1, h.otherEliminationPerH());
                if (metaboliteCentral[0] >= 0) {
                    feed(liver, 0, h.metabolismPerH());
                } else {
                    flow(liver, -1, h.metabolismPerH());
                }
            });
            model.effectSite().ifPresent(e -> drive(effect, e, v1));
            model.painEffectSite().ifPresent(e -> drive(painEffect, e, v1));
            a[aucParent][central] += 1.0 / v1;
            for (double[] l : links) {
                int from = (int) l[0];
                int to = (int) l[1];
                if (l.length == 4) {
                    a[to][from] += l[2];
                    continue;
                }
                a[from][from] -= l[2];
                if (to >= 0) {
                    a[to][from] += l[2];
                }
            }
            return new LinearSystem(this);
        }

        /** {@code dCe/dt = ke0 (A1/V1 - Ce)}: an effect site of negligible volume, driven by the parent. */
        private void drive(int site, EffectSite e, double v1) {
            a[site][central] += e.ke0PerH() / v1;
            a[site][site] -= e.ke0PerH();
        }

        /** Points the pending flows of an absorption path's last state (marked -2) at its target. */
        private void retarget(int last, AbsorptionTarget target) {
            for (int i = 0; i < links.size(); i++) {
                double[] l = links.get(i);
                if ((int) l[0] == last && (int) l[1] == -2) {
                    if (target == AbsorptionTarget.METABOLISM) {
                        links.remove(i);
                        feed(last, 0, l[2]);
                        return;
                    }
                    l[1] = target == AbsorptionTarget.LIVER ? liver : central;
                }
            }
        }

        /**
         * Mass flux {@code rate * x[from]} leaves {@code from} and forms metabolite {@code which}: whole
         * into its formation delay, whose end applies the yield, or at once, times the yield.
         */
        private void feed(int from, int which, double rate) {
            if (formationEntry[which] != metaboliteCentral[which]) {
                flow(from, formationEntry[which], rate);
            } else {
                convert(from, formationEntry[which], rate, formationYield[which]);
            }
        }

        /** Adds the two-way exchange between a central compartment and one of its peripherals. */
        private void exchange(int centralIndex, double centralVolume, int peripheralIndex, Peripheral p) {
            flow(centralIndex, peripheralIndex, p.flowLPerH() / centralVolume);
            flow(peripheralIndex, centralIndex, p.flowLPerH() / p.volumeL());
        }
    }
}
