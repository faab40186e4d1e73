package eu.plenum.media.rooms;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.media.storage.RecordingStores;
import eu.plenum.media.storage.S3Sites;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A recording erased before its upload into the site's object store finished is still a spool file on the
 * node that wrote it: that node alone deletes it while it lives, any node once its lease is gone, and the
 * node's spool sweep removes what it finds of erased (and already uploaded) recordings when it is back.
 * Globex's home Warsaw stores recordings in site A's object store (s3proxy), like {@code ObjectStoreRecordingTest}.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
@WithTestResource(S3Sites.class)
class ErasedSpoolFilesTest {

    private static final String PLACE = "recordings-waw";

    @Inject
    AgroalDataSource database;
    @Inject
    RecordingDeletions deletions;
    @Inject
    ErasedSpoolFiles sweep;
    @Inject
    RecordingStores stores;

    @Test
    void theHomeObjectOfARecordingErasedBeforeItsUploadIsLeftToTheNodeThatSpooledItWhileThatNodeLives() throws Exception {
        Room room = openRoom("Erased before its upload");
        String otherNode = "spooling-node-" + UUID.randomUUID();
        sql("INSERT INTO app_node (id, url) VALUES (?, 'http://127.0.0.1:9')", otherNode);
        // The file is in the other node's spool, not here.
        Path elsewhere = Path.of("/nonexistent-spool", PLACE, "globex", room.id().toString(), UUID.randomUUID() + ".webm");
        UUID recording = recording(room, elsewhere, "ERASED", otherNode);
        copy(recording, "DELETING");

        deletions.run();
        assertEquals("DELETING", copyColumn(recording, "status"), "the node that holds the spool file deletes it with the object");
        assertNull(copyColumn(recording, "claim_token"), "not even claimed here");
        assertEquals("0", copyColumn(recording, "attempts"));

        sql("UPDATE app_node SET renewed_at = now() - interval '1 hour' WHERE id = ?", otherNode);
        Instant deadline = Instant.now().plusSeconds(90);
        while (copyColumn(recording, "status").equals("DELETING") && "0".equals(copyColumn(recording, "attempts"))
                && Instant.now().isBefore(deadline)) {
            deletions.run();
            Thread.sleep(300);
        }
        assertTrue(copyColumn(recording, "status").equals("DELETED") || !"0".equals(copyColumn(recording, "attempts")),
                "once the spooling node's lease is gone, this node deletes the object: " + copyColumn(recording, "status"));
    }

    @Test
    void theSpoolSweepRemovesFilesOfErasedAndUploadedRecordingsAndKeepsFilesItDoesNotKnow() throws Exception {
        Room room = openRoom("Spool sweep");
        Path folder = Files.createDirectories(stores.spoolRoot().resolve(PLACE).resolve("globex").resolve(room.id().toString()));
        Path erased = Files.write(folder.resolve(UUID.randomUUID() + ".webm"), new byte[1024]);
        Path uploaded = Files.write(folder.resolve(UUID.randomUUID() + ".webm"), new byte[1024]);
        Path unknown = Files.write(folder.resolve(UUID.randomUUID() + ".webm"), new byte[1024]);
        // Erased while this node was down: another node already deleted the object and recorded it.
        copy(recording(room, erased, "ERASED", "this-node-before-its-restart"), "DELETED");
        // Uploaded and verified, but the node stopped before it removed its spool file.
        copy(recording(room, uploaded, "COMPLETE", "this-node-before-its-restart"), "VERIFIED");

        assertTrue(sweep.sweep() >= 2);
        assertFalse(Files.exists(erased), "the erased recording's spool file is gone");
        assertFalse(Files.exists(uploaded), "the uploaded recording's spool file is gone");
        assertTrue(Files.exists(unknown), "a file the catalogue does not know (yet) stays");
        Files.delete(unknown);
    }

    @Test
    void onlyTheSpoolingNodeClaimsWhileItHoldsItsLease() {
        assertTrue(RecordingDeletions.mayDeleteHomeObject("a", "b", true, true), "the file is here");
        assertTrue(RecordingDeletions.mayDeleteHomeObject(null, "b", false, false), "catalogued before nodes were named");
        assertTrue(RecordingDeletions.mayDeleteHomeObject("b", "b", false, true), "this node wrote it (and uploaded it)");
        assertFalse(RecordingDeletions.mayDeleteHomeObject("a", "b", false, true), "the writing node lives: its job");
        assertTrue(RecordingDeletions.mayDeleteHomeObject("a", "b", false, false), "the writing node is gone");
    }

    private record Room(UUID id, UUID sessionId, UUID publisherId) {
    }

    private Room openRoom(String title) throws SQLException {
        String webinarId = Webinars.create(Tokens.HOST_OF_GLOBEX, Webinars.sample(title));
        String sessionId = asGlobex().get("/api/webinars/" + webinarId).then().statusCode(200).extract().path("sessions[0].id");
        String roomId = asGlobex().contentType(ContentType.JSON).post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room")
                .then().statusCode(201).extract().path("room.id");
        UUID publisher = UUID.randomUUID();
        sql("INSERT INTO room_publisher (id, room_id, tenant_id, has_video, has_audio, video_codec, ended_at) "
                + "VALUES (?::uuid, ?::uuid, 'globex', true, false, 'VP8', now())", publisher.toString(), roomId);
        return new Room(UUID.fromString(roomId), UUID.fromString(sessionId), publisher);
    }

    private UUID recording(Room room, Path file, String status, String spoolNode) throws SQLException {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO recording (id, tenant_id, room_id, session_id, publisher_id, tracks, container, storage_place, "
                + "storage_region, file_path, status, size_bytes, sha256, ended_at, spool_node) VALUES (?::uuid, 'globex', ?::uuid, ?::uuid, "
                + "?::uuid, 'video', 'webm', 'recordings-waw', 'eu-waw', ?, ?, 1024, repeat('0', 64), now(), ?)", id.toString(),
                room.id().toString(), room.sessionId().toString(), room.publisherId().toString(),
                file.toAbsolutePath().normalize().toString(), status, spoolNode);
        return id;
    }

    private void copy(UUID recording, String status) throws SQLException {
        sql("INSERT INTO recording_copy (recording_id, place, region, backup, status) VALUES (?::uuid, 'recordings-waw', 'eu-waw', false, ?)",
                recording.toString(), status);
    }

    private String copyColumn(UUID recording, String column) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + column
                        + "::text FROM recording_copy WHERE recording_id = ?::uuid AND place = 'recordings-waw'")) {
            select.setString(1, recording.toString());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private void sql(String statement, String... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setString(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    private static RequestSpecification asGlobex() {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX));
    }
}
