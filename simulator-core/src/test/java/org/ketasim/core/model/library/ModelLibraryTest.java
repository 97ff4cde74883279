package org.ketasim.core.model.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;

class ModelLibraryTest {

    static List<BuiltInModel> models() {
        return ModelLibrary.all();
    }

    @Test
    void holdsTheIdsOfTheIssueInOrderWithFantaOttoTheDefault() {
        assertEquals(List.of("fanta-otto", "simons-2022", "perez-ruixo-2021", "flint-2017", "domino", "clements-1981",
                "hijazi-2003", "kamp-2020"),
                ModelLibrary.all().stream().map(BuiltInModel::id).toList());
        assertEquals("fanta-otto", ModelLibrary.DEFAULT_ID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyCardNamesItsSourcePopulationAndSamplingSite(BuiltInModel m) {
        ModelCard c = m.card();
        assertFalse(c.citations().isEmpty());
        assertTrue(c.citations().stream().anyMatch(s -> s.contains("doi:") || s.contains("[R]")), c.citations().toString());
        assertFalse(c.population().isBlank());
        assertFalse(c.samplingSite().isBlank());
        assertFalse(c.parameterSources().isEmpty());
        assertTrue(m.model().effectSite().isPresent(), "every model has an effect site for acute effects");
        if (c.drug() == ModelDrug.S_KETAMINE) {
            for (Route r : Route.values()) {
                assertTrue(!r.isExtravascular() || m.model().routes().containsKey(r) && c.routes().containsKey(r),
                        "S-ketamine model has route " + r);
            }
        }
    }

    @Test
    void fantaOttoScalesOnlyCentralVolumesAndEliminationClearancesAsOttosCode() {
        PkModel at80 = ModelLibrary.find("fanta-otto").orElseThrow().model().forWeight(80);
        double fv = 80.0 / 70;
        double fc = Math.pow(80.0 / 70, 0.75);
        assertClose(133 * fv, at80.volumeL(), 1e-15, 0, "V1");
        assertClose(95.2 * fc, at80.clearanceLPerH(), 1e-15, 0, "CL");
        assertEquals(187, at80.peripherals().get(0).volumeL());
        assertEquals(23.2, at80.peripherals().get(0).flowLPerH());
        assertEquals(157, at80.peripherals().get(1).flowLPerH());
        var nk = at80.metabolite().orElseThrow();
        assertClose(98.6 * fv, nk.volumeL(), 1e-15, 0, "norketamine V");
        assertClose(57.7 * fc, nk.clearanceLPerH(), 1e-15, 0, "norketamine CL");
        assertEquals(160, nk.peripheral().orElseThrow().volumeL());
        assertEquals(1.0, nk.fraction());
        assertEquals(1.0, nk.molarMassRatio());
        assertClose(Math.log(2) / 6.1, at80.effectSite().orElseThrow().ke0PerH() / 60, 1e-15, 0, "ke0 (1/min)");
    }

    /** The TCI programs give V1 per kg and rate constants (1/min); the stored model must be the same at any weight. */
    @ParameterizedTest(name = "{0} at {1} kg")
    @CsvSource({
        "domino, 50, 0.063, 0.4381, 0.5921, 0.2470, 0.5900, 0.0146",
        "domino, 95, 0.063, 0.4381, 0.5921, 0.2470, 0.5900, 0.0146",
        "clements-1981, 60, 1.7522, 0.0109, 0.0186, 0.0137, 0, 0",
        "hijazi-2003, 82, 1.08, 0.0333, 0.0088, 0.0030, 0, 0",
    })
    void racemicTciModelsKeepTheirRateConstantsAtEveryWeight(String id, double weight, double v1PerKg, double k10,
                                                            double k12, double k21, double k13, double k31) {
        PkModel m = ModelLibrary.find(id).orElseThrow().model().forWeight(weight);
        double v1 = v1PerKg * weight;
        assertClose(v1, m.volumeL(), 1e-14, 0, "V1");
        assertClose(k10, m.clearanceLPerH() / 60 / v1, 1e-14, 0, "k10");
        assertClose(k12, m.peripherals().get(0).flowLPerH() / 60 / v1, 1e-14, 0, "k12");
        assertClose(k21, m.peripherals().get(0).flowLPerH() / 60 / m.peripherals().get(0).volumeL(), 1e-14, 0, "k21");
        if (k13 > 0) {
            assertClose(k13, m.peripherals().get(1).flowLPerH() / 60 / v1, 1e-14, 0, "k13");
            assertClose(k31, m.peripherals().get(1).flowLPerH() / 60 / m.peripherals().get(1).volumeL(), 1e-14, 0, "k31");
        }
    }

    @Test
    void kampScalesVolumesLinearlyAndClearancesWithExponentThreeQuarters() {
        PkModel at100 = ModelLibrary.find("kamp-2020").orElseThrow().model().forWeight(100);
        assertClose(25 * 100.0 / 70, at100.volumeL(), 1e-15, 0, "V1");
        assertClose(84 * Math.pow(100.0 / 70, 0.75), at100.clearanceLPerH(), 1e-15, 0, "CL");
        assertClose(79 * Math.pow(100.0 / 70, 0.75), at100.peripherals().get(1).flowLPerH(), 1e-15, 0, "Q3");
    }

    @Test
    void unvalidatedRoutesAreMarked() {
        ModelCard card = ModelLibrary.find("fanta-otto").orElseThrow().card();
        assertFalse(card.routes().get(Route.SC).validated());
        assertFalse(card.routes().get(Route.IONTOPHORETIC).validated());
        assertTrue(card.routes().get(Route.ORAL).validated());
    }
}
