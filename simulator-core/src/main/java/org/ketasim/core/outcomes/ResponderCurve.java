package org.ketasim.core.outcomes;

/**
 * The relief curve of one responder: a patient who responds to S-ketamine, with the typical C50 and
 * t½. It is one patient's curve, not what a patient can expect: a third of patients do not respond
 * at all, and the population shares ({@link PopulationOutcomes}) are the figures to read. Every
 * chart or table of it must carry {@link #LABEL}. Arrays are copies.
 *
 * @param timesH        times (h)
 * @param cePainNgPerMl pain effect-site S-ketamine concentration (ng/mL)
 * @param nrsReduction  the responder's NRS reduction (points)
 */
public record ResponderCurve(double[] timesH, double[] cePainNgPerMl, double[] nrsReduction) {

    /** The label every presentation of such a curve must carry. */
    public static final String LABEL = "a responder's relief: one patient who responds to S-ketamine (about two in "
            + "three do, Dahan 2011), with the typical C50 and t1/2; not the relief a patient can expect";

    /** Copies the arrays. */
    public ResponderCurve {
        timesH = timesH.clone();
        cePainNgPerMl = cePainNgPerMl.clone();
        nrsReduction = nrsReduction.clone();
    }

    /**
     * @param exposure    the patient's exposure
     * @param parameters  the population values (e.g. {@link ReliefModel#point()})
     * @param baselineNrs the NRS before treatment, 0 to 10
     * @param timesH      ascending times (h): edges of the exposure grid, or after its last edge
     * @return the responder's curve
     */
    public static ResponderCurve of(SubjectExposure exposure, ReliefModel.Parameters parameters, double baselineNrs,
                                    double... timesH) {
        double[] ce = new double[timesH.length];
        exposure.cePain(parameters.ke0PerH(), SubjectExposure.Times.of(exposure.grid(), timesH), ce);
        double[] nrs = new double[timesH.length];
        for (int k = 0; k < ce.length; k++) {
            nrs[k] = baselineNrs * parameters.fraction(ce[k], parameters.c50NgPerMl());
        }
        return new ResponderCurve(timesH, ce, nrs);
    }

    @Override
    public double[] timesH() {
        return timesH.clone();
    }

    @Override
    public double[] cePainNgPerMl() {
        return cePainNgPerMl.clone();
    }

    @Override
    public double[] nrsReduction() {
        return nrsReduction.clone();
    }
}
