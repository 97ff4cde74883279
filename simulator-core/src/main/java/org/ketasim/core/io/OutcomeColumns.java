package org.ketasim.core.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;

/**
 * The population outcomes as the columns of one wide row ({@code comparison.csv}, {@code sweep.csv}):
 * per arm, per measure and time ({@link OutcomeTime#DEFAULTS} for relief, {@code course} for
 * psychomimetic effects), the share {@code p_<measure>_<time>} and its interval {@code _lo},
 * {@code _hi}; the placebo arm's columns start with {@code placebo_}. Then {@code outside_evidence}
 * (whether any of the row's outcomes lies outside the evidence) and
 * {@code outside_evidence_reasons} (the reasons' codes, ';'-separated). All empty when no
 * population was simulated. Stateless.
 */
public final class OutcomeColumns {

    private OutcomeColumns() {
    }

    /** @return the column names, in order */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Arm arm : Arm.values()) {
            String prefix = arm == Arm.PLACEBO ? "placebo_p_" : "p_";
            for (String[] key : keys()) {
                String name = prefix + key[0] + "_" + key[1];
                names.addAll(List.of(name, name + "_lo", name + "_hi"));
            }
        }
        names.addAll(List.of("outside_evidence", "outside_evidence_reasons"));
        return names;
    }

    /**
     * @param outcomes a population's outcomes, or empty
     * @return the cells, in the order of {@link #names()}
     */
    public static List<String> cells(Optional<OutcomeResult> outcomes) {
        List<String> cells = new ArrayList<>();
        if (outcomes.isEmpty()) {
            names().forEach(n -> cells.add(""));
            return cells;
        }
        OutcomeResult r = outcomes.get();
        Set<String> reasons = new LinkedHashSet<>();
        boolean outside = false;
        for (Arm arm : Arm.values()) {
            for (String[] key : keys()) {
                OutcomeRow row = r.row(arm, Measure.valueOf(key[2]), key[1]);
                cells.addAll(List.of(Csv.number(row.p()), Csv.number(row.pLo()), Csv.number(row.pHi())));
                outside |= row.outsideEvidence();
                row.reasons().stream().map(EvidenceReason::code).forEach(reasons::add);
            }
        }
        cells.add(Boolean.toString(outside));
        cells.add(Csv.text(reasons.stream().collect(Collectors.joining(";"))));
        return cells;
    }

    /** @return {measure id, time label, measure constant} per column group of one arm */
    private static List<String[]> keys() {
        List<String[]> keys = new ArrayList<>();
        for (Measure m : Measure.values()) {
            if (m.isRelief()) {
                for (OutcomeTime t : OutcomeTime.DEFAULTS) {
                    keys.add(new String[] {m.id(), t.label(), m.name()});
                }
            } else {
                keys.add(new String[] {m.id(), OutcomeTime.COURSE, m.name()});
            }
        }
        return keys;
    }
}
