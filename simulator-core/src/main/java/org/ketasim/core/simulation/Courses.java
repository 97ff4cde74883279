package org.ketasim.core.simulation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ketasim.core.engine.Controller;
import org.ketasim.core.model.Observable;
import org.ketasim.core.model.Route;
import org.ketasim.core.outcomes.CourseDescriptor;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.RateSegment;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.titration.RuleTitration;
import org.ketasim.core.titration.TitrationRule;

/**
 * Describes a compiled scenario's course for the evidence checks of the outcome models
 * ({@link CourseDescriptor}): its routes, whether the drug is racemic, its periods of
 * administration (each infusion's running segments, each bolus, each rule titration's window), the
 * typical patient's peak plasma S-ketamine, the highest S-ketamine pump rate per kg, and whether the
 * model lacks an acute effect site.
 */
public final class Courses {

    private Courses() {
    }

    /**
     * @param c       a compiled scenario
     * @param typical its typical patient, simulated (for the peak and the rates a rule titration set)
     * @return the course
     */
    public static CourseDescriptor describe(CompiledScenario c, PatientResult typical) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        List<CourseDescriptor.Period> periods = new ArrayList<>();
        double highest = 0;
        for (Dose d : c.regimen().doses()) {
            routes.add(d.route());
            if (d.rateSegments().isEmpty()) {
                periods.add(new CourseDescriptor.Period(d.startH(), d.startH()));
            }
            for (RateSegment g : d.rateSegments()) {
                if (g.rateMgPerH() > 0) {
                    periods.add(new CourseDescriptor.Period(g.startH(), g.endH()));
                    highest = Math.max(highest, g.rateMgPerH());
                }
            }
        }
        for (Controller.Factory f : c.plan().controllers()) {
            if (f instanceof RuleTitration.Factory rule) {
                TitrationRule r = rule.rule();
                routes.add(r.route());
                periods.add(new CourseDescriptor.Period(r.atH(), r.atH() + r.durationH()));
            }
        }
        for (double rate : typical.series().pumpRatesMgPerH()) {
            highest = Math.max(highest, rate);
        }
        double s = c.sKetamineFraction();
        double perKg = highest * c.inputFactor() * s / c.weightKg();
        boolean racemic = c.racemicModel() || c.scenario().drug() == Drug.KETAMINE;
        return new CourseDescriptor(routes, racemic, periods, s * typical.summary().cmaxExactNgPerMl(), perKg,
                !c.plan().system().has(Observable.EFFECT));
    }
}
