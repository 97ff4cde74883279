package org.ketasim.core.outcomes;

import java.util.List;

/**
 * When pain relief is assessed: a label and the hours after the course end (the end of the last
 * administration).
 *
 * @param label         the name in output files, e.g. {@code 4_weeks}; lower-case letters, digits, '_'
 * @param hoursAfterEnd hours after the course end, &gt;= 0
 */
public record OutcomeTime(String label, double hoursAfterEnd) {

    /** The end of the course. */
    public static final OutcomeTime END = new OutcomeTime("end", 0);
    /** 4 weeks (672 h) after the course end. */
    public static final OutcomeTime FOUR_WEEKS = new OutcomeTime("4_weeks", 4 * 7 * 24);
    /** 12 weeks (2016 h) after the course end. */
    public static final OutcomeTime TWELVE_WEEKS = new OutcomeTime("12_weeks", 12 * 7 * 24);
    /** The default times: end, 4 and 12 weeks. */
    public static final List<OutcomeTime> DEFAULTS = List.of(END, FOUR_WEEKS, TWELVE_WEEKS);
    /** The time label of the psychomimetic rows: the whole course. */
    public static final String COURSE = "course";

    /** Checks the ranges above. */
    public OutcomeTime {
        if (!label.matches("[a-z0-9_]+") || label.equals(COURSE)) {
            throw new IllegalArgumentException("an outcome time label is lower-case letters, digits and '_', and not '"
                    + COURSE + "', got '" + label + "'");
        }
        if (!(hoursAfterEnd >= 0) || Double.isInfinite(hoursAfterEnd)) {
            throw new IllegalArgumentException("outcome time '" + label + "' must be >= 0 h after the course end, got "
                    + hoursAfterEnd + " h");
        }
    }
}
