package org.ketasim.core.population;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.metrics.ConcentrationWindow;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.pd.EffectiveReduction;

/**
 * A simulated virtual population: percentile bands per output row and the shares of subjects over
 * every window and definition. The subjects themselves went to the run's subject sink as they
 * were finished (they are not kept here, so a population of any size fits in memory).
 *
 * @param settings    how it was simulated (seed, size, percentiles, windows)
 * @param variability the variability applied
 * @param timesH      output row times (h)
 * @param bands       per observable with a band (parent, metabolite, effect site, where the model
 *                    has them), per percentile, per row: the concentration (ng/mL)
 * @param counts      the subject counts behind the shares
 * @param outcomes    the population's pain relief and psychomimetic shares with their uncertainty,
 *                    from its first {@link PopulationSettings#outcomeSubjects()} subjects; empty when
 *                    none were asked for
 */
public record PopulationResult(PopulationSettings settings, Variability variability, double[] timesH,
                               Map<Observable, double[][]> bands, Counts counts, Optional<OutcomeResult> outcomes) {

    /** The observables that get bands, where the model has them. */
    public static final List<Observable> BANDED = List.of(Observable.PARENT, Observable.METABOLITE, Observable.EFFECT);

    /**
     * Subject counts.
     *
     * @param subjects    how many subjects
     * @param inside      per window, subjects that spent any time inside it
     * @param above       per window, subjects whose parent Cmax exceeds its upper bound
     * @param hoursInside per window, the sum over subjects of the hours inside
     * @param drugHigh    subjects whose drug-high value reached 0.5, -1 without an effect site
     * @param met         per definition, subjects a responder of whom would meet it; empty without
     *                    the pain effect site
     */
    public record Counts(int subjects, long[] inside, long[] above, double[] hoursInside, long drugHigh,
                         Map<EffectiveReduction, Long> met) {
        /** Copies the arrays and the map. */
        public Counts {
            inside = inside.clone();
            above = above.clone();
            hoursInside = hoursInside.clone();
            met = met.isEmpty() ? Map.of() : new EnumMap<>(met);
        }
    }

    /** Copies the map. */
    public PopulationResult {
        bands = new EnumMap<>(bands);
    }

    /** @return the number of subjects */
    public int subjects() {
        return counts.subjects();
    }

    /**
     * @param window index in the settings' windows
     * @return the fraction of subjects that spend any time inside the window
     */
    public double probabilityInside(int window) {
        return counts.inside()[window] / (double) counts.subjects();
    }

    /**
     * @param window index in the settings' windows
     * @return the fraction of subjects whose parent Cmax exceeds the window's upper bound (0 for an
     *         open window)
     */
    public double probabilityAbove(int window) {
        return counts.above()[window] / (double) counts.subjects();
    }

    /**
     * @param window index in the settings' windows
     * @return the mean hours inside the window over subjects
     */
    public double meanHoursInside(int window) {
        return counts.hoursInside()[window] / counts.subjects();
    }

    /**
     * @param definition an effective-reduction definition
     * @return the fraction of subjects a responder of whom would meet it by the end; NaN without a
     *         pain effect site
     */
    public double probabilityMet(EffectiveReduction definition) {
        Long met = counts.met().get(definition);
        return met == null ? Double.NaN : met / (double) counts.subjects();
    }

    /** @return the fraction of subjects with a drug-high value of 0.5 or more at some time, NaN without an effect site */
    public double probabilityDrugHigh() {
        return counts.drugHigh() < 0 ? Double.NaN : counts.drugHigh() / (double) counts.subjects();
    }
}
