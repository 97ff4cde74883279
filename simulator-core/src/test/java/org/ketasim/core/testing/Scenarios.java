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
