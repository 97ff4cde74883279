package org.ketasim.core.engine;

/**
 * A concentration's course from now on when nothing more is given, as a sum of decaying
 * exponentials: {@code C(now + tau) = sum_k amplitude_k exp(rate_k tau)}. The modal engine has it
 * in closed form (its modes, {@link Stepper#freeResponse}); the outcome models take the washout
 * after a course from it, exactly, instead of from a binned quadrature.
 *
 * @param ratesPerH  the modes' rates (1/h), each &lt; 0
 * @param amplitudes each mode's concentration now (ng/mL), finite; their sum is the concentration now
 */
public record FreeResponse(double[] ratesPerH, double[] amplitudes) {

    /**
     * Copies the arrays.
     *
     * @throws IllegalArgumentException for arrays of different lengths, a rate that is not negative, or
     *                                  a non-finite amplitude
     */
    public FreeResponse {
        if (ratesPerH.length != amplitudes.length) {
            throw new IllegalArgumentException(ratesPerH.length + " rates and " + amplitudes.length + " amplitudes");
        }
        for (int k = 0; k < ratesPerH.length; k++) {
            if (!(ratesPerH[k] < 0) || Double.isInfinite(ratesPerH[k]) || !Double.isFinite(amplitudes[k])) {
                throw new IllegalArgumentException("a free response needs decaying modes and finite amplitudes, got "
                        + "rate " + ratesPerH[k] + " /h, amplitude " + amplitudes[k]);
            }
        }
        ratesPerH = ratesPerH.clone();
        amplitudes = amplitudes.clone();
    }

    @Override
    public double[] ratesPerH() {
        return ratesPerH.clone();
    }

    @Override
    public double[] amplitudes() {
        return amplitudes.clone();
    }

    /**
     * @param tauH hours from now, &gt;= 0
     * @return the concentration then (ng/mL)
     */
    public double valueAt(double tauH) {
        double sum = 0;
        for (int k = 0; k < ratesPerH.length; k++) {
            sum += amplitudes[k] * Math.exp(ratesPerH[k] * tauH);
        }
        return sum;
    }

    /**
     * @param tauH hours from now, &gt;= 0
     * @return the integral from now to then (ng·h/mL)
     */
    public double integral(double tauH) {
        double sum = 0;
        for (int k = 0; k < ratesPerH.length; k++) {
            sum += amplitudes[k] * Math.expm1(ratesPerH[k] * tauH) / ratesPerH[k];
        }
        return sum;
    }

    /** @return the integral from now to infinity (ng·h/mL) */
    public double integral() {
        double sum = 0;
        for (int k = 0; k < ratesPerH.length; k++) {
            sum -= amplitudes[k] / ratesPerH[k];
        }
        return sum;
    }

    /**
     * The concentration of an effect site fed by this one, {@code dCe/dt = ke0 (C - Ce)}, in closed
     * form: {@code Ce(tau) = Ce(0) exp(-ke0 tau) + ke0 sum_k a_k (exp(r_k tau) - exp(-ke0 tau)) /
     * (r_k + ke0)}, each difference taken as {@code tau exp(-ke0 tau) expm1(x) / x} with
     * {@code x = (r_k + ke0) tau} where {@code |x| < 1}, so that it stays accurate where a mode's
     * rate is close to {@code -ke0}.
     *
     * @param ke0PerH the effect site's rate constant (1/h), &gt; 0
     * @param ce0     its concentration now (ng/mL)
     * @param tauH    hours from now, &gt;= 0
     * @return its concentration then (ng/mL)
     */
    public double effectSiteAt(double ke0PerH, double ce0, double tauH) {
        return effectSiteAt(ke0PerH, ce0, tauH, modeDecays(tauH));
    }

    /**
     * {@link #effectSiteAt(double, double, double)} with the modes' decays at {@code tauH} given,
     * for many effect sites at one time (the outcome replicates' rate constants): the same value.
     *
     * @param ke0PerH    the effect site's rate constant (1/h), &gt; 0
     * @param ce0        its concentration now (ng/mL)
     * @param tauH       hours from now, &gt;= 0
     * @param modeDecays {@link #modeDecays(double)} of {@code tauH}
     * @return its concentration then (ng/mL)
     */
    public double effectSiteAt(double ke0PerH, double ce0, double tauH, double[] modeDecays) {
        double decay = Math.exp(-ke0PerH * tauH);
        double sum = 0;
        for (int k = 0; k < ratesPerH.length; k++) {
            double x = (ratesPerH[k] + ke0PerH) * tauH;
            sum += Math.abs(x) < 1
                    ? amplitudes[k] * tauH * decay * (x == 0 ? 1 : Math.expm1(x) / x)
                    : amplitudes[k] * (modeDecays[k] - decay) / (ratesPerH[k] + ke0PerH);
        }
        return ce0 * decay + ke0PerH * sum;
    }

    /**
     * @param tauH hours from now, &gt;= 0
     * @return per mode, {@code exp(r_k tauH)}: what {@link #effectSiteAt} needs of this response at
     *         that time, whatever the effect site
     */
    public double[] modeDecays(double tauH) {
        double[] d = new double[ratesPerH.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = Math.exp(ratesPerH[k] * tauH);
        }
        return d;
    }

    /**
     * @param factor a factor, &gt;= 0 (a linear system's response scales with its input)
     * @return every amplitude times it
     */
    public FreeResponse scaled(double factor) {
        double[] a = amplitudes.clone();
        for (int k = 0; k < a.length; k++) {
            a[k] *= factor;
        }
        return new FreeResponse(ratesPerH, a);
    }
}
