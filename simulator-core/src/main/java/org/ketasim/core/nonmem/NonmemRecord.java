package org.ketasim.core.nonmem;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One record of a NONMEM data set. Times in h, amounts in mg, rates in mg/h (the units the model
 * uses).
 *
 * @param row      the row number in the file (header is row 1)
 * @param id       the ID
 * @param time     TIME (h)
 * @param evid     EVID, 0 to 4
 * @param amt      AMT (mg), &gt;= 0
 * @param cmt      CMT, &gt;= 1
 * @param rate     RATE (mg/h), or -1 (modelled rate) or -2 (modelled duration)
 * @param ii       II (h), &gt;= 0
 * @param addl     ADDL, &gt;= 0
 * @param ss       SS, 0 to 2
 * @param weightKg the record's WT (kg), &gt; 0; empty without a WT column or with an empty or "." cell
 * @param mapped   the record's parameters from columns named with {@code --map}, by parameter name
 *                 (upper case), e.g. {@code F2 -> 0.5}, {@code CL -> 1.3}; see {@link MappedParameter}
 * @param cells    the record's cells as read, for passing through
 */
public record NonmemRecord(long row, String id, double time, int evid, double amt, int cmt, double rate, double ii,
                           int addl, int ss, OptionalDouble weightKg, Map<String, Double> mapped,
                           List<String> cells) {

    /** Copies the map and the list. */
    public NonmemRecord {
        mapped = Map.copyOf(mapped);
        cells = List.copyOf(cells);
    }

    /** @return whether this record gives a dose (EVID 1 or 4) */
    public boolean isDose() {
        return evid == 1 || evid == 4;
    }

    /** @return whether this record resets the system (EVID 3 or 4) */
    public boolean isReset() {
        return evid == 3 || evid == 4;
    }
}
