package eu.plenum.media.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plenum.recording-storage.*}: how recording storage places whose target is {@code s3://bucket[/prefix]}
 * reach their object store, and where a node keeps the files it is recording until they are uploaded.
 * A place whose target is a folder needs nothing here.
 */
@ConfigMapping(prefix = "plenum.recording-storage")
public interface RecordingStorageConfig {

    /**
     * The site's file mirror of recordings still being written when the home storage is an object store:
     * the worker writes here ({@code <spool>/<place>/<tenant>/<room>/<file>}); the finished file is
     * uploaded, verified, then removed from here.
     */
    @WithDefault(".plenum/recording-spool")
    String spool();

    /**
     * An object store's live mirror of a recording still being written gets a chunk object once the file
     * gained this many bytes (fewer, larger objects; the backup lags by about this much: ~4 s at 2 Mbit/s).
     */
    @WithDefault("1048576")
    long liveChunkBytes();

    /** Object store access per place name (the key under {@code plenum.residency.places}). */
    Map<String, ObjectStore> s3();

    /** How one place's bucket is reached. */
    interface ObjectStore {

        /** The S3 API endpoint, e.g. {@code https://s3.fra.example.eu}; empty: AWS's endpoint for {@link #signingRegion()}. */
        Optional<URI> endpoint();

        /** The region the requests are signed for (S3-compatible stores mostly accept any). */
        @WithDefault("eu-central-1")
        String signingRegion();

        /**
         * {@code true}: {@code https://endpoint/bucket/key} (most self-hosted stores: Ceph RGW, MinIO, s3proxy);
         * {@code false}: virtual-host style {@code https://bucket.endpoint/key} (AWS and most providers).
         */
        @WithDefault("false")
        boolean pathStyle();

        /** Access key id; a secret like the secret key: set it from the environment or a secret store, never in a committed file. */
        Optional<String> accessKeyId();

        /** Secret access key; production refuses to start with an object store place that lacks it. */
        Optional<String> secretAccessKey();

        /** How long to wait for a connection: a site that is gone is found out in seconds, not minutes. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** How long a read may wait for the next bytes before the attempt is given up (and retried). */
        @WithDefault("30s")
        Duration readTimeout();
    }
}
