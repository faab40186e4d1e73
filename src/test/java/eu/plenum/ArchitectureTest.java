package eu.plenum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import jakarta.persistence.Entity;
import eu.plenum.testsupport.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The context rules of docs/architecture.md, checked on the compiled main code. */
class ArchitectureTest {

    private static final String ROOT = "eu.plenum";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void contextsHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void otherContextsUseOnlyAContextsRootPackage() {
        ArchRuleDefinition.classes().should(new ArchCondition<>("use other contexts only through their root package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = context(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String targetContext = context(target);
                    boolean internal = !target.getPackageName().equals(ROOT + "." + targetContext);
                    // own == null: the composition root eu.plenum (the launcher), also bound to root packages.
                    if (targetContext != null && !targetContext.equals(own) && internal) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        }).check(MAIN);
    }

    @Test
    void onlyMediaTouchesGStreamer() {
        // Only the pipeline layer, which runs in worker processes: a native fault there ends one room.
        noClasses().that().resideOutsideOfPackage(ROOT + ".media.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("org.freedesktop.gstreamer..")
                .check(MAIN);
    }

    @Test
    void noEntityCrossesARestBoundary() {
        DescribedPredicate<JavaClass> resource = DescribedPredicate.describe("JAX-RS resource",
                javaClass -> javaClass.isAnnotatedWith(jakarta.ws.rs.Path.class));
        ArchRuleDefinition.methods().that().areDeclaredInClassesThat(resource).and().arePublic()
                .should(new ArchCondition<>("not take or return a JPA entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
                                .filter(type -> type.isAnnotatedWith(Entity.class))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " exposes entity " + type.getName())));
                    }
                }).check(MAIN);
    }

    @Test
    void everyContextDocumentsWhatItOwns() {
        Set<String> contexts = MAIN.stream().map(ArchitectureTest::context)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        // javac writes no class file for a package-info without annotations, so look at the sources.
        Path sources = ProjectPaths.root().resolve("src/main/java/eu/plenum");
        for (String context : contexts) {
            assertTrue(Files.isRegularFile(sources.resolve(context).resolve("package-info.java")),
                    "context " + context + " lacks package-info.java");
        }
    }

    /** {@code eu.plenum.identity.rest.X} belongs to context {@code identity}; classes outside contexts to none. */
    private static String context(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
