package eu.plenum.media.worker;

import eu.plenum.media.pipeline.HlsTranscoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A worker's HLS job: the transcoder of one room and the playlists written from its segments. A
 * transcoder that stops producing segments counts as broken (its heartbeat says so) and is replaced.
 */
final class HlsJob {

    private static final Duration REFRESH = Duration.ofMillis(200);
    /** Segments are about a second long; this long without one means the pipeline is stuck. */
    private static final Duration STALL = Duration.ofSeconds(10);

    private final HlsTranscoder transcoder;
    private final HlsPlaylists playlists;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hls-playlists");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastSegment = Instant.now();
    private volatile String failure;

    HlsJob(WorkerProtocol.Transcode job) {
        Path directory = Path.of(job.directory());
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create the room's live folder: " + e.getMessage(), e);
        }
        playlists = new HlsPlaylists(directory, job.window());
        transcoder = new HlsTranscoder(job.roomId(), new HlsTranscoder.Settings(job.bindAddress(), job.width(), job.height(),
                job.framerate(), job.videoKbps(), job.audioInputs(), playlists.segmentPattern(), playlists.sinkPlaylist()));
        writer.scheduleWithFixedDelay(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    WorkerProtocol.TranscodePorts ports() {
        return new WorkerProtocol.TranscodePorts(transcoder.videoPorts(), transcoder.audioPorts(), playlists.generation());
    }

    /** Why this transcoder must be replaced, if it must. */
    Optional<String> fault() {
        if (failure != null) {
            return Optional.of(failure);
        }
        return transcoder.fault().or(() -> Duration.between(lastSegment, Instant.now()).compareTo(STALL) > 0
                ? Optional.of("no HLS segment for " + STALL.toSeconds() + " s") : Optional.empty());
    }

    void close() {
        writer.shutdownNow();
        transcoder.close();
    }

    private void refresh() {
        try {
            if (playlists.refresh()) {
                lastSegment = Instant.now();
            }
        } catch (RuntimeException e) {
            failure = "cannot write the playlists: " + e.getMessage();
        }
    }
}
