package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AnalyteWindowTest {

    private static AnalyteWindow published(String name) {
        return AnalyteWindow.PUBLISHED.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void publishedWindowsNameTheirAnalyteSiteAndSource() {
        AnalyteWindow analgesia = published("analgesia_acute");
        assertEquals(Analyte.RACEMIC_KETAMINE, analgesia.analyte());
        assertEquals(AnalyteWindow.Kind.ACUTE, analgesia.kind());
        assertTrue(analgesia.source().contains("Zanos"));
        assertEquals(AnalyteWindow.Site.ACUTE_EFFECT_SITE, published("drug_high").site());
        assertEquals(AnalyteWindow.Sampling.ARTERIAL, published("drug_high").sampling());
        assertEquals(AnalyteWindow.Kind.CHRONIC, published("chronic_relief").kind());
        assertEquals(AnalyteWindow.Site.PAIN_EFFECT_SITE, published("chronic_relief").site());
    }

    @Test
    void aRacemicWindowIsConvertedOnAStatedBasisOrRefused() {
        AnalyteWindow racemic = published("analgesia_acute");
        double[] t = {0, 1, 2};
        double[] c = {50, 50, 50};
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> racemic.hoursInside(t, c, Analyte.S_KETAMINE, AnalyteWindow.Site.PLASMA));
        assertTrue(refused.getMessage().contains("racemic") && refused.getMessage().contains("S-ketamine"),
                refused.getMessage());
        AnalyteWindow s = racemic.in(Analyte.S_KETAMINE);
        assertEquals(35, s.lowNgPerMl());
        assertEquals(80, s.highNgPerMl());
        assertTrue(s.basis().contains("half of the racemic total"), s.basis());
        assertEquals(2, s.hoursInside(t, c, Analyte.S_KETAMINE, AnalyteWindow.Site.PLASMA));
        assertSame(racemic, racemic.in(Analyte.RACEMIC_KETAMINE));
        AnalyteWindow back = published("drug_high").in(Analyte.RACEMIC_KETAMINE);
        assertEquals(2 * DrugHighScore.C50_NG_PER_ML, back.lowNgPerMl());
        assertTrue(AnalyteWindow.defaults(Analyte.S_KETAMINE).stream().allMatch(w -> w.analyte() == Analyte.S_KETAMINE));
    }

    @Test
    void aWindowAtTheEffectSiteIsNotAppliedToPlasma() {
        AnalyteWindow high = published("drug_high");
        assertThrows(IllegalArgumentException.class, () -> high.hoursInside(new double[] {0, 1}, new double[] {80, 80},
                Analyte.S_KETAMINE, AnalyteWindow.Site.PLASMA));
    }

    /** A ramp from 0 to 100 ng/mL over 10 h spends 4 h in 35-75 ng/mL. */
    @Test
    void hoursInsideOfARamp() {
        AnalyteWindow w = AnalyteWindow.parse("band=35-75@s-ketamine", Analyte.RACEMIC_KETAMINE);
        assertEquals(4, w.hoursInside(new double[] {0, 10}, new double[] {0, 100}, Analyte.S_KETAMINE,
                AnalyteWindow.Site.PLASMA), 1e-12);
    }

    /**
     * Runs of rows given with their least and greatest values, which lets a run that lies wholly
     * below or above the window be taken without a pass, give the hours of the same runs given
     * without, to the bit: curves that cross the bounds, touch them, stay on one side for whole runs,
     * start inside and leave, and now and then hold a NaN.
     */
    @Property(tries = 300)
    void runsTakenWithTheirBoundsGiveTheSameHoursToTheBit(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AnalyteWindow w = AnalyteWindow.parse("band=35-75@s-ketamine", Analyte.S_KETAMINE);
        double[] levels = {0, 10, 35, 50, 75, 90, 200};
        int rows = 1 + random.nextInt(60);
        double[] t = new double[rows];
        double[] c = new double[rows];
        for (int j = 0; j < rows; j++) {
            t[j] = j * 0.25;
            c[j] = random.nextInt(50) == 0 ? Double.NaN
                    : levels[random.nextInt(levels.length)] + (random.nextBoolean() ? 0 : random.nextDouble());
        }
        AnalyteWindow.Hours plain = w.new Hours();
        AnalyteWindow.Hours bounded = w.new Hours();
        for (int from = 0; from < rows; ) {
            int count = Math.min(rows - from, 1 + random.nextInt(8));
            double[] tRun = Arrays.copyOfRange(t, from, from + count);
            double[] cRun = Arrays.copyOfRange(c, from, from + count);
            double least = Arrays.stream(cRun).min().getAsDouble();
            double greatest = Arrays.stream(cRun).max().getAsDouble();
            plain.add(tRun, cRun, count);
            bounded.add(tRun, cRun, count, least, greatest);
            assertEquals(Double.doubleToLongBits(plain.total()), Double.doubleToLongBits(bounded.total()),
                    "after rows " + from + " to " + (from + count - 1) + " of " + Arrays.toString(c));
            from += count;
        }
    }

    /** A run wholly below the window still counts the segment from an inside row before it. */
    @Test
    void aRunBelowTheWindowAfterARowInsideCountsTheWayDown() {
        AnalyteWindow w = AnalyteWindow.parse("band=35-75@s-ketamine", Analyte.S_KETAMINE);
        AnalyteWindow.Hours hours = w.new Hours();
        hours.add(new double[] {0}, new double[] {55}, 1, 55, 55);
        hours.add(new double[] {1, 2}, new double[] {15, 0}, 2, 0, 15);
        assertEquals(0.5, hours.total(), 1e-12);
    }

    @Test
    void userWindowsStateOrInheritTheirAnalyte() {
        AnalyteWindow stated = AnalyteWindow.parse("analgesia=70-160@racemic", Analyte.S_KETAMINE);
        assertEquals(Analyte.RACEMIC_KETAMINE, stated.analyte());
        assertEquals("", stated.basis());
        assertEquals("analgesia=70-160@racemic", stated.toString());
        AnalyteWindow unstated = AnalyteWindow.parse("high=100-inf", Analyte.S_KETAMINE);
        assertEquals(Analyte.S_KETAMINE, unstated.analyte());
        assertTrue(unstated.basis().contains("not stated") && unstated.basis().contains("S-ketamine"));
        assertEquals(Double.POSITIVE_INFINITY, unstated.highNgPerMl());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> AnalyteWindow.parse("x=1-2@r-ketamine", Analyte.S_KETAMINE));
        assertTrue(bad.getMessage().contains("r-ketamine"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnalyteWindow.parse("x=5-2", Analyte.S_KETAMINE));
        IllegalArgumentException form = assertThrows(IllegalArgumentException.class,
                () -> AnalyteWindow.parse("analgesia:70-160", Analyte.S_KETAMINE));
        assertTrue(form.getMessage().contains("analgesia:70-160"), form.getMessage());
    }
}
