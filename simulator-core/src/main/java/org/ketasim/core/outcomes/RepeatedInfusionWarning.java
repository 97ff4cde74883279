package org.ketasim.core.outcomes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A warning that a regimen repeats long infusions within weeks, the pattern in which Noppers 2011
 * found liver injury: 6 CRPS-1 patients scheduled for two 100-h S-ketamine infusions at 10-20 mg/h,
 * 16 days apart; 3 of 6 developed hepatotoxicity (Noppers et al., Pain 2011;152:2173, abstract [V]).
 * A single 100-h infusion left weekly liver tests unaffected (Sigtermans 2009 [S]).
 *
 * <p>Rule [U]: two or more infusions of at least {@value #MIN_INFUSION_H} h each, one starting
 * within {@value #WITHIN_DAYS} days after the previous one ended.
 *
 * @param longInfusions   the number of infusions of at least {@value #MIN_INFUSION_H} h in the regimen
 * @param shortestGapDays the shortest gap between the end of one and the start of the next (days)
 * @param text            the warning, citing Noppers 2011
 */
public record RepeatedInfusionWarning(int longInfusions, double shortestGapDays, String text) {

    /** An infusion this long (h) counts [U]: a day or more, a quarter of Noppers' 100 h. */
    public static final double MIN_INFUSION_H = 24;
    /** Repeats within this many days count [U]: Noppers' 16 days with a margin, as in "within weeks". */
    public static final double WITHIN_DAYS = 28;

    /**
     * @param course the course
     * @return the warning, if the rule applies
     */
    public static Optional<RepeatedInfusionWarning> check(CourseDescriptor course) {
        List<CourseDescriptor.Period> longOnes =
                course.periods().stream().filter(p -> p.hours() >= MIN_INFUSION_H).toList();
        double shortest = Double.POSITIVE_INFINITY;
        for (int k = 1; k < longOnes.size(); k++) {
            shortest = Math.min(shortest, (longOnes.get(k).startH() - longOnes.get(k - 1).endH()) / 24);
        }
        if (!(shortest <= WITHIN_DAYS)) {
            return Optional.empty();
        }
        return Optional.of(new RepeatedInfusionWarning(longOnes.size(), shortest, String.format(Locale.ROOT,
                "%d infusions of %.0f h or more, the closest %.1f days apart: Noppers 2011 found liver injury in 3 of 6 "
                        + "CRPS-1 patients given two 100-h S-ketamine infusions 16 days apart (Pain 2011;152:2173); "
                        + "monitor liver function", longOnes.size(), MIN_INFUSION_H, shortest)));
    }
}
