package org.ketasim.core.population;

import java.util.List;
import java.util.Map;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.pd.EffectiveReduction;

/**
 * One virtual subject's draws and results.
 *
 * @param index          0-based subject number; its random stream is stream {@code index}
 * @param weightKg       body weight (kg)
 * @param eta            the log-scale deviations, in {@link Variability#parameters()} order
 * @param summary        the subject's summary metrics
 * @param hoursInWindow  hours inside each window, in the settings' window order
 * @param maxDrugHighProbability the largest drug-high probability (NaN without an effect site)
 * @param maxNrsReduction the largest expected NRS reduction (NaN without a pain effect site)
 * @param met            per definition, whether it was met by the end
 * @param observations   simulated observations, in time order then parent before metabolite; empty
 *                       unless the settings ask for them
 */
public record Subject(int index, double weightKg, double[] eta, Summary summary, double[] hoursInWindow,
                      double maxDrugHighProbability, double maxNrsReduction, Map<EffectiveReduction, Boolean> met,
                      List<Observation> observations) {

    /**
     * One simulated observation.
     *
     * @param timeH        its time (h)
     * @param analyte      which concentration
     * @param ipredNgPerMl the subject's predicted concentration (ng/mL)
     * @param dvNgPerMl    the prediction with the model's residual error (ng/mL)
     */
    public record Observation(double timeH, ResidualError.Analyte analyte, double ipredNgPerMl, double dvNgPerMl) {
    }

    /** Copies the arrays, the map and the list. */
    public Subject {
        eta = eta.clone();
        hoursInWindow = hoursInWindow.clone();
        met = Map.copyOf(met);
        observations = List.copyOf(observations);
    }

    /** @return the etas */
    @Override
    public double[] eta() {
        return eta.clone();
    }

    /** @return hours inside each window */
    @Override
    public double[] hoursInWindow() {
        return hoursInWindow.clone();
    }
}
