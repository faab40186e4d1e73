package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A tenant at home in Warsaw: its recordings land only in Warsaw storage and in the storage
 * declared as Warsaw's backup, and its data-location report lists exactly those places.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RecordingArchiveTest {

    @Inject
    RecordingArchive archive;

    @Test
    void warsawTenantsRecordingsLandOnlyInWarsawAndItsBackup() throws Exception {
        Path recording = Files.createTempFile("session", ".webm");
        byte[] content = new byte[256 * 1024];
        new SecureRandom().nextBytes(content);
        Files.write(recording, content);
        String name = "session-" + System.nanoTime() + ".webm";

        List<RecordingArchive.StoredCopy> copies = archive.store("globex", "eu-waw", name, recording);

        assertEquals(Set.of("recordings-waw", "recordings-waw-backup"),
                copies.stream().map(RecordingArchive.StoredCopy::place).collect(Collectors.toSet()));
        String expected = RecordingArchive.sha256(recording);
        for (RecordingArchive.StoredCopy copy : copies) {
            assertEquals(expected, copy.sha256());
            assertEquals(content.length, copy.bytes());
            assertTrue(Files.exists(copy.file()));
        }
        Path storage = ProjectPaths.root().resolve("target/test-storage");
        try (Stream<Path> files = Files.walk(storage)) {
            List<Path> everywhere = files.filter(path -> path.getFileName().toString().equals(name)).toList();
            assertEquals(2, everywhere.size(), "copies outside Warsaw and its backup: " + everywhere);
            assertEquals(Set.of("eu-waw", "eu-sxb-backup-of-waw"), everywhere.stream()
                    .map(path -> storage.relativize(path).getName(0).toString()).collect(Collectors.toSet()));
        }
        assertFalse(Files.exists(storage.resolve("eu-fra/globex/" + name)));

        List<String> recordingPlaces = given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/tenants/globex/data-location")
                .then().statusCode(200)
                .extract().jsonPath().getList("lines.findAll { it.category.startsWith('Recordings') }.place");
        assertEquals(Set.of("recordings-waw", "recordings-waw-backup"), Set.copyOf(recordingPlaces));
        assertEquals(2, recordingPlaces.size());
    }

    @Test
    void aTenantWithoutStorageInItsHomeRegionGetsNoCopyAnywhere() throws Exception {
        Path recording = Files.createTempFile("session", ".webm");
        Files.writeString(recording, "not really media");
        try {
            archive.store("someone", "eu-vie", "orphan.webm", recording);
            throw new AssertionError("stored without home-region storage");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("eu-vie"));
        }
        Path storage = ProjectPaths.root().resolve("target/test-storage");
        if (Files.exists(storage)) {
            try (Stream<Path> files = Files.walk(storage)) {
                assertTrue(files.noneMatch(path -> path.getFileName().toString().equals("orphan.webm")));
            }
        }
    }
}
