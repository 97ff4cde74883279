package org.ketasim.core.nonmem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketasim.core.model.Route;
import org.ketasim.core.problems.Location;
import org.ketasim.core.problems.Warning;
import org.ketasim.core.scenario.Plausibility;

/**
 * The doses of a NONMEM data set held against what a patient is given, by the limits a scenario's
 * doses are held against ({@link Plausibility}); AMT is in mg and RATE in mg/h of the modelled
 * analyte, and the weight is the record's WT, else the default.
 *
 * <ul>
 *   <li>A dose record that gives more within an hour than a human is given is refused: a bolus's
 *       AMT, or an infusion's AMT or RATE &times; 1 h, whichever is less (a steady-state infusion
 *       without AMT: its RATE &times; 1 h).</li>
 *   <li>A bolus into the central compartment above an anaesthetic induction dose, and an infusion
 *       rate above the sub-anaesthetic range, are warned about: possible, but probably not meant
 *       (AMT in ug, say).</li>
 * </ul>
 * Additional doses (ADDL) are the record's own dose again, so the record is checked once. A dose
 * with a modelled rate or duration (RATE -1 or -2) is refused as a bolus of its amount would be, and
 * never warned about: how fast it runs is the model's.
 */
public final class DosePlausibility {

    private static final String UNITS = "check the units of AMT and RATE (mg and mg/h of the modelled analyte)";

    private DosePlausibility() {
    }

    /**
     * @param set    the data set
     * @param models its record models (the weight of records without WT, the compartment numbers)
     * @return the warnings, record by record in file order
     * @throws NonmemDataException for the first dose beyond what a human is given, naming its row, column and value
     */
    public static List<Warning> check(NonmemDataSet set, RecordModels models) {
        List<Warning> warnings = new ArrayList<>();
        Compartments typical = models.typical();
        int central = typical.system().centralIndex();
        for (NonmemDataSet.Individual individual : set.individuals()) {
            for (NonmemRecord r : individual.records()) {
                if (!r.isDose()) {
                    continue;
                }
                double kg = r.weightKg().orElse(models.defaultWeightKg());
                boolean infusion = r.rate() > 0;
                String column = infusion && (r.amt() == 0 || r.rate() < r.amt()) ? "RATE" : "AMT";
                String shown = "AMT " + Plausibility.fmt(r.amt()) + (infusion ? " at RATE " + Plausibility.fmt(r.rate())
                        : "");
                double withinAnHour = infusion ? (r.amt() > 0 ? Math.min(r.amt(), r.rate()) : r.rate()) : r.amt();
                Optional<String> beyond = Plausibility.beyondHuman(shown, withinAnHour, kg);
                if (beyond.isPresent()) {
                    throw new NonmemDataException(models.source(), r.row(), column, beyond.get());
                }
                Optional<String> warning = Optional.empty();
                if (infusion) {
                    warning = Plausibility.anaestheticRate("RATE " + Plausibility.fmt(r.rate()), r.rate(), kg, UNITS);
                } else if (r.rate() == 0 && typical.state(r.cmt()).filter(s -> s == central).isPresent()) {
                    warning = Plausibility.inductionDose(shown + " into the central compartment", r.amt(), kg,
                            Route.IV, UNITS + "; an infusion needs a RATE");
                }
                Location at = new Location(models.source(), (int) Math.min(r.row(), Integer.MAX_VALUE), column);
                warning.ifPresent(w -> warnings.add(new Warning(Warning.Kind.IMPLAUSIBLE_DOSE, at, w)));
            }
        }
        return warnings;
    }
}
