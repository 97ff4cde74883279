package org.ketasim.core.tci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ketasim.core.problems.Location;
import org.ketasim.core.problems.Warning;

/**
 * How TCI targets stand against the human evidence. The highest S-ketamine concentration targeted
 * by TCI in a published human study is 320 ng/mL: Sigtermans et al., Anesthesiology
 * 2009;111:892-903, doi:10.1097/ALN.0b013e3181b437b1 (20 volunteers, 2-h S-ketamine TCI stepped by
 * 40 ng/mL every 15 min up to 320 ng/mL, arterial sampling). Above it, the model and every outcome
 * computed from it are extrapolated. Targets of a racemic model are total ketamine; their
 * S-ketamine half is compared. Stateless.
 */
public final class TciEvidence {

    /** The highest S-ketamine TCI target studied in humans (ng/mL), Sigtermans 2009. */
    public static final double HIGHEST_STUDIED_S_KETAMINE_NG_PER_ML = 320;

    private TciEvidence() {
    }

    /**
     * @param targets           the targets
     * @param sKetamineFraction the fraction of the model's concentration that is S-ketamine (1 for
     *                          an S-ketamine model, 0.5 for a racemic one)
     * @param at                where the targets were given, for the warnings
     * @return an {@link Warning.Kind#OUTSIDE_EVIDENCE} warning for each target above the evidence
     */
    public static List<Warning> warnings(List<TciTarget> targets, double sKetamineFraction, Location at) {
        List<Warning> out = new ArrayList<>();
        for (TciTarget t : targets) {
            double s = t.ngPerMl() * sKetamineFraction;
            if (s > HIGHEST_STUDIED_S_KETAMINE_NG_PER_ML) {
                out.add(new Warning(Warning.Kind.OUTSIDE_EVIDENCE, at, String.format(Locale.ROOT, "the target of %s "
                        + "ng/mL at %s h%s is above the highest S-ketamine concentration targeted in a human TCI study "
                        + "(%s ng/mL, Sigtermans 2009, doi:10.1097/ALN.0b013e3181b437b1): the model and its outcomes "
                        + "are extrapolated there", fmt(t.ngPerMl()), fmt(t.timeH()), sKetamineFraction < 1
                        ? " (" + fmt(s) + " ng/mL S-ketamine)" : "", fmt(HIGHEST_STUDIED_S_KETAMINE_NG_PER_ML))));
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.valueOf(v);
    }
}
