package org.ketasim.core.engine;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.Route;

/**
 * Summary metrics of many subjects at once, for populations and benchmarks: the same
 * piecewise-constant IV rate schedule on a regular grid, each subject with its own parameters.
 *
 * <p>Each subject's system is diagonalised, {@code A = V diag(lambda) V^-1}, so every step is one
 * scalar recurrence per mode, {@code z <- exp(lambda h) z + g (exp(lambda h) - 1) / lambda u},
 * exact for a rate {@code u} held over the step. Concentrations are read as {@code c V z}, and
 * the AUC over a step is the exact integral of each mode. Subjects are held as structure of
 * arrays (one array per mode across subjects) so that the inner loops run over subjects and the
 * JIT can vectorise them. A subject whose matrix is not safely diagonalisable (repeated or nearly
 * repeated eigenvalues, e.g. equal transit rates, or complex ones) is solved with its dense
 * propagator {@code exp([[A, b], [0, 0]] h)} instead, which is exact for any matrix.
 *
 * <p>Rows are the grid times {@code 0, h, 2h, ...}; Cmax and Tmax are over those rows, as in
 * {@link org.ketasim.core.metrics.Summary}. Stateless and thread-safe.
 */
public final class BatchSolver {

    /** Eigenvalues closer than this (relative) count as repeated. */
    private static final double MIN_EIGEN_GAP = 1e-6;
    /** Largest accepted condition number of the eigenvector matrix. */
    private static final double MAX_CONDITION = 1e8;

    /**
     * Per-subject summaries, each array indexed by subject.
     *
     * @param cmaxParent     largest parent concentration among the rows (ng/mL)
     * @param tmaxParent     first row time of it (h)
     * @param aucParent      exact AUC of the parent from 0 to the end (ng&middot;h/mL)
     * @param cmaxMetabolite largest metabolite concentration (ng/mL), NaN without a metabolite
     * @param aucMetabolite  exact metabolite AUC (ng&middot;h/mL), NaN without a metabolite
     * @param cmaxEffect     largest effect-site concentration (ng/mL), NaN without an effect site
     * @param modal          how many subjects were solved in modal form (the others densely)
     */
    public record Summaries(double[] cmaxParent, double[] tmaxParent, double[] aucParent, double[] cmaxMetabolite,
                            double[] aucMetabolite, double[] cmaxEffect, int modal) {
    }

    /** A subject's readout rows (ng/mL per unit state) and its IV input state. */
    private record Readout(double[] parent, double[] metabolite, double[] effect, int input) {
    }

    private BatchSolver() {
    }

    /**
     * @param subjects  the subjects' systems, all of one structure (same states, same routes)
     * @param timeline  the dose timeline, built on the first subject's system; IV infusions only
     * @param durationH the end time (h), a whole number of steps
     * @param stepH     the grid step (h); every rate change must fall on the grid
     * @return the summaries
     * @throws IllegalArgumentException if the subjects differ in structure, the timeline has a
     *                                  bolus or non-IV input, or a rate changes off the grid
     */
    public static Summaries solve(List<LinearSystem> subjects, DoseTimeline timeline, double durationH, double stepH) {
        int steps = (int) Math.round(durationH / stepH);
        if (!(stepH > 0) || Math.abs(steps * stepH - durationH) > 1e-9 * durationH || steps < 1) {
            throw new IllegalArgumentException("the duration " + durationH + " h is not a whole number of steps of "
                    + stepH + " h");
        }
        double[] rates = stepRates(timeline, subjects.get(0).channels(Route.IV).get(0).stateIndex(), steps, stepH);
        int n = subjects.size();
        Summaries out = new Summaries(new double[n], new double[n], new double[n], new double[n], new double[n],
                new double[n], 0);
        int dimension = subjects.get(0).dimension();
        int[] modalIndex = new int[n];
        int modal = 0;
        Modes[] modes = new Modes[n];
        for (int s = 0; s < n; s++) {
            if (subjects.get(s).dimension() != dimension) {
                throw new IllegalArgumentException("subject " + s + " has " + subjects.get(s).dimension()
                        + " states, subject 0 has " + dimension);
            }
            Readout own = readout(subjects.get(s));
            modes[s] = Modes.of(subjects.get(s), own, stepH);
            if (modes[s] != null) {
                modalIndex[modal++] = s;
            } else {
                dense(subjects.get(s), own, rates, stepH, out, s);
            }
        }
        modal(modes, modalIndex, modal, rates, stepH, out);
        LinearSystem first = subjects.get(0);
        if (!first.hasMetabolite()) {
            java.util.Arrays.fill(out.cmaxMetabolite(), Double.NaN);
            java.util.Arrays.fill(out.aucMetabolite(), Double.NaN);
        }
        if (!first.hasEffectSite()) {
            java.util.Arrays.fill(out.cmaxEffect(), Double.NaN);
        }
        return new Summaries(out.cmaxParent(), out.tmaxParent(), out.aucParent(), out.cmaxMetabolite(),
                out.aucMetabolite(), out.cmaxEffect(), modal);
    }

