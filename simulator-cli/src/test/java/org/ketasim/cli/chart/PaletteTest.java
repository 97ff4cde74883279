package org.ketasim.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** No colour repeats within a chart: the palette's colours differ, and a large set is split into panels. */
class PaletteTest {

    @Test
    void theEightColoursDifferAndANinthSeriesInOnePanelIsRefused() {
        assertEquals(Palette.SIZE, IntStream.range(0, Palette.SIZE).mapToObj(Palette::colour).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> Palette.colour(Palette.SIZE));
    }

    @Test
    void anOverlayOfElevenCurvesIsDrawnInPanelsOfAtMostEight() throws IOException {
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            curves.add(new Curve("regimen-" + i, "S-ketamine", new double[] {0, 50, 100}, new double[] {0, i, 0}, 96));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        new OverlayChart("eleven courses", curves).write(ChartFormat.PNG, png);
        assertEquals(true, png.size() > 1000, "drawn without a ninth colour in a panel");
    }

    @Test
    void sessionsAreInHoursAndCoursesInDaysOnRoundAxes() {
        assertEquals(new TimeAxis(false, 60), TimeAxis.forCourse(54, 6), "a 6-h session with its washout");
        assertEquals(new TimeAxis(true, 12), TimeAxis.forCourse(11 * 24, 96), "a 4-day course over 11 days");
        assertEquals(8, TimeAxis.roundUp(7.3));
        assertEquals(150, TimeAxis.roundUp(145));
    }
}
