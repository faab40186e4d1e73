package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Live test media as plain RTP over UDP to 127.0.0.1, from gst-launch-1.0 processes: what a room
 * worker's forwards look like to their consumer (VP8 pt 96, Opus pt 111, see CONTRACTS.md).
 */
public final class RtpSenders implements AutoCloseable {

    private final Process process;

    private RtpSenders(List<String> pipeline) {
        List<String> command = new java.util.ArrayList<>(List.of("gst-launch-1.0", "-q"));
        command.addAll(pipeline);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProjectPaths.target("rtp-senders.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("gst-launch-1.0 is missing: run .ci/install", e);
        }
    }

    /** A moving test pattern (SMPTE bars and a ball), VP8, {@code width}x{@code height} at 30 fps. */
    public static RtpSenders vp8(int port, int width, int height) {
        return new RtpSenders(List.of("videotestsrc", "is-live=true", "pattern=smpte", "!",
                "video/x-raw,width=" + width + ",height=" + height + ",framerate=30/1", "!",
                "vp8enc", "deadline=1", "keyframe-max-dist=60", "target-bitrate=1500000", "!",
                "rtpvp8pay", "pt=96", "mtu=1200", "!", "udpsink", "host=127.0.0.1", "port=" + port));
    }

    /** A tone, Opus 48 kHz stereo. */
    public static RtpSenders opus(int port) {
        return new RtpSenders(List.of("audiotestsrc", "is-live=true", "wave=sine", "!", "audio/x-raw,rate=48000,channels=2", "!",
                "opusenc", "!", "rtpopuspay", "pt=111", "!", "udpsink", "host=127.0.0.1", "port=" + port));
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ProcessTrees.stop(process);
    }
}
