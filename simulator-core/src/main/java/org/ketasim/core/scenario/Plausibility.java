package org.ketasim.core.scenario;

import java.util.Locale;
import java.util.Optional;
import org.ketasim.core.model.Route;
import org.ketasim.core.units.Quantity;

/**
 * Doses and rates that are possible but not plausible for analgesic S-ketamine, and the reading
 * the writer probably meant (a warning), and doses no human is given (an error). Each check
 * returns the problem, naming the value, what it amounts to for this patient, and the reading
 * under the likely intended unit.
 *
 * <p>Limits of the warnings and their sources:
 * <ul>
 *   <li>an infusion rate above {@value #MAX_RATE_MG_PER_KG_H} mg/kg/h: the highest maximum any
 *       Dutch clinic reported is 100 mg/h, 1.4 mg/kg/h at 70 kg (dutch-survey.md); racemic ketamine
 *       anaesthesia is maintained at about 2.5 mg/kg/h (41 ug/kg/min, Idvall 1979, pk-models.md
 *       2.6);</li>
 *   <li>a bolus (given at once) above {@value #MAX_BOLUS_MG_PER_KG} mg/kg: racemic ketamine induces
 *       anaesthesia at 1-2 mg/kg IV (pk-models.md 2.6, 5.3).</li>
 * </ul>
 *
 * <p>The limit of the errors: more than {@value #MAX_HUMAN_MG_PER_KG_IN_AN_HOUR} mg/kg given within
 * an hour, by any route: as a bolus, a short infusion, or a rate held for an hour or more. That is
 * ten times the highest rate used in this field, 5 mg/kg/h of anaesthetic-dose ketamine in intensive
 * care (Kiefer 2008, protocols.md 6c), and 25 times an anaesthetic induction dose. The factor is an
 * assumption: a margin wide enough that no dose given to a patient, nor a misread unit of one
 * (7 mg/kg/h read literally, in the Dutch survey's catalogue), is refused.
 */
public final class Plausibility {

    /** The largest sub-anaesthetic infusion rate (mg/kg/h). */
    public static final double MAX_RATE_MG_PER_KG_H = 1.5;
    /** The largest sub-anaesthetic bolus given at once (mg/kg). */
    public static final double MAX_BOLUS_MG_PER_KG = 1.0;
    /** The most given to a human within an hour, by any route (mg/kg); above it a dose is refused. */
    public static final double MAX_HUMAN_MG_PER_KG_IN_AN_HOUR = 50;

    private Plausibility() {
    }

    /**
     * @param shown     the rate as written (in a file or typed)
     * @param written   the rate as parsed
     * @param mgPerH    the rate it gives for this patient (mg/h)
     * @param weightKg  the patient's weight (kg)
     * @return the problem, if the rate is above the sub-anaesthetic range
     */
    public static Optional<String> rate(String shown, Quantity written, double mgPerH, double weightKg) {
        String reading = written.isPerWeight()
                ? "if mg/h was meant, it would read " + fmt(written.value()) + " mg/h"
                : "if mg/d was meant, it would read " + fmt(written.value() / 24) + " mg/h";
        return anaestheticRate(shown, mgPerH, weightKg, reading);
    }

    /**
     * @param shown    the rate as written
     * @param mgPerH   the rate it gives for this patient (mg/h)
     * @param weightKg the patient's weight (kg)
     * @param reading  what the writer probably meant, or what to check, ending the message
     * @return the problem, if the rate is above the sub-anaesthetic range
     */
    public static Optional<String> anaestheticRate(String shown, double mgPerH, double weightKg, String reading) {
        if (!(mgPerH > MAX_RATE_MG_PER_KG_H * weightKg)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s is %s mg/h for this %s kg patient (%s mg/kg/h), above the "
                        + "highest sub-anaesthetic rate (%s mg/kg/h; the highest Dutch clinic maximum is 100 mg/h) and in "
                        + "the range of anaesthesia (about 2.5 mg/kg/h); %s", shown, fmt(mgPerH), fmt(weightKg),
                fmt(mgPerH / weightKg), fmt(MAX_RATE_MG_PER_KG_H), reading));
    }

    /**
     * @param shown    the amount as written (in a file or typed)
     * @param written  the amount as parsed
     * @param mg       the amount it gives for this patient (mg)
     * @param weightKg the patient's weight (kg)
     * @param route    the route
     * @return the problem, if an IV bolus given at once is an anaesthetic induction dose
     */
    public static Optional<String> bolus(String shown, Quantity written, double mg, double weightKg, Route route) {
        String reading = written.isPerWeight()
                ? "if mg was meant, it would read " + fmt(written.value()) + " mg; if it is given over the session, "
                        + "write 'over:'"
                : "if it is given over the session, write 'over:'";
        return inductionDose(shown, mg, weightKg, route, reading);
    }

    /**
     * @param shown    the amount as written
     * @param mg       the amount it gives for this patient (mg)
     * @param weightKg the patient's weight (kg)
     * @param route    the route
     * @param reading  what the writer probably meant, or what to check, ending the message
     * @return the problem, if an IV bolus given at once is an anaesthetic induction dose
     */
    public static Optional<String> inductionDose(String shown, double mg, double weightKg, Route route, String reading) {
        if (route != Route.IV || !(mg > MAX_BOLUS_MG_PER_KG * weightKg)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s given at once is %s mg for this %s kg patient (%s mg/kg), an "
                        + "anaesthetic induction dose (above %s mg/kg); %s", shown, fmt(mg), fmt(weightKg),
                fmt(mg / weightKg), fmt(MAX_BOLUS_MG_PER_KG), reading));
    }

    /**
     * @param shown    the dose as written (in a file or typed), with how long it runs where that matters
     * @param mg       the amount it gives within an hour for this patient (mg): a bolus's amount, a
     *                 short infusion's, or a rate held for an hour or more times one hour
     * @param weightKg the patient's weight (kg)
     * @return the problem, if that is more than a human is given ({@link #MAX_HUMAN_MG_PER_KG_IN_AN_HOUR})
     */
    public static Optional<String> beyondHuman(String shown, double mg, double weightKg) {
        if (!(mg > MAX_HUMAN_MG_PER_KG_IN_AN_HOUR * weightKg)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s gives %s mg within an hour for this %s kg patient (%s "
                        + "mg/kg), more than a human is given (at most %s mg/kg within an hour: ten times the highest "
                        + "rate used in this field, 5 mg/kg/h of anaesthetic-dose ketamine in intensive care, Kiefer "
                        + "2008); check the dose and its unit", shown, fmt(mg), fmt(weightKg), fmt(mg / weightKg),
                fmt(MAX_HUMAN_MG_PER_KG_IN_AN_HOUR)));
    }

    /**
     * @return the number to 4 significant figures, without trailing zeros, for messages; from ten
     *         million on in powers of ten ({@code 1.429e+07}), so that a value typed in the wrong unit
     *         does not fill the message with digits
     */
    public static String fmt(double v) {
        if (Math.abs(v) >= 1e7) {
            return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+e", "e");
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
