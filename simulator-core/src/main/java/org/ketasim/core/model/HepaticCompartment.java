package org.ketasim.core.model;

/**
 * A hepato-portal compartment in exchange with the central compartment through the hepatic blood
 * flow, where the parent is eliminated: to other metabolites at {@code otherEliminationPerH} and
 * to the model's metabolite at {@code metabolismPerH} (Perez-Ruixo et al. 2021). With a liver, the
 * systemic clearance is {@code Qh * E} with extraction
 * {@code E = Vh (kel + kmet) / (Qh + Vh (kel + kmet))}, and oral doses absorbed into it undergo first
 * pass.
 *
 * @param volumeL              hepato-portal volume Vh (L), &gt; 0
 * @param bloodFlowLPerH       hepatic blood flow Qh (L/h), &gt; 0
 * @param otherEliminationPerH elimination rate constant to other metabolites, kel (1/h), &gt;= 0
 * @param metabolismPerH       rate constant of metabolism to the model's metabolite, kmet (1/h), &gt;= 0
 */
public record HepaticCompartment(double volumeL, double bloodFlowLPerH, double otherEliminationPerH,
                                 double metabolismPerH) {
    /** Checks the ranges above. */
    public HepaticCompartment {
        Checks.positive("hepatic volume", volumeL);
        Checks.positive("hepatic blood flow", bloodFlowLPerH);
        Checks.nonNegative("hepatic elimination rate constant", otherEliminationPerH);
        Checks.nonNegative("hepatic metabolism rate constant", metabolismPerH);
    }

    /** @return the hepatic extraction ratio E */
    public double extraction() {
        double intrinsic = volumeL * (otherEliminationPerH + metabolismPerH);
        return intrinsic / (bloodFlowLPerH + intrinsic);
    }
}
