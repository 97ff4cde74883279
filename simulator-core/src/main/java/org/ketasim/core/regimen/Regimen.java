package org.ketasim.core.regimen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable list of doses, sorted by start time (stable for equal times). It may be empty, when
 * controllers decide every dose during the run (a rule-based titration).
 *
 * @param doses the doses
 */
public record Regimen(List<Dose> doses) {

    /** Sorts and copies the doses. */
    public Regimen {
        List<Dose> sorted = new ArrayList<>(doses);
        sorted.sort(Comparator.comparingDouble(Dose::startH));
        doses = List.copyOf(sorted);
    }

    /**
     * @param doses the doses
     * @return the regimen
     */
    public static Regimen of(Dose... doses) {
        return new Regimen(List.of(doses));
    }

    /**
     * A course repeated: {@code count} copies of every dose, copy {@code i} shifted by
     * {@code i * everyH}.
     *
     * @param everyH interval between courses (h), &gt; 0
     * @param count  number of courses, &gt;= 1 (1 gives this regimen)
     * @return the repeated regimen
     */
    public Regimen repeated(double everyH, int count) {
        DoseChecks.duration("repeat interval ('every')", everyH);
        if (count < 1) {
            throw new IllegalArgumentException("repeat count must be at least 1, got " + count);
        }
        List<Dose> all = new ArrayList<>(doses.size() * count);
        for (int i = 0; i < count; i++) {
            double shift = i * everyH;
            doses.forEach(d -> all.add(d.shiftedBy(shift)));
        }
        return new Regimen(all);
    }

    /**
     * @param untilH a time (h)
     * @return the total amount administered from the start up to {@code untilH} (mg), before
     *         bioavailability; a bolus at {@code untilH} counts
     */
    public double administeredMg(double untilH) {
        return doses.stream().mapToDouble(d -> d.administeredMg(untilH)).sum();
    }
}
