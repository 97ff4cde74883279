package org.ketasim.core.population;

import java.util.List;
import java.util.Map;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.pd.EffectiveReduction;
import org.ketasim.core.titration.TitrationEvent;

/**
 * One virtual subject's draws and results.
 *
 * @param index          0-based subject number; its random stream is stream {@code index}
 * @param weightKg       body weight (kg)
 * @param eta            the log-scale deviations, in {@link Variability#parameters()} order
 * @param summary        the subject's summary metrics
 * @param hoursInWindow  hours inside each window, in the settings' window order
 * @param maxDrugHighProbability the largest drug-high value (NaN without an effect site)
 * @param maxNrsReduction the largest expected NRS reduction of a responder (NaN without a pain effect site)
 * @param met            per definition, whether a responder would meet it by the end
 * @param observations   simulated observations, in time order then parent before metabolite; empty
 *                       unless the settings ask for them
 * @param events         the subject's own titration decisions, in time order; empty without a rule titration
 */
public record Subject(int index, double weightKg, double[] eta, Summary summary, double[] hoursInWindow,
                      double maxDrugHighProbability, double maxNrsReduction, Map<EffectiveReduction, Boolean> met,
                      List<Observation> observations, List<TitrationEvent> events) {

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

    /** Copies the arrays, the map and the lists. */
    public Subject {
        eta = eta.clone();
        hoursInWindow = hoursInWindow.clone();
        met = Map.copyOf(met);
        observations = List.copyOf(observations);
        events = List.copyOf(events);
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
