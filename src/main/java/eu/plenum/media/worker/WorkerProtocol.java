package eu.plenum.media.worker;

import java.util.List;

/**
 * The control channel between the app's supervisor and a media worker: JSON over HTTP on
 * loopback, every request with the worker's bearer secret. One worker serves one room, once.
 */
public final class WorkerProtocol {

    /** The first line a worker prints on standard output once it listens. */
    public static final String READY_LINE = "PLENUM-MEDIA-WORKER-READY port=";
    /** Environment variable carrying the control secret, never a command-line argument (ps shows those). */
    public static final String SECRET_ENV = "PLENUM_WORKER_SECRET";

    private WorkerProtocol() {
    }

    public enum State { IDLE, LIVE, CLOSING }

    /**
     * A worker's state. {@code rolls} counts the files its publishers ended on their own (video that
     * came late starts a new file); when it grows, the supervisor catalogues {@code current} and
     * {@code rolled} (both idempotent by path).
     */
    public record Heartbeat(State state, String roomId, int publishers, boolean recording, String fault,
            int rolls, List<File> current, List<File> rolled, int failures, List<FailedPublisher> failed) {
    }

    /**
     * A publisher the worker ended because of a media error in its own elements ({@code reason}),
     * with the files it had been writing; the room goes on. {@code failures} in the heartbeat counts
     * them, so the supervisor acts once per new failure.
     */
    public record FailedPublisher(String publisherId, String reason, List<File> files) {
    }

    /** Binds the worker to a room; files go to {@code directory}. */
    public record Assign(String roomId, String directory, List<String> iceAddresses, boolean recording) {
    }

    public record Publish(String sdp, boolean video, boolean audio, boolean matroska) {
    }

    /** A recording file; {@code empty}: it ended before any media arrived and was removed. */
    public record File(String publisherId, int segment, String path, String container, boolean finalised, boolean empty) {
    }

    public record Answer(String sdp, List<File> recording) {
    }

    public record Files(List<File> files) {
    }

    public record Failure(String message) {
    }

    /**
     * Makes an idle worker the HLS transcoder of a room (instead of its ingest worker): segments and
     * playlists go to {@code directory}, the room's live folder; its UDP inputs bind {@code bindAddress}.
     */
    public record Transcode(String roomId, String directory, String bindAddress, int width, int height, int framerate,
            int videoKbps, int audioInputs, int window) {
    }

    /** The ports a transcoder listens on: one per video encoding (VP8, VP9, H264), and one per audio input of the mix. */
    public record TranscodePorts(java.util.Map<String, Integer> video, List<Integer> audio, int generation) {
    }
}
