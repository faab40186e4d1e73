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

    /**
     * A worker that leaves a heartbeat request unanswered for this long is declared dead (and
     * killed): detection within about 2 s, with room for a worker busy negotiating on a loaded node.
     */
    @WithDefault("2s")
    Duration heartbeatTimeout();

    /**
     * Most worker processes this node runs at once, every kind and phase counted (idle, starting,
     * serving a room, closing): beyond it a go-live gets 503 and the pool stops refilling.
     */
    @WithDefault("16")
    int maxWorkers();

    /** Most rooms one tenant may have live on this node at once; beyond it a go-live gets 429. */
    @WithDefault("8")
    int maxRoomsPerTenant();

    /** Failed worker starts in a row after which the node counts as unable to start workers and backs off. */
    @WithDefault("3")
    int failedStartsBeforeBackoff();

    /** First wait before the pool tries again after failed starts; it doubles after each further failure. */
    @WithDefault("2s")
    Duration startRetryFirst();

    /** Longest wait between attempts to start a worker after failures: the pool never gives up. */
    @WithDefault("60s")
    Duration startRetryMax();

    /** How long a go-live waits for a worker when the pool is empty. */
    @WithDefault("60s")
    Duration goLiveTimeout();

    /** How long a new worker may take to initialise GStreamer and listen. */
    @WithDefault("30s")
    Duration workerStartTimeout();

    /** JVM options of worker processes; their media lives in native memory, so the heap stays small. */
    @WithDefault("-Xmx96m,-XX:+UseSerialGC,-XX:TieredStopAtLevel=1,-Xss512k")
    List<String> workerJvmOptions();

    /**
     * User ids media workers run under, one per live worker ({@code first-last}), where the app may switch
     * users (root, or CAP_SETUID, CAP_SETGID and CAP_SYS_ADMIN): a worker then cannot read the app's
     * configuration, environment or other rooms' recordings. Ids that name an account or group of the
     * machine are skipped; {@code off} runs workers as the app's user.
     */
    @WithDefault("64000-64999")
    String workerUids();

    /** How often each app node looks for finished recordings to copy to the backup site (RecordingReplicator). */
    @WithDefault("2s")
    Duration copyEvery();

    /**
     * How long a node holds its claim on a recording copy; a copy whose node died is taken over by
     * another node after it. Longer than the slowest copy of the largest recording.
     */
    @WithDefault("15m")
    Duration copyLease();

    /**
     * Local addresses ICE gathers candidates on (the media interface of this node). Empty: every
     * interface libnice finds. Tests set 127.0.0.1, the only interface of their network namespace.
     */
    Optional<List<String>> iceAddresses();

    /** WHEP viewers one viewer worker process serves; beyond it the supervisor starts another. */
    @WithDefault("50")
    int viewersPerWorker();

    /** WebRTC viewers a room takes in all (its WebRTC capacity); beyond it viewers get 503 and the page plays HLS. */
    @WithDefault("500")
    int maxViewersPerRoom();

    /** A viewer worker without viewers this long is closed. */
    @WithDefault("30s")
    Duration viewerWorkerIdle();

    /** WHEP viewers one holder (an attendee session) may have at once; a new one beyond ends the oldest (a reconnecting page). */
    @WithDefault("2")
    int viewersPerHolder();

    /**
     * Worker processes of every kind (ingest, viewers, transcoders) one organisation may hold on a node:
     * beyond it its go-live answers 429 and its new viewers 503 (they play HLS).
     */
    @WithDefault("12")
    int maxWorkersPerTenant();

    /**
     * Live HLS requests per client address, refilled over the period: a player asks about twice a second
     * (playlist and segment), an office NAT holds many players; beyond it 429 (an edge or CDN in front
     * asks once per file).
     */
    @io.smallrye.config.WithName("hls-per-source")
    SourceLimit hlsPerSource();

    /** A token bucket per client address. */
    interface SourceLimit {
        @WithDefault("6000")
        int requests();

        @WithDefault("1m")
        Duration period();
    }

    /** How often each app node writes its viewer counts per room ({@code room_audience}) for the studio's audience card. */
    @WithDefault("3s")
    Duration audienceReportEvery();

    /**
     * How long a page's renewal of its signed HLS URL (with its random page id) counts it as an HLS viewer:
     * about two of the player's 40 s renewal periods, so one late renewal does not drop a viewer.
     */
    @WithDefault("90s")
    Duration hlsViewerWindow();
}
