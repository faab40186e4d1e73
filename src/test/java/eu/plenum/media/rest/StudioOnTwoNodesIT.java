package eu.plenum.media.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import eu.plenum.shared.SecretTokens;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.KeycloakServer;
import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.SqlSeed;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhipPublishers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app nodes on one database and a real Keycloak: the room is live on node A; the host
 * signed in on node B publishes from the studio (session cookie) and the request reaches node A,
 * which believes the host only as node B signed it — a forged or replayed signature is refused.
 */
class StudioOnTwoNodesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theStudioOnAnotherNodePublishesIntoTheRoomThroughASignedRelay() throws Exception {
        KeycloakServer keycloak = KeycloakServer.start();
        try (ExternalDatabase database = ExternalDatabase.start(); Browser browser = Browser.launchWithFakeMedia()) {
            String webSecret = SecretTokens.next();
            Map<String, String> env = database.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "PLENUM_MEDIA_ICE_ADDRESSES", "127.0.0.1",
                    "PLENUM_RESIDENCY_PLACES_RECORDINGS_TARGET", ProjectPaths.target("it-studio-two-nodes", "recordings").toString(),
                    "PLENUM_KEYCLOAK_URL", keycloak.url(), PackagedJar.CLIENT_SECRET_ENV, webSecret));
            try (PackagedJar nodeA = PackagedJar.start("studio-node-a", with(env, "PLENUM_ROLES", "app,media-worker",
                    "PLENUM_NODE_ID", "node-a"), Map.of())) {
                assertEquals(200, nodeA.awaitReady(), nodeA.output());
                try (PackagedJar nodeB = PackagedJar.start("studio-node-b", with(env, "PLENUM_ROLES", "app",
                        "PLENUM_NODE_ID", "node-b"), Map.of())) {
                    assertEquals(200, nodeB.awaitReady(), nodeB.output());
                    String nodeBOrigin = nodeB.url("").replace("127.0.0.1", "localhost");
                    webClient(keycloak, webSecret, nodeBOrigin);
                    String key = "sk_" + SecretTokens.next();
                    UUID[] seeded = seedRoom(database, key);
                    UUID roomId = seeded[2];

                    WhipPublishers camera = new WhipPublishers(browser, nodeA.url("/"));
                    Map<String, Object> live = camera.publish(nodeA.url("/api/rooms/" + roomId + "/whip"), key, 320, 240);
                    assertEquals(201, live.get("status"), live + "\n" + nodeA.output());

                    Page studio = signIn(browser, keycloak, nodeBOrigin + "/host/studio/webinars/" + seeded[0] + "/sessions/" + seeded[1]);
                    WhipPublishers screens = new WhipPublishers(studio);
                    Map<String, Object> screen = screens.publish(nodeBOrigin + "/host/studio/rooms/" + roomId + "/whip", null, 320, 240);
                    assertEquals(201, screen.get("status"), screen + "\n" + nodeB.output());
                    assertTrue(String.valueOf(screen.get("location")).startsWith(nodeBOrigin + "/host/studio/rooms/" + roomId + "/whip/"),
                            "the studio names its session on its own node and path: " + screen);
                    assertEquals(2, database.count("SELECT count(*) FROM room_publisher WHERE room_id = ? AND ended_at IS NULL", roomId),
                            "node A's room has the studio's publisher");
                    assertFalse(nodeB.output().contains("is live on media worker"), "node B runs no media");
                    assertEquals(204, screens.unpublish((String) screen.get("location")).get("status"), "its DELETE is relayed too");
                    assertEquals(1, database.count("SELECT count(*) FROM room_publisher WHERE room_id = ? AND ended_at IS NULL", roomId));

                    // Straight to node A with the relay headers: a signature of another key, then a genuine one twice.
                    String path = "/api/rooms/" + roomId + "/whip/" + UUID.randomUUID();
                    RelayedHosts.Host host = new RelayedHosts.Host("acme", "someone");
                    RelayedHosts forger = new RelayedHosts("a-key-that-is-not-this-installations-0123456789", Clock.systemUTC());
                    assertEquals(401, delete(nodeA, path, forger.sign("DELETE", path, null, host)), "a forged host is refused");
                    String genuine = new RelayedHosts(PackagedJar.linksKey(), Clock.systemUTC()).sign("DELETE", path, null, host);
                    assertEquals(404, delete(nodeA, path, genuine), "a genuine host passes (the session is unknown)");
                    assertEquals(401, delete(nodeA, path, genuine), "the same signature again is a replay");
                    studio.context().close();
                    camera.page().context().close();
                }
            }
        } finally {
            keycloak.stop();
        }
    }

    private static int delete(PackagedJar node, String path, String relayedHost) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url(path))).DELETE().header(NodeRelay.RELAYED, "1")
                .header(RelayedHosts.HEADER, relayedHost).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Signs the host in through Keycloak's form, starting from a protected page of node B. */
    private static Page signIn(Browser browser, KeycloakServer keycloak, String page) {
        Page studio = browser.newPage("en");
        studio.navigate(page);
        studio.waitForURL(url -> url.startsWith(keycloak.url()));
        studio.locator("#username").fill(Tokens.HOST);
        studio.locator("#password").fill(Tokens.password(Tokens.HOST));
        studio.locator("#kc-login").click();
        studio.waitForURL(url -> url.startsWith(page));
        return studio;
    }

    /** The realm's web client with this run's secret (production refuses the dev one) and node B as a redirect target. */
    private static void webClient(KeycloakServer keycloak, String secret, String origin) throws Exception {
        String admin = keycloak.adminAccessToken();
        String clients = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=plenum-web"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode client = (ObjectNode) JSON.readTree(found.body()).get(0);
        client.put("secret", secret);
        ((ArrayNode) client.withArray("redirectUris")).add(origin + "/*");
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, saved.statusCode(), saved.body());
    }

    private static Map<String, String> with(Map<String, String> env, String... more) {
        Map<String, String> all = new HashMap<>(env);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    /** A webinar session of the realm host's organisation (acme) with a ready room: webinar, session and room ids. */
    private static UUID[] seedRoom(ExternalDatabase database, String key) throws Exception {
        try (Connection connection = database.connect()) {
            UUID webinar = SqlSeed.webinarWithOneSession(connection, "acme", "Studio on two nodes",
                    OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
            UUID room = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO live_room (id, tenant_id, webinar_id, session_id, stream_key_hash, stream_key_hint, status, recording)
                    SELECT ?, 'acme', ?, id, ?, '…' || right(?, 4), 'READY', false FROM webinar_session WHERE webinar_id = ?""")) {
                insert.setObject(1, room);
                insert.setObject(2, webinar);
                insert.setString(3, SecretTokens.hash(key));
                insert.setString(4, key);
                insert.setObject(5, webinar);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM webinar_session WHERE webinar_id = ?")) {
                select.setObject(1, webinar);
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    return new UUID[] {webinar, rows.getObject(1, UUID.class), room};
                }
            }
        }
    }
}
