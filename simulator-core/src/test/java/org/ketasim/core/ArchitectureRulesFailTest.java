package org.ketasim.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.core.engine.DoseTimeline;
import org.ketasim.core.regimen.BackDependencies;
import org.ketasim.core.regimen.Regimen;
import org.ketasim.core.scenario.OpensAFile;

/**
 * Each rule of {@link ArchitectureTest} fails on a back-dependency, so the architecture test cannot
 * pass because a rule matches nothing. The rules are evaluated on two test fixtures with the engine's
 * {@link DoseTimeline} and the {@link Regimen} it takes: {@link BackDependencies}, a regimen class
 * that reads a file, uses the YAML codec, prints, and uses the engine (which uses regimens: a cycle),
 * and {@link OpensAFile}, a scenario class that reads the file it names. A package outside every
 * layer is shown by {@code java.lang}.
 */
class ArchitectureRulesFailTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importClasses(BackDependencies.class, OpensAFile.class, DoseTimeline.class, Regimen.class);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("LAYERS", ArchitectureTest.LAYERS, FIXTURES, "BackDependencies"),
                Arguments.of("NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES",
                        ArchitectureTest.NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES, FIXTURES, "BackDependencies"),
                Arguments.of("NO_CYCLES_BETWEEN_PACKAGES", ArchitectureTest.NO_CYCLES_BETWEEN_PACKAGES, FIXTURES,
                        "BackDependencies"),
                Arguments.of("DOMAIN_WITHOUT_CODECS_OR_FILES", ArchitectureTest.DOMAIN_WITHOUT_CODECS_OR_FILES,
                        FIXTURES, "BackDependencies"),
                Arguments.of("SCENARIO_NAMES_FILES_BUT_NEVER_OPENS_THEM",
                        ArchitectureTest.SCENARIO_NAMES_FILES_BUT_NEVER_OPENS_THEM, FIXTURES, "OpensAFile"),
                Arguments.of("NO_PRINTING", ArchitectureTest.NO_PRINTING, FIXTURES, "BackDependencies"),
                Arguments.of("EVERY_PACKAGE_IN_A_LAYER", ArchitectureTest.EVERY_PACKAGE_IN_A_LAYER,
                        new ClassFileImporter().importClasses(String.class), "java.lang.String"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleReportsTheBackDependency(String name, ArchRule rule, JavaClasses classes, String culprit) {
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), name + " let " + culprit + " pass");
        assertTrue(String.join("\n", result.getFailureReport().getDetails()).contains(culprit),
                name + " should name " + culprit + ":\n" + result.getFailureReport());
    }
}
