package org.ketasim.core.outcomes;

import java.util.ArrayList;
import java.util.List;

/**
 * Every source and assumption of the outcome models, one line each, for the model card
 * ({@code ketasim models}), the report and docs/validation.md. Confidence marks: [V] read in the
 * primary source, [S] secondhand, [D] derived by arithmetic, [U] ketasim's assumption.
 */
public final class OutcomeAssumptions {

    /** The lines. */
    public static final List<String> LINES;

    static {
        List<String> l = new ArrayList<>(List.of(
                "pain relief, source: Dahan et al., Eur J Pain 2011;15:258 (doi:10.1016/j.ejpain.2010.06.016), the "
                        + "PK-PD analysis of Sigtermans 2009's 100-h S-ketamine infusion in 60 CRPS-1 patients: C50 10.5 "
                        + "ng/mL (95 % CI 4.37-21.2), t1/2 of onset and offset 10.9 days (5.3-20.5), chance of an "
                        + "analgesic effect 67 % (SE 10 %) on S-ketamine and 23 % (SE 9 %) on placebo [V, abstract]; "
                        + "the equations, gamma, variability and placebo model were not readable",
                "pain relief: Ce,pain follows plasma S-ketamine through dCe/dt = ke0 (Cp - Ce), ke0 = ln 2 / t1/2 [V: "
                        + "Dahan's 'blood-effect-site equilibration']; norketamine is not included [U]",
                "pain relief: a responder's relief fraction is Ce^g / (C50^g + Ce^g), up to complete relief [U]; g is "
                        + "drawn uniformly between 1 and 2 per replicate, point value 1.5 [U]",
                "pain relief: each patient responds to S-ketamine or not (Dahan's mixture); non-responders get no "
                        + "drug relief at any concentration [V: mixture; U: its use per patient]",
                "placebo: 23 % of patients have a placebo response [V]; its size is not published: a fraction of the "
                        + "baseline drawn per patient uniformly from 30 % (the smallest clinically important "
                        + "reduction, Farrar 2001 [S]) to 100 %, the same at every outcome time [U]",
                "placebo: placebo responders are among the S-ketamine responders (one uniform draw decides both), "
                        + "and on S-ketamine a patient's relief is the larger of the drug's and the placebo "
                        + "response's [U]; the placebo arm is the same virtual patients given placebo",
                "uncertainty: C50 and t1/2 are drawn per replicate from split log-normals through Dahan's 95 % CIs "
                        + "(median at the estimate); the two response chances from logit-normals with their SEs "
                        + "(delta method) [U: the shapes]",
                "variability: not published; assumed between-patient SDs of ln C50 0.5 and of ln t1/2 0.5 [U] (patients "
                        + "differ in how long relief lasts: 1-10 days to 1-6 months, Xu 2019 [V])",
                "baseline NRS: 7 unless given [U]; a distribution is a normal truncated to 0-10",
                "definitions: meets_2_points >= 2 NRS points, meets_3_points >= 3, meets_30_percent >= 30 % of "
                        + "baseline, meets_50_percent > 50 % (Mangnus 2021 survey [V])",
                "outcome times: end of the course (end of the last administration), 4 and 12 weeks after it",
                "psychomimetic: share of patients with psychomimetic side effects during the course; per patient "
                        + "1 - (1 - b)(1 - 1 / (1 + (C_thr / C)^g)) of the peak acute effect-site S-ketamine "
                        + "concentration C (t1/2ke0 6.1 min, Olofsen 2012 [V]; Olofsen 2022's 8.3 min for external "
                        + "perception differs little at multi-day infusions) [U: the form]",
                "psychomimetic: C_thr drawn log-uniformly from 71.3 ng/mL (drug-high C50, Simons 2022 [V]) to 156.9 "
                        + "ng/mL (upper 95 % limit of Olofsen 2022's external-perception C50, 121.2 ng/mL, the point "
                        + "value) [V, D]",
                "psychomimetic: calibrated per replicate to Sigtermans 2009 (Pain 2009;145:304): 76 % on S-ketamine, "
                        + "18 % on placebo [V], each drawn from Beta(x + 1/2, n - x + 1/2) with n = 30 [U]; b = the "
                        + "placebo share; g solved (Brent, within 0.5-10) so that peaks log-normal around 233.2 "
                        + "ng/mL (22.2 mg/h per 70 kg [V] over fanta-otto's CL 95.2 L/h [D]) with log-SD 0.49 (the end "
                        + "rate's +-2.0 read as an SEM [U]) to 0.18 (read as an SD) give the drug-induced share "
                        + "(76 % - 18 %) / (1 - 18 %); where no g in 0.5-10 can (about 1 draw in 5), C_thr moves off "
                        + "the acute C50 just enough [U]",
                "psychomimetic: depends on the peak only, not on how long it lasts [U]; rates lowered for side "
                        + "effects during Sigtermans' titration are ignored [U]",
                "psychomimetic: a model without an acute effect site (an inline one) gets Olofsen 2012's t1/2ke0 "
                        + "6.1 min for its peaks [U], and that share is flagged outside the evidence; its "
                        + "concentrations and other outputs stay the model's own",
                "evidence: outcomes are flagged outside the evidence for a route other than IV, racemic ketamine "
                        + "(drug arm), a typical peak plasma S-ketamine above 600 ng/mL (drug arm), an S-ketamine rate "
                        + "above 0.86 mg/kg/h (twice Sigtermans' 30 mg/h per 70 kg maximum [S]) (drug arm), a course "
                        + "under 48 h or over 240 h, or more than one session [U: the thresholds]",
                "liver: a warning when two or more infusions of 24 h or more start within 28 days of the previous "
                        + "one's end (Noppers 2011: liver injury in 3 of 6 patients given two 100-h S-ketamine "
                        + "infusions 16 days apart [V]) [U: the rule]",
                "racemic ketamine: S-ketamine is taken as half the racemic dose or total concentration [U]; "
                        + "R-ketamine's own effect is ignored (Olofsen 2022 found no R-ketamine contribution to "
                        + "acute effects [V])",
                "exposure: plasma S-ketamine AUC in 1-h bins of the course with the edge concentrations, the pain "
                        + "effect site from them by quadrature, within 1e-7 relative of the exact state for "
                        + "multi-day courses; after the course end, and between sessions, in closed form from the "
                        + "engine's modes (a week of bins and a tail where it has none) [D, tested]",
                "uncertainty intervals: 2.5 and 97.5 % points over replicates (R type 7), covering parameter "
                        + "uncertainty and the sampling variation of a cohort of the simulated size"));
        l.addAll(DrugHighScore.ASSUMPTIONS);
        LINES = List.copyOf(l);
    }

    private OutcomeAssumptions() {
    }
}
