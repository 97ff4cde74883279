package org.ketasim.core.compare;

import java.util.Map;
import java.util.Optional;
import org.ketasim.core.outcomes.OutcomeResult;

/**
 * One row of {@code comparison.csv}: one scenario simulated with one model, for its typical patient
 * and, unless only the typical patient was asked for, a virtual population's outcomes. NaN marks a
 * value the model cannot give (no metabolite, no effect site).
 *
 * @param id                 scenario id
 * @param family             the catalogue folder (dutch-survey, international, trials, ...)
 * @param setting            inpatient, outpatient, or empty
 * @param routes             the routes used, joined with '+'
 * @param drug               esketamine or ketamine
 * @param model              model id or inline name
 * @param analyte            what the parent concentrations are
 * @param weightKg           the patient's weight (kg)
 * @param totalDoseMg        amount administered over the whole course (mg of the drug as written), before
 *                           bioavailability
 * @param sKetamineDoseMg    the S-ketamine in it (mg base): half of a racemic dose, the salt's base fraction
 * @param peakRateMgPerH     the highest pump rate (mg/h)
 * @param infusionHours      hours with a pump running
 * @param courseEndH         end of the last administration (h)
 * @param cmax               the typical patient's largest parent concentration over the simulation (ng/mL)
 * @param auc                its exact parent AUC over the simulation (ng&middot;h/mL)
 * @param cmaxMetabolite     its largest metabolite concentration (ng/mL)
 * @param aucMetabolite      its exact metabolite AUC (ng&middot;h/mL)
 * @param windowHours        its hours inside each concentration window, by window name
 * @param peakDrugHighScore  the largest drug-high score of a typical healthy volunteer at its
 *                           concentrations (0 to 1; see {@code pd.PdCurves})
 * @param outcomes           the population outcomes, or empty for the typical patient alone
 * @param pkVariability      whether the population's subjects differ in PK (false: the model has no
 *                           published variability, every subject has the typical exposure)
 */
public record ComparisonRow(String id, String family, String setting, String routes, String drug, String model,
                            String analyte, double weightKg, double totalDoseMg, double sKetamineDoseMg,
                            double peakRateMgPerH, double infusionHours, double courseEndH, double cmax, double auc,
                            double cmaxMetabolite, double aucMetabolite, Map<String, Double> windowHours,
                            double peakDrugHighScore, Optional<OutcomeResult> outcomes, boolean pkVariability) {

    /** Copies the map. */
    public ComparisonRow {
        windowHours = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(windowHours));
    }
}
