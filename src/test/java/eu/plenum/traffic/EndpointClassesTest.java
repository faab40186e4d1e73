package eu.plenum.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.ProjectPaths;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The endpoint classes as shipped in application.properties (production values): every public entry
 * point of the issue falls into its class, with the credential it carries, and host pages fall into none.
 */
class EndpointClassesTest {

    private static final EndpointClasses SHIPPED = shipped();

    @Test
    void registrationPagesAndApiAreOneSharedClass() {
        assertEquals("registration", name("POST", "/api/public/webinars/4f1c/registrations", null));
        assertEquals("registration", name("POST", "/w/4f1c", null));
        assertEquals("none", name("GET", "/w/4f1c", null), "reading the form costs no mail");
        assertTrue(SHIPPED.classify("POST", "/w/4f1c", null).orElseThrow().endpoint().shared());
        assertEquals(new EndpointClass.Rate(30, Duration.ofMinutes(10)),
                SHIPPED.classify("POST", "/w/4f1c", null).orElseThrow().endpoint().perAddress().orElseThrow());
    }

    @Test
    void personalLinksAreTheirOwnCredential() {
        assertEquals(Optional.of("path:TOKEN1"), credential("GET", "/r/confirm/TOKEN1", null));
        assertEquals("confirmation", name("POST", "/privacy/requests/confirm/TOKEN2", null));
        assertEquals("attendee", name("GET", "/join/TOKEN3", null));
        assertEquals(Optional.of("path:TOKEN3"), credential("POST", "/join/TOKEN3/enter", null));
        assertEquals("attendee", name("GET", "/attend/4f1c/events", null));
        assertEquals("attendee", name("POST", "/watch/4f1c/enter", null));
        assertEquals(Optional.of("path:FEED"), credential("GET", "/calendar/feeds/FEED.ics", null));
    }

    @Test
    void selfServiceAsksAreSharedAndTheFormIsFree() {
        assertEquals("self-service", name("POST", "/privacy/requests", null));
        assertEquals("none", name("GET", "/privacy/requests", null));
        assertTrue(SHIPPED.classify("POST", "/privacy/requests", null).orElseThrow().endpoint().shared());
    }

    @Test
    void mediaAndSocketsAreLimitedPerBearer() {
        assertEquals("whip", name("POST", "/api/rooms/r1/whip", "Bearer KEY"));
        assertEquals(Optional.of("bearer:KEY"), credential("PATCH", "/api/rooms/r1/whip/s1", "Bearer KEY"));
        assertEquals("whip", name("POST", "/host/studio/rooms/r1/whip", null));
        assertEquals("whep", name("POST", "/api/rooms/r1/whep", "bearer PASS"));
        assertEquals(Optional.of("bearer:PASS"), credential("DELETE", "/api/rooms/r1/whep/v1", "bearer PASS"));
        assertEquals("live-socket", name("GET", "/interact/sessions/s1", null));
        assertEquals("live-socket", name("GET", "/api/interact/sessions/s1", "Bearer T"));
        assertEquals("api", name("GET", "/api/webinars", "Bearer T"));
    }

    @Test
    void consolePagesAndFormsHaveAClassOfTheirOwn() {
        assertEquals("console", name("GET", "/console", null));
        assertEquals("console", name("POST", "/console/tenants/acme/people", null));
        assertEquals("api", name("POST", "/api/tenants/acme/people", "Bearer T"));
    }

    @Test
    void hostPagesHealthAndAssetsAreNotClassified() {
        for (String path : List.of("/host/webinars", "/q/health/ready", "/signin", "/live/r1/index.m3u8", "/")) {
            assertEquals("none", name("GET", path, null), path);
        }
    }

    private static String name(String method, String path, String authorization) {
        return SHIPPED.classify(method, path, authorization).map(match -> match.endpoint().name()).orElse("none");
    }

    private static Optional<String> credential(String method, String path, String authorization) {
        return SHIPPED.classify(method, path, authorization).orElseThrow().credential();
    }

    /** The classes of application.properties without profile overrides, {@code ${key}} references resolved. */
    private static EndpointClasses shipped() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ProjectPaths.root().resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String prefix = "plenum.traffic.classes.";
        Set<String> names = properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .map(key -> key.substring(prefix.length(), key.indexOf('.', prefix.length()))).collect(Collectors.toCollection(TreeSet::new));
        List<EndpointClass> classes = new ArrayList<>();
        for (String name : names) {
            String at = prefix + name + ".";
            classes.add(new EndpointClass(name, Pattern.compile(value(properties, at + "paths")),
                    Optional.ofNullable(properties.getProperty(at + "methods")).map(list -> Arrays.stream(list.split(",")).map(String::strip)
                            .collect(Collectors.toSet())).orElse(Set.of()),
                    Integer.parseInt(Optional.ofNullable(properties.getProperty(at + "order")).orElse("100")),
                    Boolean.parseBoolean(properties.getProperty(at + "shared")),
                    rate(properties, at + "per-address."), rate(properties, at + "per-credential.")));
        }
        return new EndpointClasses(classes);
    }

    private static Optional<EndpointClass.Rate> rate(Properties properties, String at) {
        if (properties.getProperty(at + "requests") == null) {
            return Optional.empty();
        }
        String period = value(properties, at + "period").toUpperCase(java.util.Locale.ROOT);
        return Optional.of(new EndpointClass.Rate(Integer.parseInt(value(properties, at + "requests")),
                Duration.parse(period.startsWith("P") ? period : "PT" + period)));
    }

    private static String value(Properties properties, String key) {
        String raw = properties.getProperty(key);
        Matcher reference = Pattern.compile("^\\$\\{([^}]+)}$").matcher(raw);
        return reference.matches() ? value(properties, reference.group(1)) : raw;
    }
}
