package org.ketasim.core.population;

import java.util.List;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.scenario.Scenario;

/**
 * A simulated virtual population: bands per output row, per-subject results, probabilities.
 *
 * @param scenario    the scenario simulated (the typical patient)
 * @param settings    how it was simulated (seed, size, percentiles, windows)
 * @param variability the variability applied
 * @param timesH      output row times (h)
 * @param bands       per analyte ({@link Analyte}), per percentile, per row: the concentration
 *                    (ng/mL); absent analytes hold NaN
 * @param subjects    every subject, in index order
 */
public record PopulationResult(Scenario scenario, PopulationSettings settings, Variability variability, double[] timesH,
                               double[][][] bands, List<Subject> subjects) {

    /** The concentration series that get bands. */
    public enum Analyte {
        /** Parent plasma concentration. */
        PARENT("parent"),
        /** Metabolite plasma concentration. */
        METABOLITE("metabolite"),
        /** Effect-site concentration. */
        EFFECT("effect");

        private final String column;

        Analyte(String column) {
            this.column = column;
        }

        /** @return the column prefix, e.g. {@code parent} */
        public String column() {
            return column;
        }
    }

    /** Copies the subject list. */
    public PopulationResult {
        subjects = List.copyOf(subjects);
    }

    /**
     * @param window index in the settings' windows
     * @return the fraction of subjects that spend any time inside the window
     */
    public double probabilityInside(int window) {
        return subjects.stream().filter(s -> s.hoursInWindow()[window] > 0).count() / (double) subjects.size();
    }

    /**
     * @param window index in the settings' windows
     * @return the fraction of subjects whose parent Cmax exceeds the window's upper bound (0 for an
     *         open window)
     */
    public double probabilityAbove(int window) {
        double high = settings.windows().get(window).highNgPerMl();
        return subjects.stream().filter(s -> s.summary().cmaxNgPerMl() > high).count() / (double) subjects.size();
    }

    /**
     * @param window index in the settings' windows
     * @return the mean hours inside the window over subjects
     */
    public double meanHoursInside(int window) {
        return subjects.stream().mapToDouble(s -> s.hoursInWindow()[window]).average().orElse(Double.NaN);
    }

    /**
     * @param definition an effective-reduction definition
     * @return the fraction of subjects meeting it by the end; NaN without a pain effect site
     */
    public double probabilityMet(EffectiveReduction definition) {
        if (subjects.stream().anyMatch(s -> Double.isNaN(s.maxNrsReduction()))) {
            return Double.NaN;
        }
        return subjects.stream().filter(s -> s.met().get(definition)).count() / (double) subjects.size();
    }

    /** @return the fraction of subjects with a drug-high probability of 50 % or more at some time */
    public double probabilityDrugHigh() {
        if (subjects.stream().anyMatch(s -> Double.isNaN(s.maxDrugHighProbability()))) {
            return Double.NaN;
        }
        return subjects.stream().filter(s -> s.maxDrugHighProbability() >= 0.5).count() / (double) subjects.size();
    }
}
