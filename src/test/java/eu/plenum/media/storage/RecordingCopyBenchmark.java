package eu.plenum.media.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.testsupport.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the copy to the backup site, store to store as the copy job makes it (read from site A's
 * store, written to site B's, which reads the object back to recompute its SHA-256): between two s3proxy
 * processes (two sites' object stores on one machine), and between two folders for comparison. Prints
 * figures for docs/benchmarks.md; {@code -Pbench} only.
 */
class RecordingCopyBenchmark {

    private static final int MIB = 1024 * 1024;
    private static final int OBJECT_MIB = Integer.getInteger("plenum.bench.object-mib", 256);
    private static final int RUNS = 3;

    @TempDir
    Path folder;

    @Test
    void objectStoreToObjectStore() throws IOException {
        Path file = recording(folder.resolve("recording.webm"));
        String sha256 = sha256(file);
        try (S3Server siteA = S3Server.start("bench-a"); S3Server siteB = S3Server.start("bench-b")) {
            siteA.createBucket("bench-site-a");
            siteB.createBucket("bench-site-b");
            RecordingStore a = new S3RecordingStore(siteA.client(), "bench-site-a", "", 1024 * 1024);
            RecordingStore b = new S3RecordingStore(siteB.client(), "bench-site-b", "", 1024 * 1024);
            String key = "bench/room/recording.webm";
            long upload = System.nanoTime();
            a.put(key, Files.newInputStream(file), Files.size(file), sha256);
            print("upload into site A (spool file → object store, verified)", System.nanoTime() - upload);
            measure("site A object store → site B object store", a, b, key, sha256);
        }
    }

    @Test
    void folderToFolder() throws IOException {
        Path file = recording(folder.resolve("a/bench/room/recording.webm"));
        measure("folder → folder", new FileRecordingStore(folder.resolve("a")), new FileRecordingStore(folder.resolve("b")),
                "bench/room/recording.webm", sha256(file));
    }

    private static void measure(String what, RecordingStore from, RecordingStore to, String key, String sha256) {
        List<Long> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long size = from.size(key).orElseThrow();
            long started = System.nanoTime();
            try (InputStream in = from.open(key, 0, size)) {
                assertEquals(sha256, to.put(key, in, size, sha256).sha256());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            runs.add(System.nanoTime() - started);
            to.delete(key);
        }
        runs.forEach(nanos -> print(what, nanos));
    }

    private static void print(String what, long nanos) {
        System.out.printf("RecordingCopyBenchmark %s: %d MiB in %.2f s = %.1f MiB/s%n", what, OBJECT_MIB, nanos / 1e9,
                OBJECT_MIB / (nanos / 1e9));
    }

    private static Path recording(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] chunk = new byte[MIB];
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < OBJECT_MIB; i++) {
                random.nextBytes(chunk); // incompressible, like encoded video
                out.write(chunk);
            }
        }
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), Sha256.digest())) {
            Files.copy(file, out);
            return HexFormat.of().formatHex(out.getMessageDigest().digest());
        }
    }
}
