package org.ketasim.core.testing;

import java.nio.file.Path;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.simulation.PatientResult;
import org.ketasim.core.simulation.PatientSimulator;

/** Shortcuts for reading and running scenario text in tests. */
public final class Scenarios {
    private Scenarios() {
    }

    /** Reads and checks scenario text, named {@code test.yaml}. */
    public static Scenario parse(String yaml) {
        return new ScenarioYaml().parse(Path.of("test.yaml"), yaml);
    }

    /**
     * @param duration the simulated time, e.g. {@code 30 d}
     * @param step     the output step, e.g. {@code 1 h}
     * @return one 6-h S-ketamine session at 20 mg/h for a 70-kg patient on fanta-otto, compiled
     */
    public static CompiledScenario session(String duration, String step) {
        return compile("""
                drug: esketamine
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  doses:
                    - infusion: {rate: 20 mg/h, duration: 6 h}
                simulation: {duration: %s, step: %s}
                """.formatted(duration, step));
    }

    /** Reads scenario text and compiles it. */
    public static CompiledScenario compile(String yaml) {
        return parse(yaml).compile();
    }

    /** Reads scenario text and simulates it with the exact (matrix exponential) engine. */
    public static PatientResult exact(String yaml) {
        return new PatientSimulator(Engine.EXACT).simulate(compile(yaml));
    }

    /** Reads scenario text and simulates it with the default (modal) engine. */
    public static PatientResult run(String yaml) {
        return new PatientSimulator(Engine.MODAL).simulate(compile(yaml));
    }
}
