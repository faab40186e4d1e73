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
            int rolls, List<File> current, List<File> rolled, int failures, List<FailedPublisher> failed,
            List<Track> tracks, List<String> viewers, java.util.Map<String, Integer> keyFrameWants) {
    }

    /**
     * A published track the room worker can forward; {@code encoding} VP8, VP9, H264 or OPUS; {@code ssrc}
     * the forwarded stream's, which viewers' answers announce (browsers demultiplex by it). A viewer
     * worker reports the tracks it receives; {@code keyFrameWants} in its heartbeat counts, per
     * publisher, the key frames its viewers asked for (the supervisor relays growth, the room worker
     * answers at most one a second per track).
     */
    public record Track(String publisherId, String kind, String encoding, long ssrc) {
    }

    /** Where a consumer receives one forwarded track: UDP on the consumer's host. */
    public record ForwardTrack(String publisherId, String kind, int port) {
    }

    /** The tracks the room worker sends to one consumer (replaces that consumer's earlier set). */
    public record Forward(String host, List<ForwardTrack> tracks) {
    }

    /** Makes a fresh worker the viewer worker of a room, receiving {@code tracks} from the room worker. */
    public record Viewing(String roomId, List<String> iceAddresses, List<Track> tracks, int maxViewers) {
    }

    /** The ports a consumer bound for the tracks it was given. */
    public record Ports(List<ForwardTrack> tracks) {
    }

    /** A WHEP viewer's SDP offer, and the answer with candidates. */
    public record ViewerOffer(String sdp) {
    }

    public record ViewerAnswer(String sdp) {
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
