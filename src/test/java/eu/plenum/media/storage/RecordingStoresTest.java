package eu.plenum.media.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.Jurisdiction;
import eu.plenum.residency.PlaceKind;
import eu.plenum.residency.Region;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A production app node refuses an object store place without its access keys, and only then. */
class RecordingStoresTest {

    private static final Region WAW = new Region("eu-waw", "Warsaw", "PL", Jurisdiction.EU, null, "any", "any");

    @Test
    void anObjectStorePlaceWithoutKeysIsRefusedAndAFolderNeedsNone() {
        DeclaredPlace bucket = new DeclaredPlace("recordings", PlaceKind.RECORDING_STORAGE, WAW, Optional.of("s3://rec-waw"), Optional.empty());
        DeclaredPlace folder = new DeclaredPlace("local", PlaceKind.RECORDING_STORAGE, WAW, Optional.of("/var/lib/rec"), Optional.empty());

        Optional<String> none = RecordingStores.problem(List.of(folder, bucket), config(Map.of()));
        assertTrue(none.orElseThrow().contains("plenum.recording-storage.s3.recordings.access-key-id"), none.get());
        Optional<String> noSecret = RecordingStores.problem(List.of(bucket), config(Map.of("recordings", access("AKID", " "))));
        assertTrue(noSecret.isPresent(), "a blank secret is no secret");
        assertEquals(Optional.empty(), RecordingStores.problem(List.of(folder, bucket), config(Map.of("recordings", access("AKID", "s3cr3t")))));
        assertEquals(Optional.empty(), RecordingStores.problem(List.of(folder), config(Map.of())));
    }

    private static RecordingStorageConfig.ObjectStore access(String id, String secret) {
        return new RecordingStorageConfig.ObjectStore() {
            public Optional<URI> endpoint() {
                return Optional.of(URI.create("https://s3.waw.example.eu"));
            }

            public String signingRegion() {
                return "eu-central-1";
            }

            public boolean pathStyle() {
                return true;
            }

            public Optional<String> accessKeyId() {
                return Optional.of(id);
            }

            public Optional<String> secretAccessKey() {
                return Optional.of(secret);
            }

            public java.time.Duration connectTimeout() {
                return java.time.Duration.ofSeconds(3);
            }

            public java.time.Duration readTimeout() {
                return java.time.Duration.ofSeconds(30);
            }
        };
    }

    private static RecordingStorageConfig config(Map<String, RecordingStorageConfig.ObjectStore> s3) {
        return new RecordingStorageConfig() {
            public String spool() {
                return "spool";
            }

            public long liveChunkBytes() {
                return 1024 * 1024;
            }

            public Map<String, ObjectStore> s3() {
                return s3;
            }
        };
    }
}
