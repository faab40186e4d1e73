package eu.plenum.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation over every operation in {@code /q/openapi} that takes an id: a host, a compliance
 * officer and a tenant administrator of globex call each of them with acme's real ids (path, and body where the operation takes
 * ids there) and must get 403 or 404 — a new endpoint that forgets tenant scoping fails the build,
 * because the operations come from the running app's document, not from a list here.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class CrossTenantSweepTest {

    /**
     * Operations that take an id but are public by design, so any tenant's id is served to anyone; each says
     * why. Everything else with a path parameter is swept.
     */
    static final Map<String, String> PUBLIC_BY_DESIGN = Map.ofEntries(
            Map.entry("GET /w/{id}", "the public registration page of a webinar: anyone with its link may read it and register"),
            Map.entry("POST /w/{id}", "the form of that public registration page"),
            Map.entry("GET /w/{id}/check-inbox", "the page after registering; it says only to check the inbox"),
            Map.entry("POST /api/public/webinars/{id}/registrations", "the public registration API, the same as the form at /w/{id}"),
            Map.entry("POST /attend/{webinarId}/leave", "ends this device's own attendee session if it has one: 204 and cleared cookies whatever the id, nothing read or revealed"),
            Map.entry("GET /lang/{language}", "the language switch: its parameter is a language, not anyone's data"),
            Map.entry("OPTIONS /api/rooms/{roomId}/whip", "a CORS preflight: the same empty answer for every address, nothing is read"),
            Map.entry("OPTIONS /api/rooms/{roomId}/whip/{sessionId}", "a CORS preflight, as above"),
            Map.entry("OPTIONS /api/rooms/{roomId}/whep", "a CORS preflight, as above"),
            Map.entry("OPTIONS /api/rooms/{roomId}/whep/{viewerId}", "a CORS preflight, as above"));
    /** WHIP/WHEP trickle ICE is not offered: PATCH answers 405 for every address without reading anything (RFC 9725 allows it). */
    static final Set<String> NOT_IMPLEMENTED = Set.of("PATCH /api/rooms/{roomId}/whip/{sessionId}",
            "PATCH /api/rooms/{roomId}/whep/{viewerId}");
    /** The test suite's own failure resources (src/test), not part of the product. */
    static final String TEST_ONLY = "/api/test-only/";
    /** Fewer swept operations than this means the document or the filter broke, not that the app became smaller. */
    static final int MINIMUM_SWEPT = 80;

    @Inject
    AgroalDataSource data;

    private final Map<String, String[]> tokens = new HashMap<>();

    @Test
    void anotherTenantsHostAndOfficerGetOnly403Or404ForAcmesIds() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        SweepSeeds acme = SweepSeeds.acme(data, run);
        SweepSeeds globex = SweepSeeds.globexWebinar(run);
        assertEquals(200, SweepHttp.send(SweepHttp.PLAIN, "GET", "/api/webinars/" + acme.webinar(),
                Map.of("Authorization", "Bearer " + token(Tokens.HOST)), null).status(), "the seeded ids are real for their own tenant");
        JsonNode document = OpenApiOperations.document();
        List<OpenApiOperations.Operation> operations = new ArrayList<>(OpenApiOperations.all(document));
        operations.sort(Comparator.comparing(CrossTenantSweepTest::order));
        Map<String, String> pages = new LinkedHashMap<>();
        for (String attacker : List.of(Tokens.HOST_OF_GLOBEX, "dpo-globex", "globex-admin")) {
            pages.put(attacker, PageSessions.signIn(SweepHttp.base(), attacker));
        }

        List<String> violations = new ArrayList<>();
        int swept = 0;
        int bodySwept = 0;
        for (OpenApiOperations.Operation operation : operations) {
            String key = operation.toString();
            if (operation.path().startsWith(TEST_ONLY) || PUBLIC_BY_DESIGN.containsKey(key) || NOT_IMPLEMENTED.contains(key)) {
                continue;
            }
            boolean pathIds = !operation.pathParameterNames().isEmpty();
            SampleBodies bodies = new SampleBodies(document);
            // Path ids: acme's. Body ids: acme's too, but in the attacker's own webinar where the path names one.
            byte[] body = body(document, operation, bodies, acme);
            boolean bodyIds = !bodies.idFields.isEmpty();
            if (!bodies.unknownIds.isEmpty()) {
                violations.add(key + ": the sweep knows no acme value for body id " + bodies.unknownIds + " (teach SweepSeeds.bodyValue)");
            }
            if (pathIds) {
                String path = fill(operation, acme, null, violations);
                if (path != null) {
                    swept++;
                    check(operation, path, body, pages, violations, "acme's ids in the path");
                }
            }
            if (bodyIds) {
                String path = fill(operation, globex, acme, violations);
                if (path != null) {
                    bodySwept++;
                    check(operation, path, body, pages, violations, "acme's ids in the body" + bodies.idFields);
                }
            }
        }
        System.out.printf("cross-tenant sweep: %d operations with ids in the path, %d with ids in the body%n", swept, bodySwept);
        assertTrue(violations.isEmpty(), violations.size() + " cross-tenant answers other than 403/404:\n" + String.join("\n", violations));
        assertTrue(swept >= MINIMUM_SWEPT, "only " + swept + " operations with path ids were swept");
        assertTrue(bodySwept >= 5, "only " + bodySwept + " operations with body ids were swept");
    }

    /** GETs first, DELETEs last: a leaking DELETE must not hide what the other operations would leak. */
    private static int order(OpenApiOperations.Operation operation) {
        return switch (operation.method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    private void check(OpenApiOperations.Operation operation, String path, byte[] body, Map<String, String> pages,
                       List<String> violations, String what) throws IOException {
        Set<Integer> allowed = operation.secured() ? Set.of(403, 404) : Set.of(401, 403, 404);
        for (Map.Entry<String, String> attacker : pages.entrySet()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "*/*");
            HttpClient client = SweepHttp.PLAIN;
            if (path.startsWith("/api/")) {
                headers.put("Authorization", "Bearer " + token(attacker.getKey()));
            } else {
                headers.put("Cookie", attacker.getValue());
                headers.put("Sec-Fetch-Site", "same-origin");
            }
            if (body != null) {
                headers.put("Content-Type", operation.bodyTypes().get(0));
            }
            SweepHttp.Answer answer;
            try {
                answer = SweepHttp.send(client, operation.method(), path, headers, body);
            } catch (IOException e) {
                violations.add(operation + " as " + attacker.getKey() + " with " + what + ": connection failed: " + e);
                continue;
            }
            if (!allowed.contains(answer.status())) {
                violations.add(operation + " as " + attacker.getKey() + " with " + what + " (" + path + "): " + answer);
            }
        }
    }

    /** The path with each parameter from {@code first}, else {@code fallback}; null (and a violation) when neither knows one. */
    private static String fill(OpenApiOperations.Operation operation, SweepSeeds first, SweepSeeds fallback, List<String> violations) {
        String path = operation.path();
        for (String parameter : operation.pathParameterNames()) {
            String value = value(operation.path(), parameter, first);
            if (value == null && fallback != null) {
                value = value(operation.path(), parameter, fallback);
            }
            if (value == null) {
                violations.add(operation + ": the sweep knows no acme value for path parameter {" + parameter
                        + "} (teach SweepSeeds.pathValue, or allow-list the operation with a reason)");
                return null;
            }
            path = path.replace("{" + parameter + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return path;
    }

    private static String value(String path, String parameter, SweepSeeds seeds) {
        String id = seeds.pathValue(path, parameter);
        if (id != null) {
            return id;
        }
        return switch (parameter) {
            // Possession of the token is the permission: a foreign caller can only guess one.
            case "token" -> UUID.randomUUID().toString().replace("-", "") + "Sweep0123456";
            case "category" -> "live-events";
            case "region" -> "eu-fra";
            case "format" -> "csv";
            // The one role a tenant administrator may give: the refusal must come from the foreign tenant, not the role.
            case "role" -> "host";
            default -> null;
        };
    }

    private static byte[] body(JsonNode document, OpenApiOperations.Operation operation, SampleBodies bodies, SweepSeeds acme)
            throws IOException {
        if (operation.bodyTypes().isEmpty()) {
            return null;
        }
        String type = operation.bodyTypes().get(0);
        JsonNode schema = SampleBodies.bodySchema(document, operation, type);
        JsonNode sample = bodies.sample(schema, null, acme::bodyValue);
        if (type.equals("application/json")) {
            return SampleBodies.JSON.writeValueAsBytes(sample);
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> fields = sample.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<JsonNode> values = field.getValue().isArray() ? List.copyOf(toList(field.getValue())) : List.of(field.getValue());
                for (JsonNode value : values) {
                    form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
                }
            }
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (type.equals("application/sdp")) {
            return MalformedInputs.SDP_OFFER.getBytes(StandardCharsets.UTF_8);
        }
        return "sweep".getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** A token per user, fetched again after two minutes (the realm's tokens live five). */
    private String token(String user) {
        String[] cached = tokens.get(user);
        if (cached == null || System.nanoTime() - Long.parseLong(cached[1]) > 120_000_000_000L) {
            cached = new String[] {Tokens.accessToken(user), Long.toString(System.nanoTime())};
            tokens.put(user, cached);
        }
        return cached[0];
    }
}
