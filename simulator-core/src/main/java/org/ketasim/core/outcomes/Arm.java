package org.ketasim.core.outcomes;

import java.util.Locale;

/** The two arms every outcome is given for: the regimen's S-ketamine, and placebo in the same patients. */
public enum Arm {
    /** The regimen as simulated. */
    DRUG,
    /** The same patients given placebo: the reference every drug figure is read against. */
    PLACEBO;

    /** @return the name in output files: {@code drug}, {@code placebo} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
