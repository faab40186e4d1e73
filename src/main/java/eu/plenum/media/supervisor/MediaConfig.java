package eu.plenum.media.supervisor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code plenum.media.*}: the warm pool of media workers this app node supervises. */
@ConfigMapping(prefix = "plenum.media")
public interface MediaConfig {

    /** Idle, pre-started workers kept ready so that going live does not wait for a process to start. */
    @WithDefault("2")
    int poolSize();

    /** How often the supervisor asks each worker for a heartbeat. */
    @WithDefault("200ms")
    Duration heartbeatInterval();

    /** A worker silent for this long is declared dead (and killed): with the interval, detection stays under 2 s. */
    @WithDefault("1200ms")
    Duration heartbeatTimeout();

    /** How long a go-live waits for a worker when the pool is empty. */
    @WithDefault("60s")
    Duration goLiveTimeout();

    /** How long a new worker may take to initialise GStreamer and listen. */
    @WithDefault("30s")
    Duration workerStartTimeout();

    /** JVM options of worker processes; their media lives in native memory, so the heap stays small. */
    @WithDefault("-Xmx96m,-XX:+UseSerialGC,-XX:TieredStopAtLevel=1,-Xss512k")
    List<String> workerJvmOptions();

    /** How often each app node looks for finished recordings to copy to the backup site (RecordingReplicator). */
    @WithDefault("2s")
    Duration copyEvery();

    /**
     * Local addresses ICE gathers candidates on (the media interface of this node). Empty: every
     * interface libnice finds. Tests set 127.0.0.1, the only interface of their network namespace.
     */
    Optional<List<String>> iceAddresses();
}
