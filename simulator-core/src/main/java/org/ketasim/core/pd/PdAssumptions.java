package org.ketasim.core.pd;

import java.util.List;

/**
 * The sources and assumptions of the pharmacodynamic outputs, for model cards and documentation. The
 * ke0 of the pain effect compartment is a parameter of the models:
 * {@link org.ketasim.core.model.library.ModelLibrary#PAIN_KE0_PER_H}.
 */
public final class PdAssumptions {

    /** Lines for {@code ketasim models <id>}. */
    public static final List<String> LINES = List.of(
            "drug high: probability = Ce^g / (C50^g + Ce^g) of the effect-site S-ketamine concentration, C50 0.3 "
                    + "nmol/mL = 71.3 ng/mL (Simons et al., Front Pain Res 2022, part 2, doi:10.3389/fpain.2022.946487, "
                    + "abstract [V]); the equation and g = 2 are assumptions [U]",
            "chronic pain relief: fraction of pain relieved = Ce,pain / (C50 + Ce,pain), C50 10.5 ng/mL S-ketamine, "
                    + "Ce,pain from an effect compartment with t1/2 10.9 days (Dahan et al., Eur J Pain 2011, "
                    + "doi:10.1016/j.ejpain.2010.06.016, abstract [V]); the hyperbolic (g = 1) form with complete relief "
                    + "as maximum is an assumption [U]; the expected NRS reduction is that fraction of the baseline NRS "
                    + "in a responder (67 % of patients responded to S-ketamine, 23 % to placebo [V])",
            "racemic models: the S-enantiomer is taken as half of the total ketamine concentration, and R-ketamine's "
                    + "own effect is ignored [U]");

    private PdAssumptions() {
    }
}
