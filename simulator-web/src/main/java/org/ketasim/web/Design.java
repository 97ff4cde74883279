package org.ketasim.web;

/**
 * What the designer's form says, as the browser sends it. Every part but {@code base} is optional:
 * a missing part keeps the base scenario's value. Quantities are written as in scenario files
 * ({@code "5 mg/h"}, {@code "0.1 mg/kg/h"}, {@code "12 h"}).
 *
 * @param base        where the scenario starts from: {@code catalogue:family/name}, {@code upload:TOKEN},
 *                    or empty for a new regimen
 * @param regimen     the regimen's fields, when edited; only a regimen of one infusion can be edited this way
 * @param drug        {@code esketamine} or {@code ketamine}
 * @param weightKg    body weight (kg)
 * @param model       a built-in model id; empty keeps the base's model
 * @param baselineNrs pain score before treatment (NRS 0 to 10)
 * @param duration    how long to simulate, e.g. {@code "6 d"}
 */
record Design(String base, Fields regimen, String drug, Double weightKg, String model, Double baselineNrs,
              String duration) {

    /**
     * The fields of a one-infusion regimen: rate {@code min(start + k increment, max)} on the k-th
     * interval of length {@code every}, for {@code duration}; an increment of 0 is a constant infusion.
     *
     * @param start     first rate
     * @param increment rise per interval (0 for a constant rate)
     * @param every     interval between rises
     * @param max       highest rate, or empty for none
     * @param duration  how long the infusion runs
     * @param route     the route's id ({@code iv}, {@code sc}, ...)
     */
    record Fields(String start, String increment, String every, String max, String duration, String route) {
    }
}
