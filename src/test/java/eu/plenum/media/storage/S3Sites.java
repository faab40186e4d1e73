package eu.plenum.media.storage;

import eu.plenum.testsupport.S3Server;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Two sites' object stores for a {@code @QuarkusTest}: site A (Warsaw, the home of the sample tenant Globex)
 * and site B (Strasbourg, Warsaw's backup), each its own s3proxy process with its own credentials, and the
 * Warsaw recording storage places pointed at their buckets.
 */
public class S3Sites implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET_A = "site-a-recordings";
    static final String PREFIX_A = "plenum/";
    static final String BUCKET_B = "site-b-recordings";
    private static volatile S3Server siteA;
    private static volatile S3Server siteB;

    static S3Server siteA() {
        return siteA;
    }

    static S3Server siteB() {
        return siteB;
    }

    @Override
    public Map<String, String> start() {
        CompletableFuture<S3Server> a = CompletableFuture.supplyAsync(() -> S3Server.start("site-a"));
        CompletableFuture<S3Server> b = CompletableFuture.supplyAsync(() -> S3Server.start("site-b"));
        siteA = a.join();
        siteB = b.join();
        siteA.createBucket(BUCKET_A);
        siteB.createBucket(BUCKET_B);
        Map<String, String> config = new HashMap<>();
        config.put("plenum.residency.places.recordings-waw.target", "s3://" + BUCKET_A + "/" + PREFIX_A);
        config.put("plenum.residency.places.recordings-waw-backup.target", "s3://" + BUCKET_B);
        access(config, "recordings-waw", siteA);
        access(config, "recordings-waw-backup", siteB);
        config.put("plenum.recording-storage.spool", "target/test-storage/spool");
        config.put("plenum.recording-storage.live-chunk-bytes", "65536"); // a fake camera's few hundred kbit/s fill it in about a second
        return config;
    }

    private static void access(Map<String, String> config, String place, S3Server server) {
        String prefix = "plenum.recording-storage.s3." + place + ".";
        config.put(prefix + "endpoint", server.endpoint().toString());
        config.put(prefix + "path-style", "true");
        config.put(prefix + "access-key-id", server.accessKey());
        config.put(prefix + "secret-access-key", server.secretKey());
    }

    @Override
    public void stop() {
        if (siteA != null) {
            siteA.close();
        }
        if (siteB != null) {
            siteB.close();
        }
    }
}
