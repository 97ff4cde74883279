package org.ketasim.cli;

import java.util.Locale;
import org.ketasim.core.engine.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --solver} option shared by every command that simulates (a picocli mixin). */
final class EngineOption {

    @Option(names = "--solver", paramLabel = "modal|exact|numeric", defaultValue = "modal",
            converter = EngineConverter.class,
            description = "How intervals are taken: modal (closed form, the default), exact (matrix exponential) or "
                    + "numeric (Dormand-Prince, for cross-checks); all agree to about 1e-9.")
    private Engine engine;

    /** @return the engine chosen */
    Engine engine() {
        return engine;
    }

    /** Reads an engine's id, case-insensitively. */
    static final class EngineConverter implements CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine e : Engine.values()) {
                if (e.id().equals(value.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a solver; use modal, exact or "
                    + "numeric");
        }
    }
}
