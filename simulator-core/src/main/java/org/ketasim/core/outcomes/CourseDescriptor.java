package org.ketasim.core.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ketasim.core.model.Route;

/**
 * What the evidence checks need to know of a regimen and its exposure ({@link Evidence},
 * {@link RepeatedInfusionWarning}). Immutable.
 *
 * @param routes                          the routes used, at least one
 * @param racemic                         whether the drug given is racemic ketamine (its S-half simulated)
 * @param periods                         the administration periods; overlapping or touching ones
 *                                        (gap up to {@value #MERGE_GAP_H} h) are merged, the rest sorted
 * @param peakPlasmaSKetamineNgPerMl      the typical patient's highest plasma S-ketamine concentration (ng/mL), &gt;= 0
 * @param highestSKetamineRateMgPerKgPerH the highest pump rate as S-ketamine base per kg (mg/kg/h), &gt;= 0:
 *                                        for racemic ketamine half the racemic rate
 * @param acuteEffectSiteAssumed          whether the model has no acute effect site of its own, so that
 *                                        the psychomimetic peaks are taken at the one the outcome models
 *                                        assume (t&frac12;ke0 6.1 min, Olofsen 2012)
 */
public record CourseDescriptor(Set<Route> routes, boolean racemic, List<Period> periods,
                               double peakPlasmaSKetamineNgPerMl, double highestSKetamineRateMgPerKgPerH,
                               boolean acuteEffectSiteAssumed) {

    /** Periods closer than this (h) are one: a titration's steps or back-to-back patches. */
    public static final double MERGE_GAP_H = 1e-6;

    /**
     * One period of administration: an infusion or patch from start to end, or a bolus
     * ({@code endH == startH}).
     *
     * @param startH start (h), &gt;= 0
     * @param endH   end (h), &gt;= start
     */
    public record Period(double startH, double endH) {
        /** Checks the ranges above. */
        public Period {
            if (!(startH >= 0) || !(endH >= startH) || Double.isInfinite(endH)) {
                throw new IllegalArgumentException("a period needs 0 <= start <= end, got " + startH + " h to " + endH
                        + " h");
            }
        }

        /** @return the period's length (h) */
        public double hours() {
            return endH - startH;
        }
    }

    /** Copies, sorts and merges; checks the ranges above. */
    public CourseDescriptor {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("a course needs at least one route");
        }
        routes = Set.copyOf(EnumSet.copyOf(routes));
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a course needs at least one period of administration");
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparingDouble(Period::startH));
        List<Period> merged = new ArrayList<>();
        Period current = sorted.get(0);
        for (Period p : sorted.subList(1, sorted.size())) {
            if (p.startH() <= current.endH() + MERGE_GAP_H) {
                current = new Period(current.startH(), Math.max(current.endH(), p.endH()));
            } else {
                merged.add(current);
                current = p;
            }
        }
        merged.add(current);
        periods = List.copyOf(merged);
        if (!(peakPlasmaSKetamineNgPerMl >= 0) || Double.isInfinite(peakPlasmaSKetamineNgPerMl)) {
            throw new IllegalArgumentException("the peak plasma concentration must be finite and >= 0, got "
                    + peakPlasmaSKetamineNgPerMl + " ng/mL");
        }
        if (!(highestSKetamineRateMgPerKgPerH >= 0) || Double.isInfinite(highestSKetamineRateMgPerKgPerH)) {
            throw new IllegalArgumentException("the highest rate must be finite and >= 0, got "
                    + highestSKetamineRateMgPerKgPerH + " mg/kg/h");
        }
    }

    /** @return the start of the first period (h) */
    public double startH() {
        return periods.get(0).startH();
    }

    /** @return the end of the last period (h): the course end, from which outcome times count */
    public double endH() {
        return periods.stream().mapToDouble(Period::endH).max().orElseThrow();
    }

    /** @return hours from the first start to the last end */
    public double spanH() {
        return endH() - startH();
    }

    /** @return the number of separate periods (sessions) */
    public int sessions() {
        return periods.size();
    }
}
