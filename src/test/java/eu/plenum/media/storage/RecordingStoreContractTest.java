package eu.plenum.media.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.S3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both recording stores keep the same promises — verified put, ranges, list, delete with what was removed,
 * the live mirror — the folder store on a temporary folder, the object store on a real S3 server (s3proxy).
 */
class RecordingStoreContractTest {

    private static S3Server s3;
    private static S3RecordingStore objects;
    @TempDir
    static Path folder;

    @BeforeAll
    static void start() {
        s3 = S3Server.start("contract");
        s3.createBucket("site-a");
        objects = new S3RecordingStore(s3.client(), "site-a", "recordings/", 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    static Stream<RecordingStore> stores() {
        return Stream.of(new FileRecordingStore(folder.resolve("site")), objects);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aVerifiedObjectReadsBackWholeAndInRanges(RecordingStore store) throws IOException {
        byte[] bytes = random(3 * 1024 * 1024 + 17, 1);
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-1.webm";
        StoredObject stored = store.put(key, new ByteArrayInputStream(bytes), bytes.length, sha256(bytes));
        assertEquals(new StoredObject(key, sha256(bytes), bytes.length), stored);
        assertEquals(Optional.of((long) bytes.length), store.size(key));
        assertArrayEquals(Arrays.copyOfRange(bytes, 0, 100), read(store.open(key, 0, 100)));
        assertArrayEquals(Arrays.copyOfRange(bytes, 1_000_000, 2_500_000), read(store.open(key, 1_000_000, 1_500_000)));
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 1, bytes.length), read(store.open(key, bytes.length - 1, 1)));
        assertTrue(store.list(key.substring(0, key.lastIndexOf('/'))).contains(key), "listed under its room");

        Optional<StoredObject> removed = store.delete(key);
        assertEquals(Optional.of(new StoredObject(key, sha256(bytes), bytes.length)), removed, "what was removed, hashed");
        assertEquals(Optional.empty(), store.size(key));
        assertEquals(Optional.empty(), store.delete(key), "a second deletion finds nothing and is no error");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anUploadWhoseBytesDoNotMatchTheCatalogueIsNotKept(RecordingStore store) {
        byte[] bytes = random(200_000, 2);
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-2.webm";
        assertThrows(IllegalStateException.class, () -> store.put(key, new ByteArrayInputStream(bytes), bytes.length, sha256(random(10, 3))));
        assertEquals(Optional.empty(), store.size(key));
        assertEquals(List.of(), store.list(key.substring(0, key.lastIndexOf('/'))), "no partial object left behind");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theLiveMirrorFollowsAGrowingFileAndGoesWhenTheWholeFileIsStored(RecordingStore store) throws IOException {
        byte[] bytes = random(5 * 1024 * 1024, 4);
        Path growing = folder.resolve("growing-" + System.nanoTime() + ".webm");
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-3.webm";
        Files.write(growing, Arrays.copyOf(bytes, 2 * 1024 * 1024));
        long mirrored = store.appendGrowing(key, growing, 0);
        assertEquals(2 * 1024 * 1024, mirrored);
        Files.write(growing, bytes);
        mirrored = store.appendGrowing(key, growing, mirrored);
        assertEquals(bytes.length, mirrored);
        assertArrayEquals(bytes, read(store.openGrowing(key).orElseThrow()), "the mirror is the file so far, in order");
        assertEquals(List.of(), store.list(key.substring(0, key.lastIndexOf('/'))), "a mirror is not a stored recording");

        store.put(key, Files.newInputStream(growing), bytes.length, sha256(bytes));
        assertEquals(Optional.empty(), store.openGrowing(key), "the verified whole file replaces its mirror");
        store.delete(key);
    }

    @Test
    void anObjectLargerThanOnePartGoesUpInPartsAndIsVerifiedWhole() throws IOException {
        byte[] bytes = random((int) S3RecordingStore.PART_BYTES + 1_234_567, 5);
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-4.webm";
        assertEquals(sha256(bytes), objects.put(key, new ByteArrayInputStream(bytes), bytes.length, sha256(bytes)).sha256());
        long middle = S3RecordingStore.PART_BYTES - 10;
        assertArrayEquals(Arrays.copyOfRange(bytes, (int) middle, (int) middle + 20), read(objects.open(key, middle, 20)),
                "a range across the part boundary");
        objects.delete(key);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aFailedUploadLeavesTheObjectVerifiedEarlierUnderItsKey(RecordingStore store) throws IOException {
        byte[] bytes = random(300_000, 6);
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-5.webm";
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, sha256(bytes));
        // A second upload of the same recording (a claim taken over after its lease) reads broken bytes.
        byte[] broken = Arrays.copyOf(bytes, bytes.length);
        broken[1000] ^= 1;
        assertThrows(IllegalStateException.class, () -> store.put(key, new ByteArrayInputStream(broken), broken.length, sha256(bytes)));
        assertArrayEquals(bytes, read(store.open(key, 0, bytes.length)), "the verified object is still there, unchanged");
        store.delete(key);
    }

    @Test
    void anObjectLargerThanOneCopyRequestReachesItsKeyInParts() throws IOException {
        S3RecordingStore small = new S3RecordingStore(s3.client(), "site-a", "recordings/", 1024 * 1024, 5L * 1024 * 1024, 1024 * 1024);
        byte[] bytes = random(12 * 1024 * 1024 + 5, 7);
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-6.webm";
        small.put(key, new ByteArrayInputStream(bytes), bytes.length, sha256(bytes));
        assertArrayEquals(bytes, read(small.open(key, 0, bytes.length)), "copied in three parts, whole");
        assertEquals(List.of(key), small.list(key.substring(0, key.lastIndexOf('/'))), "no partial upload listed or left");
        small.delete(key);
    }

    @Test
    void aDeletionNamesWhatItRemovedFromTheObjectsMetadataAndRemovesAPartialUpload() {
        byte[] bytes = random(100_000, 8);
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-7.webm";
        objects.put(key, new ByteArrayInputStream(bytes), bytes.length, sha256(bytes));
        try (var client = s3.client()) {
            // What the upload stored with the object is what the deletion reports (it does not download it again).
            assertEquals(sha256(bytes), client.headObject(request -> request.bucket("site-a").key("recordings/" + key)).metadata()
                    .get(S3RecordingStore.SHA256_METADATA));
            client.putObject(request -> request.bucket("site-a").key("recordings/" + key + ".partial"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
            assertEquals(Optional.of(new StoredObject(key, sha256(bytes), bytes.length)), objects.delete(key));
            assertEquals(0, client.listObjectsV2(request -> request.bucket("site-a").prefix("recordings/" + key)).keyCount(),
                    "neither the object nor an interrupted upload of it is left");
        }
    }

    @Test
    void aLiveMirrorsBacklogGoesInChunksOfBoundedSize() throws IOException {
        S3RecordingStore bounded = new S3RecordingStore(s3.client(), "site-a", "recordings/", 256 * 1024, 5L * 1024 * 1024, 1024 * 1024);
        byte[] bytes = random(3 * 1024 * 1024 + 512 * 1024, 9);
        Path growing = folder.resolve("backlog-" + System.nanoTime() + ".webm");
        Files.write(growing, bytes);
        String key = "acme/" + java.util.UUID.randomUUID() + "/p-8.webm";
        assertEquals(bytes.length, bounded.appendGrowing(key, growing, 0), "the whole backlog in one call");
        try (var client = s3.client()) {
            assertEquals(4, client.listObjectsV2(request -> request.bucket("site-a").prefix("recordings/" + key + ".growing/")).keyCount(),
                    "three chunks of 1 MiB and the rest");
        }
        assertArrayEquals(bytes, read(bounded.openGrowing(key).orElseThrow()));
        assertEquals(bytes.length, bounded.appendGrowing(key, growing, 1024 * 1024), "an unrecorded outcome: the chunks are the truth");
        assertEquals(bytes.length, bounded.appendGrowing(key, growing, bytes.length), "nothing new");
        bounded.delete(key);
    }

    @Test
    void keysThatCouldEscapeAFolderAreRefused() {
        RecordingStore store = new FileRecordingStore(folder.resolve("site"));
        for (String key : List.of("../etc/passwd", "acme/../../x", "/abs/room/file", "acme/room/..", "acme/room")) {
            assertThrows(IllegalArgumentException.class, () -> store.size(key), key);
        }
        assertFalse(Files.exists(folder.resolve("etc")));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.digest().digest(bytes));
    }
}
