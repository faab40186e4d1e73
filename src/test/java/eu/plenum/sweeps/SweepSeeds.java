package eu.plenum.sweeps;

import static io.restassured.RestAssured.given;

import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Real rows of one tenant for the sweeps, made through the API where it can (webinar, sessions, a
 * registration, a webhook endpoint and its delivery, a live room, a subject request, an erasure) and
 * in SQL where only the media pipeline writes (a finished recording and its publisher).
 */
record SweepSeeds(String tenant, String webinar, String session, String registration, String room, String publisher,
                  String recording, String webhook, String delivery, String subjectRequest, String erasure, String streamKey) {

    /** Seeds acme's rows as its host ({@code host}) and officer ({@code dpo-acme}). */
    static SweepSeeds acme(DataSource data, String run) throws Exception {
        return of(data, run, Tokens.HOST, "dpo-acme", "acme");
    }

    /** Globex's own webinar and session only: the place where a globex host puts acme's ids into a body. */
    static SweepSeeds globexWebinar(String run) {
        Map<String, Object> form = Webinars.sample("Sweep globex " + run);
        form.put("questions", List.of());
        String webinar = Webinars.create(Tokens.HOST_OF_GLOBEX, form);
        String session = given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get("/api/webinars/" + webinar)
                .then().statusCode(200).extract().path("sessions[0].id");
        return new SweepSeeds("globex", webinar, session, null, null, null, null, null, null, null, null, null);
    }

    private static SweepSeeds of(DataSource data, String run, String host, String officer, String tenant) throws Exception {
        String hostToken = Tokens.accessToken(host);
        Map<String, Object> form = Webinars.sample("Sweep " + tenant + " " + run);
        form.put("registrationMode", "APPROVAL");
        form.put("questions", List.of());
        String webinar = Webinars.create(host, form);
        String session = given().auth().oauth2(hostToken).get("/api/webinars/" + webinar).then().statusCode(200)
                .extract().path("sessions[0].id");
        given().contentType(ContentType.JSON).body(Map.of("name", "Sweep Person", "email", "sweep." + tenant + "." + run + "@sweep.example",
                "privacyAcknowledged", true)).post("/api/public/webinars/" + webinar + "/registrations").then().statusCode(202);
        String registration = one(data, "SELECT id FROM registration WHERE webinar_id = ?", UUID.fromString(webinar));
        io.restassured.path.json.JsonPath opened = given().auth().oauth2(hostToken).contentType(ContentType.JSON)
                .post("/api/webinars/" + webinar + "/sessions/" + session + "/room").then().statusCode(201).extract().jsonPath();
        String room = opened.getString("room.id");
        String webhook = given().auth().oauth2(hostToken).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/sweep-" + tenant, "regionCode", "eu-fra", "description", "sweep"))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(hostToken).post("/api/webhooks/" + webhook + "/ping"); // a delivery, whatever the unreachable receiver says
        List<String> deliveries = given().auth().oauth2(hostToken).get("/api/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .extract().path("id");
        String delivery = deliveries.isEmpty() ? UUID.randomUUID().toString() : deliveries.get(0);
        String officerToken = Tokens.accessToken(officer);
        String subjectRequest = given().auth().oauth2(officerToken).contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenant, "email", "subject." + run + "@sweep.example", "kind", "ACCESS"))
                .post("/api/compliance/requests").then().statusCode(201).extract().path("id");
        String erasure = given().auth().oauth2(officerToken).contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenant, "email", "erased." + run + "@sweep.example"))
                .post("/api/compliance/erasures").then().statusCode(202).extract().path("id");
        UUID publisher = UUID.randomUUID();
        UUID recording = UUID.randomUUID();
        try (Connection connection = data.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO room_publisher (id, room_id, tenant_id, "
                    + "has_video, has_audio, video_codec, ended_at) VALUES (?, ?, ?, true, false, 'VP8', now())")) {
                insert.setObject(1, publisher);
                insert.setObject(2, UUID.fromString(room));
                insert.setString(3, tenant);
                insert.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO recording (id, tenant_id, room_id, session_id, "
                    + "publisher_id, tracks, container, storage_place, storage_region, file_path, status, size_bytes, ended_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'video', 'webm', 'recordings', 'eu-fra', ?, 'COMPLETE', 0, now())")) {
                insert.setObject(1, recording);
                insert.setString(2, tenant);
                insert.setObject(3, UUID.fromString(room));
                insert.setObject(4, UUID.fromString(session));
                insert.setObject(5, publisher);
                insert.setString(6, "/nonexistent/sweep-" + recording + ".webm");
                insert.execute();
            }
        }
        return new SweepSeeds(tenant, webinar, session, registration, room, publisher.toString(), recording.toString(), webhook,
                delivery, subjectRequest, erasure, opened.getString("streamKey"));
    }

    private static final Map<String, String> SUBJECTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The Keycloak id (token subject) of a sample user. */
    static String subjectOf(String user) {
        return SUBJECTS.computeIfAbsent(user, name -> {
            String payload = Tokens.accessToken(name).split("\\.")[1];
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String one(DataSource data, String sql, Object parameter) throws Exception {
        try (Connection connection = data.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (java.sql.ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return result.getString(1);
            }
        }
    }

    /**
     * This tenant's value for a path parameter of {@code path}, or null when the sweep knows none (a new
     * kind of id: teach the sweep about it). {@code id} is named by the segment before it.
     */
    String pathValue(String path, String parameter) {
        return switch (parameter) {
            case "webinarId" -> webinar;
            case "sessionId" -> path.contains("/whip/") ? UUID.randomUUID().toString() : session;
            case "roomId" -> room;
            case "recordingId" -> recording;
            case "registrationId" -> registration;
            case "deliveryId" -> delivery;
            case "publisherId" -> publisher;
            case "viewerId" -> UUID.randomUUID().toString();
            case "tenantId", "tenant" -> tenant;
            // A real person of this tenant: its sample host's Keycloak id.
            case "userId" -> subjectOf("acme".equals(tenant) ? Tokens.HOST : Tokens.HOST_OF_GLOBEX);
            case "id" -> idAfter(path.substring(0, path.indexOf("{id}")));
            default -> null;
        };
    }

    private String idAfter(String prefix) {
        String segment = prefix.substring(prefix.lastIndexOf('/', prefix.length() - 2) + 1, prefix.length() - 1);
        return switch (segment) {
            case "webinars", "w" -> webinar;
            case "webhooks" -> webhook;
            case "tenants" -> tenant;
            case "requests", "exports" -> subjectRequest;
            case "erasures" -> erasure;
            default -> null;
        };
    }

    /** This tenant's value for an id field of a request body (by its name), or null when the sweep knows none. */
    Object bodyValue(String field, boolean array) {
        String value = switch (field) {
            case "registrationIds", "registrationId", "selected" -> registration;
            case "endpointId" -> webhook;
            case "requestId" -> subjectRequest;
            case "video" -> publisher;
            case "tenantId" -> tenant;
            case "webinarId" -> webinar;
            case "sessionId" -> session;
            case "roomId" -> room;
            case "recordingId" -> recording;
            default -> null;
        };
        return value == null ? null : array ? List.of(value) : value;
    }
}
