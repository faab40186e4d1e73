package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.LinkConfig;
import eu.plenum.shared.SecretTokens;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.SqlSeed;
import eu.plenum.testsupport.WhepViewers;
import eu.plenum.testsupport.WhipPublishers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app nodes on one database: the room goes live on node A (which runs the media
 * workers); an attendee whose requests reach node B watches it all the same — node B relays the
 * WHEP signalling to node A, and the media flows between the viewer and node A's viewer worker; a
 * second publisher whose WHIP request reaches node B joins the room on node A the same way.
 */
class WhepOnTwoNodesIT {

    @Test
    void aViewerWhoseRequestReachesTheOtherNodeWatchesTheRoom() throws Exception {
        try (ExternalDatabase database = ExternalDatabase.start();
                Browser browser = Browser.launchWithFakeMedia()) {
            Map<String, String> env = database.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "PLENUM_MEDIA_ICE_ADDRESSES", "127.0.0.1",
                    "PLENUM_RESIDENCY_PLACES_RECORDINGS_TARGET", ProjectPaths.target("it-two-nodes", "recordings").toString()));
            try (PackagedJar nodeA = PackagedJar.start("whep-node-a", with(env, "PLENUM_ROLES", "app,media-worker",
                    "PLENUM_NODE_ID", "node-a"), Map.of())) {
                assertEquals(200, nodeA.awaitReady(), nodeA.output());
                try (PackagedJar nodeB = PackagedJar.start("whep-node-b", with(env, "PLENUM_ROLES", "app",
                        "PLENUM_NODE_ID", "node-b"), Map.of())) {
                    assertEquals(200, nodeB.awaitReady(), nodeB.output());
                    String key = "sk_" + SecretTokens.next();
                    UUID roomId = seedRoom(database, key);

                    WhipPublishers publishers = new WhipPublishers(browser, nodeA.url("/"));
                    Map<String, Object> published = publishers.publish(nodeA.url("/api/rooms/" + roomId + "/whip"), key, 320, 240);
                    assertEquals(201, published.get("status"), published + "\n" + nodeA.output());

                    ViewerPasses passes = new ViewerPasses(linksKey(), Clock.systemUTC());
                    String pass = passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(5));
                    WhepViewers viewers = new WhepViewers(browser, nodeB.url("/"));
                    Map<String, Object> watching = viewers.watch(nodeB.url("/api/rooms/" + roomId + "/whep"), pass, "remote");
                    assertEquals(201, watching.get("status"), watching + "\n" + nodeB.output());
                    assertTrue(String.valueOf(watching.get("location")).startsWith(nodeB.url("/api/rooms/" + roomId + "/whep/")),
                            "the viewer's resource is named on the node it asked: " + watching);
                    Map<String, Object> frame = viewers.awaitPicture("remote", shown -> true);
                    System.out.println("viewer through node B: " + frame);

                    assertTrue(nodeA.output().contains("has a new viewer worker"), "node A serves the viewer");
                    assertFalse(nodeB.output().contains("has a new viewer worker"), "node B runs no media");
                    assertEquals(200, viewers.leave("remote", pass), "the DELETE is relayed too");

                    // A second publisher (a screen share) whose WHIP request reaches node B joins the room on node A.
                    // Its page is on node B's origin: the pages' CSP (connect-src 'self') forbids a fetch to another node.
                    WhipPublishers screens = new WhipPublishers(browser, nodeB.url("/"));
                    Map<String, Object> screen = screens.publish(nodeB.url("/api/rooms/" + roomId + "/whip"), key, 320, 240);
                    assertEquals(201, screen.get("status"), screen + "\n" + nodeB.output());
                    assertTrue(String.valueOf(screen.get("location")).startsWith(nodeB.url("/")), String.valueOf(screen));
                    assertEquals(200, screens.unpublish((String) screen.get("location")).get("status"), "its DELETE is relayed");
                    screens.page().context().close();
                    publishers.page().context().close();
                    viewers.page().context().close();
                }
            }
        }
    }

    private static Map<String, String> with(Map<String, String> env, String... more) {
        Map<String, String> all = new java.util.HashMap<>(env);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    private static LinkConfig linksKey() {
        return () -> Optional.of(PackagedJar.linksKey());
    }

    /** A webinar session with a ready room whose stream key is {@code key}. */
    private static UUID seedRoom(ExternalDatabase database, String key) throws Exception {
        try (Connection connection = database.connect()) {
            UUID webinar = SqlSeed.webinarWithOneSession(connection, "twonodes", "Watched on two nodes",
                    OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
            UUID room = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO live_room (id, tenant_id, webinar_id, session_id, stream_key_hash, stream_key_hint, status, recording)
                    SELECT ?, 'twonodes', ?, id, ?, '…' || right(?, 4), 'READY', false FROM webinar_session WHERE webinar_id = ?""")) {
                insert.setObject(1, room);
                insert.setObject(2, webinar);
                insert.setString(3, SecretTokens.hash(key));
                insert.setString(4, key);
                insert.setObject(5, webinar);
                assertEquals(1, insert.executeUpdate());
            }
            return room;
        }
    }
}
