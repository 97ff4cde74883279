package org.ketasim.core.outcomes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ketasim.core.model.Route;

/**
 * Where the evidence of the outcome models ends. Both the pain-relief model (Dahan 2011) and the
 * psychomimetic calibration (Sigtermans 2009) rest on one randomised trial: a single continuous
 * 4.2-day (100-h) IV infusion of S-ketamine, titrated from 5 mg/h to at most 30 mg/h per 70 kg
 * (end rate 22.2 mg/h), in 60 CRPS-1 patients. Limits, each stated with its reason:
 * <ul>
 *   <li>a route other than IV: no PD evidence (iontophoretic, subcutaneous, oral, sublingual,
 *       intranasal);</li>
 *   <li>racemic ketamine: the PD is of S-ketamine; ketasim takes the S-half, and R-ketamine's own
 *       chronic effect is unknown;</li>
 *   <li>a typical peak plasma S-ketamine above {@value #MAX_PEAK_NG_PER_ML} ng/mL;</li>
 *   <li>an S-ketamine rate above {@link #MAX_RATE_MG_PER_KG_PER_H} mg/kg/h;</li>
 *   <li>a course (first start to last end) under {@value #MIN_COURSE_H} h or over
 *       {@value #MAX_COURSE_H} h;</li>
 *   <li>more than one session;</li>
 *   <li>for psychomimetic effects on S-ketamine alone: a model without an acute effect site, whose
 *       peaks are then taken at the one the outcome models assume
 *       ({@link org.ketasim.core.model.EffectSite#OLOFSEN_2012}).</li>
 * </ul>
 * The drug arm is checked against all; the placebo arm against route, course length and sessions,
 * which change what a placebo course is, not the concentrations.
 */
public final class Evidence {

    /** Sigtermans 2009's maximum rate, about 30 mg/h (7.2 ug/kg/min) per 70 kg [S, CASA bulletin; V as quoted by Mangnus 2021]. */
    public static final double TRIAL_MAX_RATE_MG_PER_KG_PER_H = 30.0 / 70;
    /** Twice the trial's maximum rate, 0.86 mg/kg/h (60 mg/h at 70 kg) [U: "far above" taken as twice]. */
    public static final double MAX_RATE_MG_PER_KG_PER_H = 2 * TRIAL_MAX_RATE_MG_PER_KG_PER_H;
    /**
     * 600 ng/mL S-ketamine [U]: about twice the steady state at the trial's 30 mg/h maximum
     * (30 / 95.2 L/h = 315 ng/mL on fanta-otto [D]), and the lower end of anaesthetic S-ketamine
     * concentrations (racemic anaesthesia 1200-2400 ng/mL, Zanos 2018 Table 1 [V], halved [D]).
     */
    public static final double MAX_PEAK_NG_PER_ML = 600;
    /**
     * 48 h [U]: under half the trial's 100 h; Noppers 2010 judged infusions under 2 h unlikely to
     * relieve pain beyond 2 days (dutch-survey.md [S]), and whether a short high exposure acts like a
     * long low one of equal AUC is unknown.
     */
    public static final double MIN_COURSE_H = 48;
    /** 240 h (10 days) [U]: about 2.4 times the trial's 100 h. */
    public static final double MAX_COURSE_H = 240;

    private static final String TRIAL = "the outcome models rest on one trial, a single continuous 4.2-day IV "
            + "S-ketamine infusion in CRPS-1 (Sigtermans 2009, Dahan 2011)";

    private Evidence() {
    }

