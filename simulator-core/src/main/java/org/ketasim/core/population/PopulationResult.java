package org.ketasim.core.population;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Variability;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.outcomes.OutcomeResult;

/**
 * A simulated virtual population: percentile bands per output row, the shares of subjects inside
 * and above every concentration window, and the population outcomes. The subjects themselves went
 * to the run's subject sink as they were finished (they are not kept here, so a population of any
 * size fits in memory).
 *
 * @param settings    how it was simulated (seed, size, percentiles, window choice)
 * @param variability the variability applied
 * @param windows     the windows, resolved for the scenario's parent analyte, in the settings' order
 * @param timesH      output row times (h)
 * @param bands       per observable with a band (parent, metabolite, effect site, where the model
 *                    has them), per percentile, per row: the concentration (ng/mL)
 * @param counts      the subject counts behind the window shares
 * @param outcomes    the population's pain relief and psychomimetic shares with their uncertainty,
 *                    from its first {@link PopulationSettings#outcomeSubjects()} subjects; empty when
 *                    none were asked for
 */
public record PopulationResult(PopulationSettings settings, Variability variability, List<AnalyteWindow> windows,
                               double[] timesH, Map<Observable, double[][]> bands, Counts counts,
                               Optional<OutcomeResult> outcomes) {

    /** The observables that get bands, where the model has them. */
    public static final List<Observable> BANDED = List.of(Observable.PARENT, Observable.METABOLITE, Observable.EFFECT);

    /**
     * Subject counts, per window; -1 and NaN for a window on a curve the model does not have (an
     * effect site).
     *
     * @param subjects    how many subjects
     * @param inside      per window, subjects that spent any time inside it
     * @param above       per window, subjects whose largest value of the window's curve exceeds its upper bound
     * @param hoursInside per window, the sum over subjects of the hours inside
     */
    public record Counts(int subjects, long[] inside, long[] above, double[] hoursInside) {
        /** Copies the arrays. */
        public Counts {
            inside = inside.clone();
            above = above.clone();
            hoursInside = hoursInside.clone();
        }
    }

    /** Copies the map and the list. */
    public PopulationResult {
        windows = List.copyOf(windows);
        bands = new EnumMap<>(bands);
    }

    /**
     * @param with the outcomes
     * @return this result with them
     */
    public PopulationResult withOutcomes(OutcomeResult with) {
        return new PopulationResult(settings, variability, windows, timesH, bands, counts, Optional.of(with));
    }

    /** @return the number of subjects */
    public int subjects() {
        return counts.subjects();
    }

    /**
     * @param window index in the windows
     * @return the share of subjects that spend any time inside the window; NaN where the model has
     *         no such curve
     */
    public double probabilityInside(int window) {
        return counts.inside()[window] < 0 ? Double.NaN : counts.inside()[window] / (double) counts.subjects();
    }

    /**
     * @param window index in the windows
     * @return the share of subjects whose largest value of the window's curve exceeds its upper
     *         bound (0 for an open window); NaN where the model has no such curve
     */
    public double probabilityAbove(int window) {
        return counts.above()[window] < 0 ? Double.NaN : counts.above()[window] / (double) counts.subjects();
    }

    /**
     * @param window index in the windows
     * @return the mean hours inside the window over subjects; NaN where the model has no such curve
     */
    public double meanHoursInside(int window) {
        return counts.hoursInside()[window] / counts.subjects();
    }
}
