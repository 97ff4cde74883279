package org.ketasim.core.model.library;

import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AbsorptionTarget;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

/**
 * The extravascular routes shared by the built-in S-ketamine models, with their sources
 * (pk-models.md section 4). Each is one path into the central compartment; models with their own
 * absorption structure (simons-2022 thin film, perez-ruixo-2021 oral and nasal) replace theirs.
 */
final class SKetamineRoutes {

    private static final Map<Route, Absorption> ABSORPTION = Map.of(
            Route.ORAL, zeroThenFirstOrder(0.18, 0.97, 0.32),
            Route.SUBLINGUAL, zeroThenFirstOrder(0.263, 0.04 * 60, 13.1 / 60),
            Route.INTRANASAL, new Absorption(0.48, 2.93, 0),
            Route.SC, new Absorption(0.93, 2.0, 0),
            Route.IONTOPHORETIC, new Absorption(1.0, 1.0, 0));

    /** Where each route's numbers come from. */
    static final Map<Route, RouteNote> NOTES = Map.of(
            Route.ORAL, new RouteNote(true, "Perez-Ruixo 2021 (doi:10.1007/s40262-020-00953-4, via nlmixr2lib) [S]: "
                    + "F = Fgut 0.64 x (1 - hepatic extraction 0.722) = 0.18 [C], zero-order input over 0.32 h, then "
                    + "ka 0.97 /h; without Perez-Ruixo's liver compartment the first pass is lumped into F. Presystemic "
                    + "norketamine formation is not modelled, "
                    + "so norketamine after oral doses is under-predicted (Fanta 2015: norketamine/S-ketamine AUC 16.5). "
                    + "Fanta 2015's own F is 8 % [V]; override F for that sensitivity."),
            Route.SUBLINGUAL, new RouteNote(true, "Simons 2022 oral thin film, mucosal part "
                    + "(doi:10.3389/fpain.2022.946486): F 0.263 [V], zero-order input over 13.1 min, then ka 0.04 /min "
                    + "[S]. The swallowed part, which only forms norketamine presystemically, is not modelled here "
                    + "(it is in simons-2022)."),
            Route.INTRANASAL, new RouteNote(true, "F 0.48, the mean absolute bioavailability on the esketamine nasal "
                    + "spray label (Spravato) [V]; ka 2.93 /h for nasal absorption, Perez-Ruixo 2021 [S]. The swallowed "
                    + "part is lumped into F."),
            Route.SC, new RouteNote(false, "No human subcutaneous PK was found [U]. F 0.93 is borrowed from "
                    + "intramuscular racemic ketamine (Clements et al., J Pharm Sci 1982) [S]; ka 2.0 /h (absorption "
                    + "half-life 21 min) is assumed from an onset of 15-30 min after SC dosing in a secondary source [U]."),
            Route.IONTOPHORETIC, new RouteNote(false, "No human plasma data for iontophoretic S-ketamine were found "
                    + "(Vranken et al., Pain 2005, doi:10.1016/j.pain.2005.08.020, report doses only) [U]. F is the "
                    + "delivered fraction of the nominal dose: 1.0 here, an upper bound on exposure; set it to the "
                    + "device's delivered fraction if known. ka 1.0 /h (skin depot) is assumed [U]."));

    private SKetamineRoutes() {
    }

    /** A path into the central compartment with a zero-order phase into the depot, then first-order ka. */
    static Absorption zeroThenFirstOrder(double f, double kaPerH, double zeroOrderH) {
        return new Absorption(f, kaPerH, 0, zeroOrderH, AbsorptionTarget.CENTRAL, Optional.empty());
    }

    /** @return the model with every S-ketamine route added */
    static PkModel addTo(PkModel model) {
        PkModel m = model;
        for (Route route : Route.values()) {
            if (route.isExtravascular()) {
                m = m.withRoute(route, ABSORPTION.get(route));
            }
        }
        return m;
    }
}
