package org.ketasim.core.model;

/** What a published model's parent concentrations are concentrations of. */
public enum ModelDrug {
    /** The S-enantiomer alone (S-ketamine, esketamine). */
    S_KETAMINE("S-ketamine"),
    /** Racemic ketamine, reported as total (S + R) ketamine. */
    RACEMIC_KETAMINE("ketamine (racemic, total)");

    private final String analyte;

    ModelDrug(String analyte) {
        this.analyte = analyte;
    }

    /** @return the analyte name used in reports, e.g. "S-ketamine" */
    public String analyte() {
        return analyte;
    }
}