    private static Readout readout(LinearSystem system) {
        int d = system.dimension();
        double[] parent = new double[d];
        double[] metabolite = new double[d];
        double[] effect = new double[d];
        for (int j = 0; j < d; j++) {
            double[] unit = new double[d];
            unit[j] = 1;
            parent[j] = system.parentConcentration(unit);
            metabolite[j] = system.hasMetabolite() ? system.metaboliteConcentration(unit) : 0;
            effect[j] = system.hasEffectSite() ? system.effectConcentration(unit) : 0;
        }
        return new Readout(parent, metabolite, effect,
                system.channels(Route.IV).get(0).stateIndex());
    }

    /** The IV rate held over each step (mg/h). */
    private static double[] stepRates(DoseTimeline timeline, int input, int steps, double stepH) {
        double[] rates = new double[steps];
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.jump(i) != null) {
                throw new IllegalArgumentException("the batch solver takes infusions only, not boluses");
            }
            double[] u = timeline.inputRate(i);
            for (int j = 0; j < u.length; j++) {
                if (j != input && u[j] != 0) {
                    throw new IllegalArgumentException("the batch solver takes IV infusions only");
                }
            }
            double start = timeline.time(i);
            double k = start / stepH;
            if (Math.abs(k - Math.rint(k)) > 1e-9 * Math.max(1, k)) {
                throw new IllegalArgumentException("a rate changes at " + start + " h, off the " + stepH + " h grid");
            }
            for (int step = (int) Math.rint(k); step < steps; step++) {
                rates[step] = u[input];
            }
        }
        return rates;
    }

    /** One subject in modal form: per mode the decay, the gain per unit rate, readouts and AUC weights. */
    private record Modes(double[] decay, double[] gain, double[] parent, double[] metabolite, double[] effect,
                         double[] aucParent, double[] aucMetabolite, double inputAucParent, double inputAucMetabolite) {

        /** @return the subject's modes, or null if its matrix is not safely diagonalisable */
        static Modes of(LinearSystem system, Readout r, double h) {
            double[][] full = system.matrix();
            int[] core = java.util.stream.IntStream.range(0, full.length).filter(j -> !system.isAuc(j)).toArray();
            int m = core.length;
            double[][] a = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a[i][j] = full[core[i]][core[j]];
                }
            }
            RealMatrix matrix = new Array2DRowRealMatrix(a, false);
            EigenDecomposition eigen;
            try {
                eigen = new EigenDecomposition(matrix);
            } catch (RuntimeException e) {
                return null;
            }
            if (eigen.hasComplexEigenvalues()) {
                return null;
            }
            double[] lambda = eigen.getRealEigenvalues();
            double scale = 0;
            for (double l : lambda) {
                scale = Math.max(scale, Math.abs(l));
            }
            for (int i = 0; i < m; i++) {
                if (Math.abs(lambda[i]) <= MIN_EIGEN_GAP * scale) {
                    return null;
                }
                for (int j = i + 1; j < m; j++) {
                    if (Math.abs(lambda[i] - lambda[j]) <= MIN_EIGEN_GAP * scale) {
                        return null;
                    }
                }
            }
            RealMatrix v = eigen.getV();
            LUDecomposition lu = new LUDecomposition(v);
            if (!lu.getSolver().isNonSingular()) {
                return null;
            }
            RealMatrix vInverse = lu.getSolver().getInverse();
            if (v.getNorm() * vInverse.getNorm() > MAX_CONDITION) {
                return null;
            }
            int input = java.util.Arrays.binarySearch(core, r.input());
            double[] decay = new double[m];
            double[] gain = new double[m];
            double[] parent = new double[m];
            double[] metabolite = new double[m];
            double[] effect = new double[m];
            double[] aucParent = new double[m];
            double[] aucMetabolite = new double[m];
            double inputAucParent = 0;
            double inputAucMetabolite = 0;
            for (int k = 0; k < m; k++) {
                double e = Math.exp(lambda[k] * h);
                double p = Math.expm1(lambda[k] * h) / lambda[k];
                double g = vInverse.getEntry(k, input);
                decay[k] = e;
                gain[k] = g * p;
                for (int i = 0; i < m; i++) {
                    parent[k] += r.parent()[core[i]] * v.getEntry(i, k);
                    metabolite[k] += r.metabolite()[core[i]] * v.getEntry(i, k);
                    effect[k] += r.effect()[core[i]] * v.getEntry(i, k);
                }
                aucParent[k] = parent[k] * p;
                aucMetabolite[k] = metabolite[k] * p;
                double q = g * (p - h) / lambda[k];
                inputAucParent += parent[k] * q;
                inputAucMetabolite += metabolite[k] * q;
            }
            return new Modes(decay, gain, parent, metabolite, effect, aucParent, aucMetabolite, inputAucParent,
                    inputAucMetabolite);
        }
    }

    /** Subjects stepped together: small enough that a block's arrays stay in the L1/L2 cache. */
    private static final int BLOCK = 64;

    /** The modal subjects, in blocks, each transposed to structure of arrays and stepped together. */
    private static void modal(Modes[] all, int[] index, int n, double[] rates, double h, Summaries out) {
        if (n == 0) {
            return;
        }
        double inputTotal = 0;
        for (double u : rates) {
            inputTotal += u;
        }
        if (all[index[0]].decay().length <= KERNEL_MODES) {
            for (int s = 0; s < n; s++) {
                kernel(all[index[s]], index[s], rates, inputTotal, h, out);
            }
            return;
        }
        for (int from = 0; from < n; from += BLOCK) {
            block(all, java.util.Arrays.copyOfRange(index, from, Math.min(n, from + BLOCK)), rates, inputTotal, h, out);
        }
    }

    /** The most modes the register kernel holds; systems with fewer are padded with empty modes. */
    private static final int KERNEL_MODES = 8;

    /**
     * One subject of at most {@link #KERNEL_MODES} modes with every value in a local variable, so
     * that the JIT keeps the whole step in registers (no array traffic per step).
     */
    private static void kernel(Modes modes, int subject, double[] rates, double inputTotal, double h, Summaries out) {
        double[] d = padded(modes.decay());
        double[] g = padded(modes.gain());
        double[] p = padded(modes.parent());
        double[] m = padded(modes.metabolite());
        double[] e = padded(modes.effect());
        double d0 = d[0], d1 = d[1], d2 = d[2], d3 = d[3], d4 = d[4], d5 = d[5], d6 = d[6], d7 = d[7];
        double g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4], g5 = g[5], g6 = g[6], g7 = g[7];
        double p0 = p[0], p1 = p[1], p2 = p[2], p3 = p[3], p4 = p[4], p5 = p[5], p6 = p[6], p7 = p[7];
        double m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7];
        double e0 = e[0], e1 = e[1], e2 = e[2], e3 = e[3], e4 = e[4], e5 = e[5], e6 = e[6], e7 = e[7];
        double z0 = 0, z1 = 0, z2 = 0, z3 = 0, z4 = 0, z5 = 0, z6 = 0, z7 = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double cmaxP = 0;
        int peak = -1;
        double cmaxM = 0;
        double cmaxE = 0;
        for (int step = 0; step < rates.length; step++) {
            double u = rates[step];
            s0 += z0; s1 += z1; s2 += z2; s3 += z3; s4 += z4; s5 += z5; s6 += z6; s7 += z7;
            z0 = d0 * z0 + g0 * u; z1 = d1 * z1 + g1 * u; z2 = d2 * z2 + g2 * u; z3 = d3 * z3 + g3 * u;
            z4 = d4 * z4 + g4 * u; z5 = d5 * z5 + g5 * u; z6 = d6 * z6 + g6 * u; z7 = d7 * z7 + g7 * u;
            double cp = p0 * z0 + p1 * z1 + p2 * z2 + p3 * z3 + p4 * z4 + p5 * z5 + p6 * z6 + p7 * z7;
            double cm = m0 * z0 + m1 * z1 + m2 * z2 + m3 * z3 + m4 * z4 + m5 * z5 + m6 * z6 + m7 * z7;
            double ce = e0 * z0 + e1 * z1 + e2 * z2 + e3 * z3 + e4 * z4 + e5 * z5 + e6 * z6 + e7 * z7;
            if (cp > cmaxP) {
                cmaxP = cp;
                peak = step;
            }
            cmaxM = Math.max(cmaxM, cm);
            cmaxE = Math.max(cmaxE, ce);
        }
        double[] sums = {s0, s1, s2, s3, s4, s5, s6, s7};
        double aucP = modes.inputAucParent() * inputTotal;
        double aucM = modes.inputAucMetabolite() * inputTotal;
        for (int k = 0; k < modes.decay().length; k++) {
            aucP += modes.aucParent()[k] * sums[k];
            aucM += modes.aucMetabolite()[k] * sums[k];
        }
        store(out, subject, cmaxP, (peak + 1) * h, aucP, cmaxM, aucM, cmaxE);
    }

    private static double[] padded(double[] values) {
        return java.util.Arrays.copyOf(values, KERNEL_MODES);
    }

    /**
     * Steps one block. The AUC needs no work per step: over a step, a mode contributes
     * {@code p z(start)} (weighted by its readout) and the input {@code q u}, so the AUC is
     * {@code sum_k w_k p_k S_k + Q sum(u)} with {@code S_k} the running sum of the mode's values.
     */
    private static void block(Modes[] all, int[] index, double[] rates, double inputTotal, double h, Summaries out) {
        int n = index.length;
        int m = all[index[0]].decay().length;
        double[][] z = new double[m][n];
        double[][] sum = new double[m][n];
        double[][] decay = new double[m][n];
        double[][] gain = new double[m][n];
        double[][] wp = new double[m][n];
        double[][] wm = new double[m][n];
        double[][] we = new double[m][n];
        for (int s = 0; s < n; s++) {
            Modes modes = all[index[s]];
            for (int k = 0; k < m; k++) {
                decay[k][s] = modes.decay()[k];
                gain[k][s] = modes.gain()[k];
                wp[k][s] = modes.parent()[k];
                wm[k][s] = modes.metabolite()[k];
                we[k][s] = modes.effect()[k];
            }
        }
        double[] cp = new double[n];
        double[] cm = new double[n];
        double[] ce = new double[n];
        double[] cmaxP = new double[n];
        double[] tmaxP = new double[n];
        double[] cmaxM = new double[n];
        double[] cmaxE = new double[n];
        for (int step = 0; step < rates.length; step++) {
            double u = rates[step];
            java.util.Arrays.fill(cp, 0);
            java.util.Arrays.fill(cm, 0);
            java.util.Arrays.fill(ce, 0);
            for (int k = 0; k < m; k++) {
                double[] zk = z[k];
                double[] sk = sum[k];
                double[] dk = decay[k];
                double[] gk = gain[k];
                double[] wpk = wp[k];
                double[] wmk = wm[k];
                double[] wek = we[k];
                for (int s = 0; s < n; s++) {
                    double old = zk[s];
                    sk[s] += old;
                    double next = dk[s] * old + gk[s] * u;
                    zk[s] = next;
                    cp[s] += wpk[s] * next;
                    cm[s] += wmk[s] * next;
                    ce[s] += wek[s] * next;
                }
            }
            double t = (step + 1) * h;
            for (int s = 0; s < n; s++) {
                if (cp[s] > cmaxP[s]) {
                    cmaxP[s] = cp[s];
                    tmaxP[s] = t;
                }
                cmaxM[s] = Math.max(cmaxM[s], cm[s]);
                cmaxE[s] = Math.max(cmaxE[s], ce[s]);
            }
        }
        for (int s = 0; s < n; s++) {
            Modes modes = all[index[s]];
            double aucP = modes.inputAucParent() * inputTotal;
            double aucM = modes.inputAucMetabolite() * inputTotal;
            for (int k = 0; k < m; k++) {
                aucP += modes.aucParent()[k] * sum[k][s];
                aucM += modes.aucMetabolite()[k] * sum[k][s];
            }
            store(out, index[s], cmaxP[s], tmaxP[s], aucP, cmaxM[s], aucM, cmaxE[s]);
        }
    }

    /** One subject with its dense propagator (any matrix, e.g. repeated eigenvalues). */
    private static void dense(LinearSystem system, Readout r, double[] rates, double h, Summaries out, int s) {
        double[][] a = system.matrix();
        int d = a.length;
        double[][] augmented = new double[d + 1][d + 1];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, augmented[i], 0, d);
        }
        augmented[r.input()][d] = 1;
        double[][] scaled = new double[d + 1][d + 1];
        for (int i = 0; i <= d; i++) {
            for (int j = 0; j <= d; j++) {
                scaled[i][j] = augmented[i][j] * h;
            }
        }
        double[][] phi = MatrixExponential.exp(scaled);
        double[] x = new double[d];
        double[] next = new double[d];
        double cmaxP = 0;
        double tmaxP = 0;
        double cmaxM = 0;
        double cmaxE = 0;
        for (int step = 0; step < rates.length; step++) {
            for (int i = 0; i < d; i++) {
                double v = phi[i][d] * rates[step];
                for (int j = 0; j < d; j++) {
                    v += phi[i][j] * x[j];
                }
                next[i] = v;
            }
            System.arraycopy(next, 0, x, 0, d);
            double cp = dot(r.parent(), x);
            if (cp > cmaxP) {
                cmaxP = cp;
                tmaxP = (step + 1) * h;
            }
            cmaxM = Math.max(cmaxM, dot(r.metabolite(), x));
            cmaxE = Math.max(cmaxE, dot(r.effect(), x));
        }
        store(out, s, cmaxP, tmaxP, system.parentAuc(x), cmaxM, system.metaboliteAuc(x), cmaxE);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void store(Summaries out, int s, double cmaxP, double tmaxP, double aucP, double cmaxM, double aucM,
                              double cmaxE) {
        out.cmaxParent()[s] = cmaxP;
        out.tmaxParent()[s] = tmaxP;
        out.aucParent()[s] = aucP;
        out.cmaxMetabolite()[s] = cmaxM;
        out.aucMetabolite()[s] = aucM;
        out.cmaxEffect()[s] = cmaxE;
    }
}
