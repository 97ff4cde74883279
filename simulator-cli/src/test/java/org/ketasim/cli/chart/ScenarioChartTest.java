package org.ketasim.cli.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the pump panel turns logarithmic: loading pulses that would flatten the maintenance rate. */
class ScenarioChartTest {

    @Test
    void aTciLoadingPulseAboveItsMaintenanceRateGetsALogScaleAndATitrationDoesNot() {
        assertTrue(ScenarioChart.spansDecades(new double[] {0, 0, 811.8, 27.1, 26.7, 26.3, 26, 25.6, 15, 420.7, 28}));
        assertFalse(ScenarioChart.spansDecades(new double[] {5, 5, 7, 7, 9, 11, 13, 15, 0, 0}));
        assertFalse(ScenarioChart.spansDecades(new double[] {0, 0, 0}));
        assertFalse(ScenarioChart.spansDecades(new double[] {}));
    }
}
