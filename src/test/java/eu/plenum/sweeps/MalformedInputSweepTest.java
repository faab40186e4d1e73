package eu.plenum.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to every operation in {@code /q/openapi}, as a user allowed to call it: malformed path,
 * query and header values, bodies that are not JSON (or form, or SDP), wrong types, nulls, huge and
 * deeply nested values, control characters and wrong content types. Any 5xx or dropped connection
 * fails, and every 4xx must be application/problem+json.
 *
 * <p>Part of {@code ./plenum test}; every finding is also written to {@code target/sweep-reports/}.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class MalformedInputSweepTest {

    /** Fewer swept operations than this means the document or the filter broke. */
    static final int MINIMUM_OPERATIONS = 120;

    @Inject
    AgroalDataSource data;

    private final Map<String, String[]> tokens = new HashMap<>();
    private final Map<String, String> pages = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int requests;

    @Test
    void noMalformedRequestGetsA5xxOrADroppedConnectionAndEvery4xxIsAProblem() throws Exception {
        SweepSeeds acme = SweepSeeds.acme(data, Long.toString(System.nanoTime(), 36));
        streamKey = acme.streamKey();
        JsonNode document = OpenApiOperations.document();
        List<OpenApiOperations.Operation> operations = OpenApiOperations.all(document);
        for (String user : List.of(Tokens.HOST, "dpo-acme", Tokens.ADMIN)) {
            pages.put(user, PageSessions.signIn(SweepHttp.base(), user));
        }
        int swept = 0;
        for (OpenApiOperations.Operation operation : operations) {
            if (operation.path().startsWith(CrossTenantSweepTest.TEST_ONLY)) {
                continue;
            }
            swept++;
            sweep(document, operation, acme);
        }
        rawFraming();
        System.out.printf("malformed-input sweep: %d operations, %d requests%n", swept, requests);
        SweepReports.write("malformed-input", violations);
        assertEquals(200, SweepHttp.send(SweepHttp.PLAIN, "GET", "/q/health/live", Map.of(), null).status(), "the node is alive");
        assertTrue(violations.isEmpty(), violations.size() + " malformed requests were mishandled:\n" + String.join("\n", violations));
        assertTrue(swept >= MINIMUM_OPERATIONS, "only " + swept + " operations were swept");
    }

    private void sweep(JsonNode document, OpenApiOperations.Operation operation, SweepSeeds acme) throws IOException {
        String path = operation.path();
        for (String parameter : operation.pathParameterNames()) {
            String value = valid(operation.path(), parameter, acme);
            path = path.replace("{" + parameter + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        String type = operation.bodyTypes().isEmpty() ? null : operation.bodyTypes().get(0);
        SampleBodies bodies = new SampleBodies(document);
        JsonNode sample = type == null ? null : bodies.sample(SampleBodies.bodySchema(document, operation, type), null, acme::bodyValue);
        byte[] harmless = harmlessBody(type, sample);

        // Path parameters, one at a time.
        for (String parameter : operation.pathParameterNames()) {
            for (String junk : MalformedInputs.VALUES) {
                String swapped = operation.path();
                for (String other : operation.pathParameterNames()) {
                    swapped = swapped.replace("{" + other + "}", other.equals(parameter) ? junk
                            : URLEncoder.encode(valid(operation.path(), other, acme), StandardCharsets.UTF_8));
                }
                call(operation, swapped, type, harmless, Map.of(), "path {" + parameter + "}=" + abbreviated(junk));
            }
        }
        // Query and header parameters the document declares.
        for (OpenApiOperations.Parameter parameter : operation.in("query")) {
            for (String junk : MalformedInputs.VALUES) {
                call(operation, path + "?" + parameter.name() + "=" + junk, type, harmless, Map.of(),
                        "query " + parameter.name() + "=" + abbreviated(junk));
            }
            call(operation, path + "?" + parameter.name() + "=1&" + parameter.name() + "=x", type, harmless, Map.of(), "query twice");
        }
        for (OpenApiOperations.Parameter parameter : operation.in("header")) {
            for (String junk : MalformedInputs.HEADER_VALUES) {
                call(operation, path, type, harmless, Map.of(parameter.name(), junk), "header " + parameter.name() + "=" + abbreviated(junk));
            }
        }
        // Headers every operation reads.
        for (String accept : MalformedInputs.ACCEPTS) {
            call(operation, path, type, harmless, Map.of("Accept", accept), "Accept: " + accept);
        }
        for (String authorization : MalformedInputs.AUTHORIZATIONS) {
            call(operation, path, type, harmless, Map.of("Authorization", authorization), "Authorization: " + abbreviated(authorization));
        }
        if (type == null) {
            return;
        }
        for (String contentType : MalformedInputs.CONTENT_TYPES) {
            if (!contentType.equals(type)) {
                call(operation, path, contentType, harmless, Map.of(), "Content-Type: " + contentType);
            }
        }
        List<byte[]> wholeBodies = switch (type) {
            case "application/json" -> MalformedInputs.jsonBodies();
            case "application/x-www-form-urlencoded" -> MalformedInputs.formBodies();
            case "application/sdp" -> MalformedInputs.sdpBodies();
            default -> List.of(MalformedInputs.bytes("garbage"));
        };
        for (byte[] body : wholeBodies) {
            call(operation, path, type, body, Map.of(), "body " + abbreviated(new String(body, StandardCharsets.UTF_8)));
        }
        if (sample != null && sample.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = sample.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                for (JsonNode junk : junkFor(field.getValue())) {
                    ObjectNode mutated = ((ObjectNode) sample).deepCopy();
                    mutated.set(field.getKey(), junk);
                    byte[] body = type.equals("application/json") ? SampleBodies.JSON.writeValueAsBytes(mutated) : form(mutated);
                    call(operation, path, type, body, Map.of(), "field " + field.getKey() + "=" + abbreviated(junk.toString()));
                }
            }
        }
    }

    /** Values of the wrong type, out of range, null, huge, and text that databases and parsers choke on. */
    private static List<JsonNode> junkFor(JsonNode good) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> junk = new ArrayList<>(List.of(nodes.nullNode(), nodes.textNode("x"), nodes.numberNode(-1),
                nodes.numberNode(new java.math.BigInteger("99999999999999999999999")), nodes.numberNode(1.5), nodes.booleanNode(false),
                nodes.arrayNode(), nodes.objectNode(), nodes.textNode(""), nodes.textNode("x".repeat(200_000)),
                nodes.textNode("\u0000"), nodes.textNode("a\u0000b"), nodes.textNode("\ud800"), nodes.textNode("\u202e\ud83d\udca5\uFFFF\r\n"),
                nodes.textNode("' OR 1=1 --"), nodes.textNode("9999-99-99T99:99"), nodes.textNode("../../etc/passwd")));
        junk.add(nodes.arrayNode().add(nodes.nullNode()));
        junk.add(nodes.arrayNode().add(nodes.textNode("\u0000")));
        if (good.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode many = nodes.arrayNode();
            for (int i = 0; i < 5000; i++) {
                many.add(good.isEmpty() ? nodes.textNode("x") : good.get(0));
            }
            junk.add(many);
        }
        return junk;
    }

    private static byte[] harmlessBody(String type, JsonNode sample) throws IOException {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "application/json" -> SampleBodies.JSON.writeValueAsBytes(sample);
            case "application/x-www-form-urlencoded" -> form(sample);
            // A broken offer: header and parameter cases must not start real media negotiations.
            default -> MalformedInputs.bytes("v=0\r\n");
        };
    }

    private static byte[] form(JsonNode sample) {
        StringBuilder form = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = sample.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<JsonNode> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(values::add);
            } else {
                values.add(field.getValue());
            }
            for (JsonNode value : values) {
                form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value.isContainerNode() ? value.toString() : value.asText(), StandardCharsets.UTF_8));
            }
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void call(OpenApiOperations.Operation operation, String path, String contentType, byte[] body, Map<String, String> extra,
                      String what) {
        String user = userFor(operation.path());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "*/*");
        HttpClient client = SweepHttp.PLAIN;
        if (path.startsWith("/api/")) {
            headers.put("Authorization", "Bearer " + credential(operation, user));
        } else {
            headers.put("Cookie", pages.get(user));
            headers.put("Sec-Fetch-Site", "same-origin");
        }
        if (body != null && contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(extra);
        requests++;
        SweepHttp.Answer answer;
        try {
            answer = SweepHttp.send(client, operation.method(), path, headers, body);
        } catch (IOException e) {
            violations.add(operation + " with " + what + ": connection failed: " + e);
            return;
        } catch (IllegalArgumentException e) {
            return; // the client refuses to send this header value at all; nothing reached the server
        }
        if (answer.status() >= 500) {
            violations.add(operation + " with " + what + ": " + answer);
        } else if (answer.status() >= 400 && !answer.problem()) {
            violations.add(operation + " with " + what + ": a " + answer.status() + " that is not problem+json: " + answer);
        }
    }

    /** One raw request's framing headers and body; {@code mayClose}: framing so broken that closing without an answer is right. */
    private record Framing(String headers, String body, boolean mayClose) {
    }

    /**
     * Bad bytes below the HTTP layer: Content-Length that is not a number, negative, or two that disagree; both
     * Content-Length and Transfer-Encoding (the request-smuggling shape, which Netty's RFC 9112 decoder refuses
     * outright); and a chunked body that is no chunk at all. After the last two nobody can tell where the next
     * request starts, so the connection may also just close (RFC 9112, section 6.1) — but it must never hang or
     * answer 5xx.
     */
    private void rawFraming() throws IOException {
        String token = token(Tokens.HOST);
        List<Framing> framings = List.of(new Framing("Content-Length: abc\r\n", "{}", false),
                new Framing("Content-Length: -5\r\n", "{}", false), new Framing("Content-Length: 2\r\nContent-Length: 7\r\n", "{}", false),
                new Framing("Content-Length: 99999999999999999999\r\n", "{}", false),
                new Framing("Transfer-Encoding: chunked\r\nContent-Length: 2\r\n", "2\r\n{}\r\n0\r\n\r\n", true),
                new Framing("Transfer-Encoding: chunked\r\n", "{}", true));
        for (Framing framing : framings) {
            String request = "POST /api/webinars HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\n" + framing.headers() + "Connection: close\r\n\r\n" + framing.body();
            String what = "raw POST /api/webinars with " + framing.headers().strip().replace("\r\n", ", ");
            java.net.URI base = java.net.URI.create(SweepHttp.base());
            try (Socket socket = new Socket(base.getHost(), base.getPort(), SweepHttp.SOURCE, 0)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
                InputStream in = socket.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
                requests++;
                if (!status.matches("HTTP/1\\.1 4\\d\\d") && !(framing.mayClose() && status.isEmpty())) {
                    violations.add(what + ": answered " + status);
                }
            } catch (java.net.SocketTimeoutException e) {
                violations.add(what + ": no answer in 30 s");
            }
        }
    }

    /** Who may call the operation, so that the malformed part, not the role, is what gets judged. */
    private static String userFor(String path) {
        if (path.startsWith("/api/admin/") || path.startsWith("/console/media") || path.startsWith("/console/replication")
                || path.equals("/console")) {
            return Tokens.ADMIN;
        }
        if (path.startsWith("/api/compliance/") || path.startsWith("/console/")) {
            return "dpo-acme";
        }
        return Tokens.HOST;
    }

    /** WHIP takes the room's stream key as its bearer credential; everything else under /api a user's token. */
    private String credential(OpenApiOperations.Operation operation, String user) {
        return operation.path().startsWith("/api/rooms/{roomId}/whip") ? streamKey : token(user);
    }

    private String streamKey;

    private static String valid(String path, String parameter, SweepSeeds acme) {
        String value = acme.pathValue(path, parameter);
        if (value != null) {
            return value;
        }
        return switch (parameter) {
            case "token" -> "SweepToken0123456789SweepToken0123456789abc";
            case "category" -> "live-events";
            case "region" -> "eu-fra";
            case "format" -> "csv";
            case "language" -> "de";
            case "kind" -> "unique";
            default -> "sweep";
        };
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }

    private String token(String user) {
        String[] cached = tokens.get(user);
        if (cached == null || System.nanoTime() - Long.parseLong(cached[1]) > 120_000_000_000L) {
            cached = new String[] {Tokens.accessToken(user), Long.toString(System.nanoTime())};
            tokens.put(user, cached);
        }
        return cached[0];
    }
}
