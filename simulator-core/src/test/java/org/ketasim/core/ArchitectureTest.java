package org.ketasim.core;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.File;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The layers of {@code simulator-core} and what each may know, as drawn in docs/architecture.md.
 * Every rule is explicit (no frozen violations): the main classes break none of them, and
 * {@link ArchitectureRulesFailTest} shows that each one fails on a back-dependency.
 *
 * <ul>
 *   <li>{@link #LAYERS}: a package uses only its own layer and the layers below it, so YAML, CSV and
 *       files enter through the codecs at the top and the engine never sees them;</li>
 *   <li>{@link #NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES} and {@link #NO_CYCLES_BETWEEN_PACKAGES}: no
 *       two top-level packages of the core (each with its sub-packages), and no two packages, depend
 *       on each other, directly or around a loop;</li>
 *   <li>{@link #EVERY_PACKAGE_IN_A_LAYER}: a new package must be given a layer here (and in the
 *       drawing) before it can be used;</li>
 *   <li>{@link #DOMAIN_WITHOUT_CODECS_OR_FILES} and {@link #SCENARIO_NAMES_FILES_BUT_NEVER_OPENS_THEM}:
 *       below the codecs nothing imports the YAML codec, the CSV or NONMEM readers, SnakeYAML,
 *       Commons CSV, or a file or stream API; a scenario may hold the {@link Path} it was read from,
 *       to name it in messages;</li>
 *   <li>{@link #NO_PRINTING}: the core never writes to standard output or error.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "org.ketasim.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "org.ketasim.core";

    /**
     * The layers from the bottom up, each with its packages. A layer may use the layers before it in
     * this list, never those after it.
     */
    static final List<Layer> ORDER = List.of(
            new Layer("Foundation", CORE + ".units..", CORE + ".problems.."),
            new Layer("Model", CORE + ".model.."),
            new Layer("Regimen", CORE + ".regimen.."),
            new Layer("Engine", CORE + ".engine.."),
            new Layer("Observers", CORE + ".metrics..", CORE + ".pd..", CORE + ".outcomes.."),
            new Layer("Controllers", CORE + ".titration..", CORE + ".tci.."),
            new Layer("Scenario", CORE + ".scenario.."),
            new Layer("Population", CORE + ".population.."),
            new Layer("Simulation", CORE + ".simulation.."),
            new Layer("Workloads", CORE + ".compare..", CORE + ".sweep.."),
            new Layer("Codecs", CORE + ".io..", CORE + ".nonmem.."),
            new Layer("Facade", CORE));

    /** The packages below the codecs, except {@code scenario}, which may name a file by its path. */
    private static final String[] DOMAIN = {
        CORE + ".units..", CORE + ".problems..", CORE + ".model..", CORE + ".regimen..", CORE + ".engine..",
        CORE + ".metrics..", CORE + ".pd..", CORE + ".outcomes..", CORE + ".titration..", CORE + ".tci..",
        CORE + ".population..", CORE + ".simulation..", CORE + ".compare..", CORE + ".sweep.."};

    /** The YAML codec, the CSV writers and the NONMEM data sets, and the libraries they read with. */
    static final DescribedPredicate<JavaClass> CODECS = resideInAnyPackage(CORE + ".io..", CORE + ".nonmem..",
            "org.snakeyaml..", "org.apache.commons.csv..")
            .as("the codecs (io.., nonmem..), SnakeYAML or Commons CSV");

    /** Opening, reading or writing files and streams. */
    static final DescribedPredicate<JavaClass> FILE_IO = resideInAnyPackage("java.nio.file..", "java.nio.channels..")
            .or(assignableTo(File.class)).or(assignableTo(FileDescriptor.class))
            .or(assignableTo(RandomAccessFile.class)).or(assignableTo(Reader.class)).or(assignableTo(Writer.class))
            .or(assignableTo(InputStream.class)).or(assignableTo(OutputStream.class))
            .as("file and stream APIs (java.nio.file.., java.nio.channels.., java.io files, readers, writers, "
                    + "streams)");

    @ArchTest
    static final ArchRule LAYERS = layers();

    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES = slices().matching(CORE + ".(*)..")
            .namingSlices("$1").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching(CORE + ".(**)")
            .namingSlices("$1").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule EVERY_PACKAGE_IN_A_LAYER = classes().should().resideInAnyPackage(
            ORDER.stream().flatMap(l -> Arrays.stream(l.packages())).toArray(String[]::new))
            .because("every package of the core has its place in docs/architecture.md and in ArchitectureTest.ORDER");

    @ArchTest
    static final ArchRule DOMAIN_WITHOUT_CODECS_OR_FILES = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat(CODECS.or(FILE_IO))
            .because("the engine, model, regimen and population work on values; reading and writing is the "
                    + "codecs' job");

    @ArchTest
    static final ArchRule SCENARIO_NAMES_FILES_BUT_NEVER_OPENS_THEM = noClasses()
            .that().resideInAPackage(CORE + ".scenario..")
            .should().dependOnClassesThat(CODECS.or(FILE_IO.and(describe("other than Path and InvalidPathException",
                    c -> !c.isEquivalentTo(Path.class) && !c.isEquivalentTo(InvalidPathException.class)))))
            .because("a scenario keeps the path it was read from to name it in messages, and nothing more");

    @ArchTest
    static final ArchRule NO_PRINTING = noClasses().that().resideInAPackage(CORE + "..").should(ACCESS_STANDARD_STREAMS)
            .because("the core is a library: what it has to say it returns, as values, warnings or exceptions");

    private static ArchRule layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : ORDER) {
            rule = rule.layer(layer.name()).definedBy(layer.packages());
        }
        for (int i = 0; i < ORDER.size(); i++) {
            List<String> above = new ArrayList<>();
            ORDER.subList(i + 1, ORDER.size()).forEach(l -> above.add(l.name()));
            rule = above.isEmpty() ? rule.whereLayer(ORDER.get(i).name()).mayNotBeAccessedByAnyLayer()
                    : rule.whereLayer(ORDER.get(i).name()).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        return rule;
    }

    /**
     * A layer of the core.
     *
     * @param name     its name in the drawing
     * @param packages its packages, as ArchUnit package identifiers
     */
    record Layer(String name, String... packages) {
    }
}
