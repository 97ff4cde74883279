package org.ketasim.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Dutch clinics' relief definitions at their edges (baseline NRS 7). */
class MeasureTest {

    @Test
    void pointsAndThirtyPercentCountTheirEdgeFiftyPercentNeedsMore() {
        assertTrue(Measure.MEETS_2_POINTS.isMet(2, 7));
        assertFalse(Measure.MEETS_2_POINTS.isMet(Math.nextDown(2.0), 7));
        assertTrue(Measure.MEETS_3_POINTS.isMet(3, 7));
        assertFalse(Measure.MEETS_3_POINTS.isMet(2.99, 7));
        assertTrue(Measure.MEETS_30_PERCENT.isMet(0.3 * 7, 7));
        assertFalse(Measure.MEETS_30_PERCENT.isMet(2.09, 7));
        assertFalse(Measure.MEETS_50_PERCENT.isMet(3.5, 7), "more than 50 %");
        assertTrue(Measure.MEETS_50_PERCENT.isMet(Math.nextUp(3.5), 7));
        for (Measure m : new Measure[] {Measure.MEETS_2_POINTS, Measure.MEETS_3_POINTS, Measure.MEETS_30_PERCENT,
            Measure.MEETS_50_PERCENT}) {
            double t = m.threshold(6);
            assertTrue(Measure.meets(Math.nextUp(t), t, m.isStrict()) && m.isMet(Math.nextUp(t), 6), m.id());
            assertTrue(Measure.meets(t, t, m.isStrict()) == m.isMet(t, 6), m.id());
        }
        assertThrows(IllegalStateException.class, () -> Measure.PSYCHOMIMETIC.isMet(5, 7));
    }
}
