package org.ketasim.core.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The outcomes of one regimen in a virtual population.
 *
 * @param seed           the master seed
 * @param subjects       the number of subjects
 * @param replicates     the number of replicates behind the intervals
 * @param times          the relief assessment times, in order
 * @param rows           one share per arm, measure and time: drug rows first, then placebo; per
 *                       arm the four relief definitions at each time, then psychomimetic effects
 * @param meanReductions the mean NRS reductions per time
 * @param perSubject     each subject at the point estimates
 * @param liverWarning   the warning for repeated long infusions, if the regimen has them
 */
public record OutcomeResult(long seed, int subjects, int replicates, List<OutcomeTime> times, List<OutcomeRow> rows,
                            List<MeanReductionRow> meanReductions, List<SubjectOutcome> perSubject,
                            Optional<RepeatedInfusionWarning> liverWarning) {

    /** Copies the lists. */
    public OutcomeResult {
        times = List.copyOf(times);
        rows = List.copyOf(rows);
        meanReductions = List.copyOf(meanReductions);
        perSubject = List.copyOf(perSubject);
    }

    /**
     * @param arm     the arm
     * @param measure the measure
     * @param time    the time label ({@code course} for psychomimetic effects)
     * @return that row
     * @throws NoSuchElementException if there is none
     */
    public OutcomeRow row(Arm arm, Measure measure, String time) {
        return rows.stream().filter(r -> r.arm() == arm && r.measure() == measure && r.time().equals(time)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no outcome " + arm.id() + " " + measure.id() + " at '"
                        + time + "'"));
    }

    /**
     * @return why the drug arm's outcomes lie outside the evidence: the reasons of its rows, each
     *         once, in row order (relief's, the same at every time, then those of the psychomimetic
     *         share alone); empty inside the evidence
     */
    public List<EvidenceReason> drugEvidenceReasons() {
        List<EvidenceReason> reasons = new ArrayList<>();
        rows.stream().filter(row -> row.arm() == Arm.DRUG).flatMap(row -> row.reasons().stream())
                .filter(r -> reasons.stream().noneMatch(known -> known.limit() == r.limit())).forEach(reasons::add);
        return reasons;
    }

    /**
     * @param time a time label
     * @return the mean reductions at that time
     * @throws NoSuchElementException if there is none
     */
    public MeanReductionRow meanReduction(String time) {
        return meanReductions.stream().filter(r -> r.time().equals(time)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no mean reduction at '" + time + "'"));
    }
}
