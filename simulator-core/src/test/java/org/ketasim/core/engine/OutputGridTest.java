package org.ketasim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputGridTest {

    /** A row is at a time when it is one instant with it (within 1e-9 h), on either side. */
    @Test
    void aRowIsAtATimeWithinTheBreakpointTolerance() {
        OutputGrid g = OutputGrid.regular(144, 5.0 / 60);
        assertTrue(g.hasRowAt(0));
        assertTrue(g.hasRowAt(1.0), "12 steps of 5 min");
        assertTrue(g.hasRowAt(1.0 + 5e-10));
        assertTrue(g.hasRowAt(1.0 - 5e-10));
        assertTrue(g.hasRowAt(144));
        assertFalse(g.hasRowAt(1.0 + 1e-6));
        assertFalse(g.hasRowAt(1.04));
        assertFalse(g.hasRowAt(-1));
        assertFalse(g.hasRowAt(145));
    }

    @Test
    void endThatIsNotAMultipleOfTheStepGetsItsOwnLastRow() {
        OutputGrid g = OutputGrid.regular(10.25, 0.5);
        assertEquals(22, g.size());
        assertEquals(10.0, g.time(20), 0);
        assertEquals(10.25, g.time(21), 0);
    }

    @Test
    void endThatIsAMultipleOfTheStepUpToRoundingIsOneRow() {
        OutputGrid g = OutputGrid.regular(144, 5.0 / 60);
        assertEquals(1729, g.size());
        assertEquals(144, g.endH(), 0);
        assertEquals(143.0 + 11.0 / 12, g.time(1727), 1e-12);
    }

    @Test
    void stepLongerThanTheDurationGivesStartAndEnd() {
        OutputGrid g = OutputGrid.regular(2, 3);
        assertEquals(2, g.size());
        assertEquals(0, g.time(0), 0);
        assertEquals(2, g.time(1), 0);
    }

    @Test
    void refusesHugeGridsBeforeAllocatingThem() {
        var e = assertThrows(IllegalArgumentException.class, () -> OutputGrid.regular(24 * 365.25 * 100, 1.0 / 3600));
        assertEquals(true, e.getMessage().contains("more than the limit"), e.getMessage());
    }

    @Test
    void theSameRegularGridIsMadeOnceAndAnotherIsMadeAfresh() {
        OutputGrid first = OutputGrid.regular(264, 0.25);
        assertSame(first, OutputGrid.regular(264, 0.25));
        OutputGrid other = OutputGrid.regular(264, 0.5);
        assertEquals(529, other.size());
        assertEquals(0.5, other.stepH(), 0);
        OutputGrid longer = OutputGrid.regular(265, 0.25);
        assertEquals(1061, longer.size());
        assertEquals(265, longer.endH(), 0);
        assertEquals(1057, OutputGrid.regular(264, 0.25).size());
    }
}