    /**
     * @param course the course
     * @param arm    the arm
     * @return whether the arm's outcomes (relief at every time, and psychomimetic effects) lie
     *         outside the evidence, with the reasons
     */
    public static EvidenceFlag assess(CourseDescriptor course, Arm arm) {
        List<EvidenceReason> reasons = new ArrayList<>();
        List<Route> other = course.routes().stream().filter(r -> r != Route.IV).sorted().toList();
        if (!other.isEmpty()) {
            reasons.add(new EvidenceReason(EvidenceReason.Limit.ROUTE, "route "
                    + other.stream().map(Route::id).collect(Collectors.joining(", "))
                    + ": no pharmacodynamic evidence for it; " + TRIAL));
        }
        if (arm == Arm.DRUG && course.racemic()) {
            reasons.add(new EvidenceReason(EvidenceReason.Limit.RACEMIC, "racemic ketamine: the models are of "
                    + "S-ketamine; its S-half is simulated, and R-ketamine's own effect on chronic pain is unknown"));
        }
        if (arm == Arm.DRUG && course.peakPlasmaSKetamineNgPerMl() > MAX_PEAK_NG_PER_ML) {
            reasons.add(new EvidenceReason(EvidenceReason.Limit.PEAK, String.format(Locale.ROOT,
                    "peak plasma S-ketamine %.0f ng/mL, above %.0f ng/mL: about twice the trial's highest steady "
                            + "state and anaesthetic; the models were fitted to sub-anaesthetic concentrations",
                    course.peakPlasmaSKetamineNgPerMl(), MAX_PEAK_NG_PER_ML)));
        }
        if (arm == Arm.DRUG && course.highestSKetamineRateMgPerKgPerH() > MAX_RATE_MG_PER_KG_PER_H) {
            reasons.add(new EvidenceReason(EvidenceReason.Limit.RATE, String.format(Locale.ROOT,
                    "S-ketamine rate up to %s mg/kg/h, above %.2f mg/kg/h, twice the trial's maximum of 30 mg/h "
                            + "per 70 kg", round3(course.highestSKetamineRateMgPerKgPerH()), MAX_RATE_MG_PER_KG_PER_H)));
        }
        double span = course.spanH();
        if (span < MIN_COURSE_H) {
            reasons.add(new EvidenceReason(EvidenceReason.Limit.SHORT_COURSE, String.format(Locale.ROOT,
                    "a course of %s h, under %.0f h: %s; acute analgesia during a short infusion is not modelled",
                    round3(span), MIN_COURSE_H, TRIAL)));
        } else if (span > MAX_COURSE_H) {
            reasons.add(new EvidenceReason(EvidenceReason.Limit.LONG_COURSE, String.format(Locale.ROOT,
                    "a course of %s days, over %.0f days: %s", round3(span / 24), MAX_COURSE_H / 24, TRIAL)));
        }
        if (course.sessions() > 1) {
            reasons.add(new EvidenceReason(EvidenceReason.Limit.SESSIONS, course.sessions() + " separate sessions: "
                    + TRIAL + "; whether intermittent exposure acts like continuous exposure of equal AUC is unknown"));
        }
        return EvidenceFlag.of(reasons);
    }

    /**
     * @param course  the course
     * @param arm     the arm
     * @param measure the measure
     * @return whether the measure's outcome in the arm lies outside the evidence, with the reasons:
     *         the arm's ({@link #assess(CourseDescriptor, Arm)}), and for psychomimetic effects on
     *         S-ketamine an acute effect site the model lacks
     */
    public static EvidenceFlag assess(CourseDescriptor course, Arm arm, Measure measure) {
        EvidenceFlag flag = assess(course, arm);
        if (arm != Arm.DRUG || measure != Measure.PSYCHOMIMETIC || !course.acuteEffectSiteAssumed()) {
            return flag;
        }
        List<EvidenceReason> reasons = new ArrayList<>(flag.reasons());
        reasons.add(new EvidenceReason(EvidenceReason.Limit.ACUTE_EFFECT_SITE, "the model has no acute effect site: "
                + "the psychomimetic share takes each patient's peak at the one the outcome models assume, "
                + "t1/2ke0 6.1 min (Olofsen 2012, healthy volunteers); declare model.effect to use the model's own"));
        return EvidenceFlag.of(reasons);
    }

    /** @return the value to 3 significant digits without trailing zeros, e.g. 2.5 or 0.857 */
    private static String round3(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
