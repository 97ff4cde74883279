package org.ketasim.core.simulation;

import java.util.List;
import org.ketasim.core.engine.Series;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.model.Observable;
import org.ketasim.core.outcomes.AnalyteWindow;
import org.ketasim.core.pd.PdCurves;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.titration.TitrationEvent;

/**
 * One simulated patient: the output rows as columns, the summary metrics, the pharmacodynamics
 * (a typical volunteer's drug-high score and a responder's relief, see {@link PdCurves}), and the decisions of its rule titrations.
 *
 * @param scenario the scenario simulated
 * @param weightKg the patient's body weight (kg)
 * @param series   the output rows
 * @param summary  the summary metrics
 * @param pd       the pharmacodynamic curves
 * @param events   every titration decision, in time order; empty without a rule titration
 */
public record PatientResult(CompiledScenario scenario, double weightKg, Series series, Summary summary, PdCurves pd,
                            List<TitrationEvent> events) {

    /** Copies the list. */
    public PatientResult {
        events = List.copyOf(events);
    }

    /**
     * @param window a window in the scenario's parent analyte ({@link AnalyteWindow#in})
     * @return the hours its curve spends inside it, NaN if the model has no such curve (an effect site)
     */
    public double hoursInside(AnalyteWindow window) {
        Observable curve = window.observable();
        if (!series.has(curve)) {
            return Double.NaN;
        }
        double[] t = series.timesH();
        double[] c = series.values(curve);
        AnalyteWindow.Hours hours = window.new Hours();
        hours.add(t, c, t.length);
        return hours.total();
    }
}
