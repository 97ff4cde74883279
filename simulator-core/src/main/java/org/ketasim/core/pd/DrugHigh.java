package org.ketasim.core.pd;

/**
 * The probability of an acute psychotomimetic effect ("drug high") at an effect-site S-ketamine
 * concentration: a sigmoid Emax model with C50 71.3 ng/mL (Simons 2022 part 2) and an assumed
 * Hill exponent of 2 (see {@link PdAssumptions}).
 */
public final class DrugHigh {

    /** C50 (ng/mL S-ketamine): 0.3 nmol/mL x 237.73 g/mol. */
    public static final double C50_NG_PER_ML = 0.3 * 237.73;
    /** Hill exponent, assumed (the computation below squares). */
    public static final double GAMMA = 2;

    private DrugHigh() {
    }

    /**
     * @param ceNgPerMl effect-site S-ketamine concentration (ng/mL), &gt;= 0
     * @return the probability, 0 to 1
     */
    public static double probability(double ceNgPerMl) {
        double ratio = Math.max(0, ceNgPerMl) / C50_NG_PER_ML;
        double x = ratio * ratio;
        return x / (1 + x);
    }
}
