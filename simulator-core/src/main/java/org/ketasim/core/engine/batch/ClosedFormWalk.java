package org.ketasim.core.engine.batch;

/**
 * Summaries of one modal subject, a run of constant rate at a time, without stepping through the
 * grid. Over a run of {@code N} steps at rate {@code u}, mode {@code k} is exactly
 * {@code z_k(n) = s_k + (z_k(0) - s_k) d_k^n} with {@code d_k = exp(lambda_k h)} and steady
 * state {@code s_k = -inputGain_k u / lambda_k}, so a concentration is
 * {@code c(n) = C + sum_k alpha_k d_k^n} and its change from row to row is
 * {@code c(n+1) - c(n) = sum_k beta_k exp(lambda_k h n)} with {@code beta_k = alpha_k (d_k - 1)}.
 *
 * <p>Between the points where that change, continued to real {@code n}, changes sign, the rows
 * are monotone, so the largest row of a run is its first, its last, or one next to such a point.
 * {@link ExponentialSumZeros} finds those points; in the common case, no sign change among the
 * {@code beta_k}, it knows at once that there are none. So the maximum over the grid rows, and the
 * first row that reaches it, are those of the row-by-row walk up to rounding, at a cost per run
 * instead of per step. The AUC over a run is the exact integral of each mode.
 */
final class ClosedFormWalk {

    /** Turning points are found to this many grid steps; the rows either side are evaluated. */
    private static final double ROOT_ACCURACY_STEPS = 1e-6;
    /** Relative amplitude below which a mode takes no part in a run's sign pattern. */
    private static final double NEGLIGIBLE = 1e-12;

    private final ModalForm form;
    private final RateSegments runs;
    /**
     * Per distinct run length N: {@code exp(lambda_k h N)}, {@code expm1(lambda_k h N)} and
     * {@code exp(lambda_k h (N - 1))}, the powers at the last row and at the last row-to-row change.
     */
    private final double[][] powerAtEnd;
    private final double[][] powerAtEndMinusOne;
    private final double[][] powerAtLastRow;
    private final double[] z;
    private final double[] steady;
    private final double[] offset;
    private final double[] beta;
    private final double[] exponent;
    private final double[] powerAtLastChange;
    private final ExponentialSumZeros zeros = new ExponentialSumZeros(ROOT_ACCURACY_STEPS);
    private final Output parent = new Output();
    private final Output metabolite = new Output();
    private final Output effect = new Output();

    /** A concentration's running maximum, the step of its first row, and its AUC. */
    private static final class Output {
        double cmax;
        int peakStep;
        double auc;
    }

    private ClosedFormWalk(ModalForm form, RateSegments runs) {
        this.form = form;
        this.runs = runs;
        int m = form.size();
        powerAtEnd = new double[runs.lengths().length][m];
        powerAtEndMinusOne = new double[runs.lengths().length][m];
        powerAtLastRow = new double[runs.lengths().length][m];
        for (int l = 0; l < runs.lengths().length; l++) {
            for (int k = 0; k < m; k++) {
                double x = form.lambda()[k] * form.stepH() * runs.lengths()[l];
                powerAtEndMinusOne[l][k] = Math.expm1(x);
                powerAtEnd[l][k] = Math.exp(x);
                powerAtLastRow[l][k] = powerAtEnd[l][k] / form.decay()[k];
            }
        }
        z = new double[m];
        steady = new double[m];
        offset = new double[m];
        beta = new double[m];
        exponent = new double[m];
        powerAtLastChange = new double[m];
    }

    /**
     * @param form    the subject's modal form
     * @param runs    the rate schedule
     * @param out     where the summaries go
     * @param subject the subject's slot
     */
    static void solve(ModalForm form, RateSegments runs, Results out, int subject) {
        ClosedFormWalk walk = new ClosedFormWalk(form, runs);
        for (int i = 0; i < runs.size(); i++) {
            walk.run(i);
        }
        double h = form.stepH();
        out.put(subject, walk.parent.cmax, walk.parent.peakStep * h, walk.parent.auc, walk.metabolite.cmax,
                walk.metabolite.auc, walk.effect.cmax);
    }

    private void run(int i) {
        double u = runs.rate()[i];
        int m = form.size();
        for (int k = 0; k < m; k++) {
            steady[k] = -form.inputGain()[k] * u / form.lambda()[k];
            offset[k] = z[k] - steady[k];
        }
        int l = runs.lengthIndex()[i];
        runMaximum(parent, form.parent(), i);
        runMaximum(metabolite, form.metabolite(), i);
        runMaximum(effect, form.effect(), i);
        double duration = runs.length()[i] * form.stepH();
        for (int k = 0; k < m; k++) {
            double integral = steady[k] * duration + offset[k] * powerAtEndMinusOne[l][k] / form.lambda()[k];
            parent.auc += form.parent()[k] * integral;
            metabolite.auc += form.metabolite()[k] * integral;
            z[k] = steady[k] + offset[k] * powerAtEnd[l][k];
        }
    }

    /**
     * Updates an output's maximum over the rows {@code 1..N} of run {@code i}, in row order: the
     * rows are monotone between the sign changes of the row-to-row change, so the largest is the
     * first, the last, or one next to such a sign change. Terms whose amplitude {@code |alpha_k|}
     * is below {@link #NEGLIGIBLE} of the output's scale {@code sum |w s| + sum |alpha|} (round-off
     * in a weight, or a mode that has all but reached its steady state) are left out of the search
     * for sign changes; they still count in every value, and can move the maximum found by at most
     * twice their sum.
     */
    private void runMaximum(Output out, double[] weight, int i) {
        int m = form.size();
        double scale = 0;
        for (int k = 0; k < m; k++) {
            scale += Math.abs(weight[k] * steady[k]) + Math.abs(weight[k] * offset[k]);
        }
        int l = runs.lengthIndex()[i];
        int active = 0;
        for (int k = 0; k < m; k++) {
            double alpha = weight[k] * offset[k];
            if (Math.abs(alpha) > NEGLIGIBLE * scale) {
                beta[active] = alpha * form.decayMinusOne()[k];
                exponent[active] = form.lambda()[k] * form.stepH();
                powerAtLastChange[active] = powerAtLastRow[l][k];
                active++;
            }
        }
        int n = runs.length()[i];
        consider(out, weight, i, 1);
        int considered = 1;
        if (n > 2) {
            int regions = zeros.find(beta, exponent, active, n - 1, powerAtLastChange);
            for (int r = 0; r < regions; r++) {
                int from = Math.max(considered + 1, (int) Math.floor(zeros.low(r)) - 1);
                int to = Math.min(n, (int) Math.floor(zeros.high(r)) + 2);
                for (int row = from; row <= to; row++) {
                    consider(out, weight, i, row);
                    considered = row;
                }
            }
        }
        if (considered < n) {
            consider(out, weight, i, n);
        }
    }

    /** Row {@code row} of run {@code i} (1 to N), from the closed form. */
    private void consider(Output out, double[] weight, int i, int row) {
        int m = form.size();
        double value = 0;
        for (int k = 0; k < m; k++) {
            double power;
            if (row == 1) {
                power = form.decay()[k];
            } else if (row == runs.length()[i]) {
                power = powerAtEnd[runs.lengthIndex()[i]][k];
            } else {
                power = Math.exp(form.lambda()[k] * form.stepH() * row);
            }
            value += weight[k] * (steady[k] + offset[k] * power);
        }
        if (value > out.cmax) {
            out.cmax = value;
            out.peakStep = runs.start()[i] + row;
        }
    }
}
