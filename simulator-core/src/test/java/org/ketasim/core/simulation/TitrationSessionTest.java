package org.ketasim.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.io.yaml.ScenarioYamlWriter;
import org.ketasim.core.model.Route;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.scenario.SimulationSpec;
import org.ketasim.core.testing.Scenarios;
import org.ketasim.core.units.Quantity;

/** A session's limits keep what it writes readable: a scenario file 'ketasim run' accepts. */
class TitrationSessionTest {

    private static final String PATIENT = """
            model: fanta-otto
            patient: {weight: 70 kg}
            regimen:
              doses: [{bolus: 0 mg}]
            simulation: {duration: 1 h, step: 1 h}
            """;

    /** A rate or bolus no human is given is refused, as in a scenario file, and leaves the session as it was. */
    @Test
    void aDoseNoHumanIsGivenIsRefused() {
        TitrationSession session = new TitrationSession(Scenarios.parse(PATIENT).compile(), Engine.MODAL);
        session.setRate(3500);
        session.bolus(3500);
        session.waitFor(0.5);
        var given = session.doses();
        var rate = assertThrows(IllegalArgumentException.class, () -> session.setRate(1e308));
        assertTrue(rate.getMessage().contains("more than a human is given"), rate.getMessage());
        var bolus = assertThrows(IllegalArgumentException.class, () -> session.bolus(3501));
        assertTrue(bolus.getMessage().startsWith("a bolus of 3501 mg gives 3501 mg within an hour for this 70 kg "
                + "patient (50.01 mg/kg)"), bolus.getMessage());
        assertEquals(given, session.doses(), "the refused doses are not given");
    }

    /**
     * A bolus shows in the curves at once: two samples at its time, before it and after it (10 mg
     * into fanta-otto's 133 L raise the plasma by 75.2 ng/mL), so a chart draws the jump, not a ramp
     * to whatever is left a minute later; undoing it takes both away.
     */
    @Test
    void aBolusIsSampledBeforeAndAfterAtItsTime() {
        TitrationSession session = new TitrationSession(Scenarios.parse(PATIENT).compile(), Engine.MODAL);
        session.setRate(10);
        session.waitFor(1);
        int before = session.samples(TitrationSession.MAX_HOURS).size();
        session.bolus(10);
        var samples = session.samples(TitrationSession.MAX_HOURS);
        assertEquals(before + 1, samples.size());
        var pre = samples.get(samples.size() - 2);
        var post = samples.get(samples.size() - 1);
        assertEquals(pre.timeH(), post.timeH(), 0.0);
        assertEquals(10_000.0 / 133, post.cp() - pre.cp(), 1e-9);
        assertEquals(session.status().cp(), post.cp(), 0.0);
        assertEquals(pre.ce(), post.ce(), 1e-12, "the effect site does not jump");
        session.undo();
        assertEquals(before, session.samples(TitrationSession.MAX_HOURS).size());
    }

    @Test
    void theLongestSessionIsWrittenAsAScenarioThatIsReadBack() {
        Scenario patient = Scenarios.parse(PATIENT);
        TitrationSession session = new TitrationSession(patient.compile(), Engine.MODAL);
        Random random = new Random(16);
        for (int i = 0; i < TitrationSession.MAX_DOSING_ACTIONS; i++) {
            if (i % 10 == 9) {
                session.bolus(random.nextDouble() * 5);
            } else {
                session.setRate(random.nextDouble() * 20);
            }
            session.waitFor(random.nextDouble() / 30);
        }
        var tooMany = assertThrows(IllegalArgumentException.class, () -> session.setRate(1));
        assertTrue(tooMany.getMessage().contains("quit to save it"), tooMany.getMessage());
        double end = session.status().timeH();
        Scenario written = patient.withRegimen(new RegimenSpec(Optional.empty(), Optional.of(Route.IV),
                session.doses(), Optional.empty())).withSimulation(new SimulationSpec(Quantity.of(end, "h"),
                Quantity.of(1.0 / 60, "h"))).withOrigin(Optional.empty());
        String yaml = new ScenarioYamlWriter().write(written);
        assertTrue(yaml.length() < 900_000, yaml.length() + " characters");
        Scenario read = new ScenarioYaml().parse(Path.of("session.yaml"), yaml);
        assertEquals(written.regimen().doses().size(), read.regimen().doses().size());
        DoseSpec.Steps steps = (DoseSpec.Steps) read.regimen().doses().get(0);
        assertTrue(steps.steps().size() > 8_000, steps.steps().size() + " steps");
        assertEquals(session.status().givenMg(), new PatientSimulator(Engine.MODAL).simulate(read.compile())
                .summary().totalDoseMg(), 1e-9 * session.status().givenMg());
    }

    @Test
    void undoingADoseMakesRoomForAnother() {
        TitrationSession session = new TitrationSession(Scenarios.compile(PATIENT), Engine.MODAL);
        for (int i = 0; i < TitrationSession.MAX_DOSING_ACTIONS; i++) {
            session.setRate(i % 7);
        }
        assertThrows(IllegalArgumentException.class, () -> session.bolus(1));
        session.waitFor(0.5);
        assertTrue(session.undo());
        assertTrue(session.undo());
        session.bolus(1);
        assertEquals(1, session.status().givenMg(), 0);
    }
}
