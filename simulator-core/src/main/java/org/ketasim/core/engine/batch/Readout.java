package org.ketasim.core.engine.batch;

import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Route;

/**
 * What one unit of each state reads as, in ng/mL: the parent, metabolite and effect-site
 * concentrations are {@code parent . x}, {@code metabolite . x} and {@code effect . x}. A
 * concentration the system lacks reads as zero.
 *
 * @param parent     parent concentration per unit of each state
 * @param metabolite metabolite concentration per unit of each state
 * @param effect     effect-site concentration per unit of each state
 * @param input      the state the IV rate enters
 */
record Readout(double[] parent, double[] metabolite, double[] effect, int input) {

    static Readout of(LinearSystem system) {
        int d = system.dimension();
        double[] parent = new double[d];
        double[] metabolite = new double[d];
        double[] effect = new double[d];
        double[] unit = new double[d];
        for (int j = 0; j < d; j++) {
            unit[j] = 1;
            parent[j] = system.parentConcentration(unit);
            metabolite[j] = system.hasMetabolite() ? system.metaboliteConcentration(unit) : 0;
            effect[j] = system.hasEffectSite() ? system.effectConcentration(unit) : 0;
            unit[j] = 0;
        }
        return new Readout(parent, metabolite, effect, system.channels(Route.IV).get(0).stateIndex());
    }
}
