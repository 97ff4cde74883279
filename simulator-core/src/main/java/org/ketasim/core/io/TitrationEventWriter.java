package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.ketasim.core.titration.TitrationEvent;

/**
 * Writes {@code events.csv}: the decisions of rule-based titrations, one row each: {@code time_h,
 * action, rate_mg_per_h, cp_ng_per_ml, ce_ng_per_ml, drug_high_score, responder_nrs_reduction, reason}.
 * Stateless and thread-safe.
 */
public final class TitrationEventWriter {

    /** The columns of one event. */
    static final List<String> COLUMNS = List.of("time_h", "action", "rate_mg_per_h", "cp_ng_per_ml", "ce_ng_per_ml",
            "drug_high_score", "responder_nrs_reduction", "reason");

    /**
     * @param events the events
     * @param out    where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(List<TitrationEvent> events, Writer out) throws IOException {
        out.write(Csv.header(COLUMNS));
        for (TitrationEvent e : events) {
            out.write(line(e));
        }
    }

    /** @return one event's cells, with the line break */
    static String line(TitrationEvent e) {
        return Csv.line(List.of(Csv.number(e.timeH()), Csv.text(e.action()), Csv.number(e.rateMgPerH()),
                Csv.number(e.concentration()), Csv.number(e.effectConcentration()), Csv.number(e.drugHigh()),
                Csv.number(e.nrsReduction()), Csv.text(e.reason())));
    }
}
