package org.ketasim.core.simulation;

import java.util.List;
import org.ketasim.core.engine.Series;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.pd.PdOutcome;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.titration.TitrationEvent;

/**
 * One simulated patient: the output rows as columns, the summary metrics, the pharmacodynamics
 * (those of a typical responder, see {@link PdOutcome}), and the decisions of its rule titrations.
 *
 * @param scenario the scenario simulated
 * @param weightKg the patient's body weight (kg)
 * @param series   the output rows
 * @param summary  the summary metrics
 * @param pd       the pharmacodynamic series and summary
 * @param events   every titration decision, in time order; empty without a rule titration
 */
public record PatientResult(CompiledScenario scenario, double weightKg, Series series, Summary summary, PdOutcome pd,
                            List<TitrationEvent> events) {

    /** Copies the list. */
    public PatientResult {
        events = List.copyOf(events);
    }
}
