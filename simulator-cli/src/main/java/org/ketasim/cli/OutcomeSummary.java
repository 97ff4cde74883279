package org.ketasim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ketasim.core.outcomes.Arm;
import org.ketasim.core.outcomes.EvidenceReason;
import org.ketasim.core.outcomes.Measure;
import org.ketasim.core.outcomes.OutcomeResult;
import org.ketasim.core.outcomes.OutcomeRow;
import org.ketasim.core.outcomes.OutcomeTime;

/**
 * The population outcomes in a few plain lines for the terminal: the share with at least 30 % relief
 * at each time and the share with psychomimetic effects, each on the regimen and on placebo with its
 * 95 % interval, and the evidence flag with its reasons.
 */
final class OutcomeSummary {

    private OutcomeSummary() {
    }

    /**
     * @param o a population's outcomes
     * @return the lines, without line breaks
     */
    static List<String> lines(OutcomeResult o) {
        List<String> lines = new ArrayList<>();
        List<String> relief = new ArrayList<>();
        for (OutcomeTime t : o.times()) {
            relief.add(t.label().replace('_', ' ') + " " + share(o, Measure.MEETS_30_PERCENT, t.label()));
        }
        lines.add("patients with >= 30 % pain relief (regimen vs placebo, 95 % interval): " + String.join("; ", relief));
        lines.add("patients with psychomimetic effects during the course: "
                + share(o, Measure.PSYCHOMIMETIC, OutcomeTime.COURSE));
        List<EvidenceReason> reasons = o.drugEvidenceReasons();
        if (!reasons.isEmpty()) {
            lines.add("OUTSIDE THE EVIDENCE: " + String.join("; ", reasons.stream().map(EvidenceReason::text).toList()));
        }
        lines.add(String.format(Locale.ROOT, "(outcomes of %d subjects, %d replicates of parameter uncertainty; see "
                + "population_outcomes.csv)", o.subjects(), o.replicates()));
        return lines;
    }

    private static String share(OutcomeResult o, Measure m, String time) {
        OutcomeRow d = o.row(Arm.DRUG, m, time);
        OutcomeRow p = o.row(Arm.PLACEBO, m, time);
        return String.format(Locale.ROOT, "%s vs %s", percent(d), percent(p));
    }

    private static String percent(OutcomeRow r) {
        return Double.isNaN(r.pLo()) ? String.format(Locale.ROOT, "%.0f %%", 100 * r.p())
                : String.format(Locale.ROOT, "%.0f %% (%.0f-%.0f %%)", 100 * r.p(), 100 * r.pLo(), 100 * r.pHi());
    }
}
