package org.ketasim.core.compare;

import java.util.Map;
import org.ketasim.core.pd.EffectiveReduction;

/**
 * One row of {@code comparison.csv}: one scenario simulated with one model. NaN marks a value the
 * model cannot give (no metabolite, no effect site).
 *
 * @param id                 scenario id
 * @param family             the catalogue folder (dutch-survey, international, trials, ...)
 * @param setting            inpatient, outpatient, or empty
 * @param routes             the routes used, joined with '+'
 * @param drug               esketamine or ketamine
 * @param model              model id or inline name
 * @param analyte            what the parent concentrations are
 * @param weightKg           the patient's weight (kg)
 * @param totalDoseMg        amount administered over the whole course (mg), before bioavailability
 * @param peakRateMgPerH     the highest pump rate (mg/h)
 * @param infusionHours      hours with a pump running
 * @param courseEndH         end of the last administration (h)
 * @param cmax               largest parent concentration over the simulation (ng/mL)
 * @param auc                exact parent AUC over the simulation (ng&middot;h/mL)
 * @param cmaxMetabolite     largest metabolite concentration (ng/mL)
 * @param aucMetabolite      exact metabolite AUC (ng&middot;h/mL)
 * @param windowHours        hours inside each concentration window, by window name
 * @param peakDrugHigh       largest drug-high probability
 * @param nrsEnd             expected NRS reduction at the end of the course
 * @param nrs4Weeks          the same 4 weeks after the end
 * @param nrs12Weeks         the same 12 weeks after the end
 * @param maxNrs             the largest expected NRS reduction from the start to 12 weeks after the end
 * @param meets              whether that largest reduction meets each definition of the survey
 */
public record ComparisonRow(String id, String family, String setting, String routes, String drug, String model,
                            String analyte, double weightKg, double totalDoseMg, double peakRateMgPerH,
                            double infusionHours, double courseEndH, double cmax, double auc, double cmaxMetabolite,
                            double aucMetabolite, Map<String, Double> windowHours, double peakDrugHigh, double nrsEnd,
                            double nrs4Weeks, double nrs12Weeks, double maxNrs, Map<EffectiveReduction, Boolean> meets) {

    /** Copies the maps. */
    public ComparisonRow {
        windowHours = Map.copyOf(windowHours);
        meets = Map.copyOf(meets);
    }
}
