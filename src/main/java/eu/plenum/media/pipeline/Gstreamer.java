package eu.plenum.media.pipeline;

import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;

/** Initialises GStreamer once per process and says plainly what is missing when it cannot. */
public final class Gstreamer {

    /** The elements a worker needs; their absence is reported by name. */
    private static final String[] REQUIRED = {"webrtcbin", "rtpvp8depay", "rtpvp9depay", "rtph264depay",
        "h264parse", "rtpopusdepay", "opusparse", "webmmux", "matroskamux", "tee", "queue", "filesink"};

    private static boolean initialised;

    private Gstreamer() {
    }

    public static synchronized void init() {
        if (initialised) {
            return;
        }
        try {
            Gst.init(Version.of(1, 16), "plenum-media-worker");
        } catch (Throwable e) {
            throw new MediaPipelineException("GStreamer 1.16 or later is not installed (libgstreamer1.0-0): " + e.getMessage(), e);
        }
        for (String element : REQUIRED) {
            if (!available(element)) {
                throw new MediaPipelineException("GStreamer element '" + element + "' is missing; install the packages in "
                        + "deploy/debian-packages.txt (gstreamer1.0-plugins-good, -bad, gstreamer1.0-nice)");
            }
        }
        prepareDtlsCertificate();
        initialised = true;
    }

    /**
     * GStreamer's DTLS elements generate one certificate per process, when the first of them is
     * made; that takes a few hundred milliseconds. A pooled worker pays it before it is needed, so
     * that the first publisher's negotiation does not.
     */
    private static void prepareDtlsCertificate() {
        org.freedesktop.gstreamer.Element warmUp = ElementFactory.make("dtlsdec", null);
        warmUp.dispose();
    }

    private static boolean available(String element) {
        try {
            return ElementFactory.find(element) != null;
        } catch (IllegalArgumentException missing) {
            return false;
        }
    }
}
