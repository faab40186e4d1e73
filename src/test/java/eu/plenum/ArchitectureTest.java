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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * Every dependency between two contexts is one the context tree of docs/architecture.md
     * declares ({@code ├── media ... → identity, residency, scheduling, shared}): the document is
     * the one declaration of the graph, so a new arrow needs a line of documentation first.
     */
    @Test
    void everyContextDependencyIsDeclaredInTheArchitectureDocument() {
        Map<String, Set<String>> declared = declaredDependencies();
        Map<String, Set<String>> undeclared = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        for (JavaClass origin : MAIN) {
            String own = context(origin);
            if (own == null) {
                continue; // the composition root (PlenumMain) wires contexts together
            }
            origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                String target = context(dependency.getTargetClass());
                if (target != null && !target.equals(own) && !declared.getOrDefault(own, Set.of()).contains(target)) {
                    undeclared.computeIfAbsent(own, key -> new TreeSet<>()).add(target);
                    example.putIfAbsent(own + " -> " + target, dependency.getDescription());
                }
            });
        }
        assertEquals(Map.of(), undeclared, "context dependencies missing from docs/architecture.md, e.g. " + example);
        Set<String> contexts = new TreeSet<>(MAIN.stream().map(ArchitectureTest::context).filter(java.util.Objects::nonNull).toList());
        assertEquals(contexts, new TreeSet<>(declared.keySet()), "contexts in the code vs. in the tree of docs/architecture.md");
    }

    /**
     * Form bodies are read whole (a {@code MultivaluedMap}) by {@code shared.web.FormBodies}, the one strict form
     * parser: {@code @FormParam} would hand them to RESTEasy's own, which answers a pair with a broken escape
     * (or one field too many) with a 500.
     */
    @Test
    void formsAreReadByTheStrictFormReader() {
        List<String> offenders = MAIN.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.getParameters().stream().anyMatch(parameter -> parameter.isAnnotatedWith(jakarta.ws.rs.FormParam.class)
                        || parameter.isAnnotatedWith(org.jboss.resteasy.reactive.RestForm.class)))
                .map(method -> method.getFullName()).sorted().toList();
        assertEquals(List.of(), offenders, "methods that read form fields one by one instead of the form whole");
    }

    /** The arrows of the context tree in docs/architecture.md's "Contexts" section: context → contexts it may use. */
    static Map<String, Set<String>> declaredDependencies() {
        List<String> lines;
        try {
            lines = Files.readAllLines(ProjectPaths.root().resolve("docs/architecture.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("## Contexts");
        assertTrue(start >= 0, "docs/architecture.md has no '## Contexts' section");
        Pattern entry = Pattern.compile("^[├└]── ([a-z]+)\\s.*");
        Pattern arrow = Pattern.compile("→\\s*([a-z, ]+)\\s*$");
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        String current = null;
        boolean inBlock = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("```")) {
                if (inBlock) {
                    break;
                }
                inBlock = true;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            Matcher context = entry.matcher(line);
            if (context.matches()) {
                current = context.group(1);
                declared.put(current, new TreeSet<>());
            } else if (!line.startsWith("│") && !line.startsWith(" ")) {
                current = null; // a class such as PlenumMain, or the root line
            }
            Matcher uses = arrow.matcher(line);
            if (current != null && uses.find()) {
                for (String used : uses.group(1).split(",")) {
                    if (!used.isBlank()) {
                        declared.get(current).add(used.strip());
                    }
                }
            }
        }
        assertTrue(declared.size() >= 5, "context tree of docs/architecture.md not found: " + declared);
        return declared;
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
