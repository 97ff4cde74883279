package org.ketasim.core.population;

import java.util.List;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Variability;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.titration.TitrationEvent;

/**
 * One virtual subject's draws and results.
 *
 * @param index          0-based subject number; its random stream is stream {@code index}
 * @param weightKg       body weight (kg)
 * @param eta            the log-scale deviations, in {@link Variability#parameters()} order
 * @param summary        the subject's summary metrics
 * @param hoursInWindow  hours inside each window, in the result's window order; NaN for a window on a
 *                       curve the model does not have
 * @param windowPeaks    per window, the largest value of its curve among the rows (ng/mL), NaN as above
 * @param maxDrugHighScore the largest drug-high score of a typical volunteer at the subject's
 *                       concentrations (0 to 1, NaN without an effect site; see {@code pd.PdCurves})
 * @param maxResponderNrsReduction the largest NRS reduction the subject would have as a responder with
 *                       the typical C50 (NaN without a pain effect site); whether the subject responds is
 *                       the outcome models' business ({@code outcomes.PopulationOutcomes})
 * @param observations   simulated observations, in time order then parent before metabolite; empty
 *                       unless the settings ask for them
 * @param events         the subject's own titration decisions, in time order; empty without a rule titration
 */
public record Subject(int index, double weightKg, double[] eta, Summary summary, double[] hoursInWindow, double[] windowPeaks,
                      double maxDrugHighScore, double maxResponderNrsReduction,
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

    /** Copies the arrays and the lists. */
    public Subject {
        eta = eta.clone();
        hoursInWindow = hoursInWindow.clone();
        windowPeaks = windowPeaks.clone();
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

    /** @return the largest value of each window's curve (ng/mL) */
    @Override
    public double[] windowPeaks() {
        return windowPeaks.clone();
    }
}
