package org.ketasim.core.engine.batch;

import java.util.Arrays;

/**
 * Summaries of modal subjects by walking every grid step: one scalar recurrence per mode,
 * {@code z <- d z + g u}, exact for a rate {@code u} held over the step, with the concentrations
 * read as {@code sum_k w_k z_k} at every row. This is the per-step engine that the closed-form
 * walk is checked against and that the benchmark compares with a hand-written C loop.
 *
 * <p>Systems of at most {@value #KERNEL_MODES} modes run one subject at a time with every value in
 * a local variable, so that the JIT keeps the step in registers. Larger ones run in blocks of
 * subjects held as structure of arrays (one array per mode across subjects). The AUC needs no work
 * per step: over a step a mode contributes {@code p z(start)} and the input {@code q u}, so it is
 * {@code sum_k w_k p_k S_k + Q sum(u)} with {@code S_k} the running sum of the mode's values.
 */
final class StepWalk {

    /** The most modes the register kernel holds; systems with fewer are padded with empty modes. */
    private static final int KERNEL_MODES = 8;
    /** Subjects stepped together by the blocked loops: small enough to stay in the L1/L2 cache. */
    private static final int BLOCK = 64;

    private StepWalk() {
    }

    /**
     * @param forms    every subject's modal form, or null for subjects solved otherwise
     * @param subjects the slots of the modal subjects, all with the same number of modes
     * @param rates    the rate over each step (mg/h)
     * @param out      where the summaries go
     */
    static void solve(ModalForm[] forms, int[] subjects, double[] rates, Results out) {
        if (subjects.length == 0) {
            return;
        }
        double inputTotal = 0;
        for (double u : rates) {
            inputTotal += u;
        }
        if (forms[subjects[0]].size() <= KERNEL_MODES) {
            for (int s : subjects) {
                kernel(forms[s], s, rates, inputTotal, out);
            }
            return;
        }
        for (int from = 0; from < subjects.length; from += BLOCK) {
            block(forms, Arrays.copyOfRange(subjects, from, Math.min(subjects.length, from + BLOCK)), rates,
                    inputTotal, out);
        }
    }

    /** Per mode, the AUC weight {@code w_k p_k} of its running sum, and the input's AUC term {@code Q}. */
    private record AucWeights(double[] parent, double[] metabolite, double inputParent, double inputMetabolite) {

        static AucWeights of(ModalForm f) {
            int m = f.size();
            double[] parent = new double[m];
            double[] metabolite = new double[m];
            double inputParent = 0;
            double inputMetabolite = 0;
            double h = f.stepH();
            for (int k = 0; k < m; k++) {
                double p = f.decayMinusOne()[k] / f.lambda()[k];
                parent[k] = f.parent()[k] * p;
                metabolite[k] = f.metabolite()[k] * p;
                double q = f.inputGain()[k] * (p - h) / f.lambda()[k];
                inputParent += f.parent()[k] * q;
                inputMetabolite += f.metabolite()[k] * q;
            }
            return new AucWeights(parent, metabolite, inputParent, inputMetabolite);
        }

        double parentAuc(double[] sums, double inputTotal) {
            double auc = inputParent * inputTotal;
            for (int k = 0; k < parent.length; k++) {
                auc += parent[k] * sums[k];
            }
            return auc;
        }

        double metaboliteAuc(double[] sums, double inputTotal) {
            double auc = inputMetabolite * inputTotal;
            for (int k = 0; k < metabolite.length; k++) {
                auc += metabolite[k] * sums[k];
            }
            return auc;
        }
    }

    /** One subject of at most {@link #KERNEL_MODES} modes, every value in a local variable. */
    private static void kernel(ModalForm f, int subject, double[] rates, double inputTotal, Results out) {
        double[] d = padded(f.decay());
        double[] g = padded(f.stepGain());
        double[] p = padded(f.parent());
        double[] m = padded(f.metabolite());
        double[] e = padded(f.effect());
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
        double[] sums = Arrays.copyOf(new double[] {s0, s1, s2, s3, s4, s5, s6, s7}, f.size());
        AucWeights auc = AucWeights.of(f);
        out.put(subject, cmaxP, (peak + 1) * f.stepH(), auc.parentAuc(sums, inputTotal), cmaxM,
                auc.metaboliteAuc(sums, inputTotal), cmaxE);
    }

    private static double[] padded(double[] values) {
        return Arrays.copyOf(values, KERNEL_MODES);
    }

    /** One block of subjects, transposed to structure of arrays and stepped together. */
    private static void block(ModalForm[] forms, int[] index, double[] rates, double inputTotal, Results out) {
        int n = index.length;
        int m = forms[index[0]].size();
        double[][] z = new double[m][n];
        double[][] sum = new double[m][n];
        double[][] decay = new double[m][n];
        double[][] gain = new double[m][n];
        double[][] wp = new double[m][n];
        double[][] wm = new double[m][n];
        double[][] we = new double[m][n];
        for (int s = 0; s < n; s++) {
            ModalForm f = forms[index[s]];
            for (int k = 0; k < m; k++) {
                decay[k][s] = f.decay()[k];
                gain[k][s] = f.stepGain()[k];
                wp[k][s] = f.parent()[k];
                wm[k][s] = f.metabolite()[k];
                we[k][s] = f.effect()[k];
            }
        }
        double[] cp = new double[n];
        double[] cm = new double[n];
        double[] ce = new double[n];
        double[] cmaxP = new double[n];
        double[] tmaxP = new double[n];
        double[] cmaxM = new double[n];
        double[] cmaxE = new double[n];
        double h = forms[index[0]].stepH();
        for (int step = 0; step < rates.length; step++) {
            double u = rates[step];
            Arrays.fill(cp, 0);
            Arrays.fill(cm, 0);
            Arrays.fill(ce, 0);
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
            double[] sums = new double[m];
            for (int k = 0; k < m; k++) {
                sums[k] = sum[k][s];
            }
            AucWeights auc = AucWeights.of(forms[index[s]]);
            out.put(index[s], cmaxP[s], tmaxP[s], auc.parentAuc(sums, inputTotal), cmaxM[s],
                    auc.metaboliteAuc(sums, inputTotal), cmaxE[s]);
        }
    }
}
