package eu.plenum.media.pipeline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.glib.Natives;

/**
 * The two native calls gst1-java-core has no Java type for: telling webrtcbin's ICE agent which
 * local address to gather on, and asking a sender for a key frame.
 */
final class GstNative {

    /** GST_EVENT_CUSTOM_UPSTREAM: type 256, flag UPSTREAM (gstevent.h). */
    private static final int CUSTOM_UPSTREAM = (256 << 8) | 1;

    private interface GObjectLibrary extends Library {
        GObjectLibrary INSTANCE = Native.load("gobject-2.0", GObjectLibrary.class);

        void g_object_get(Pointer object, String property, Object... valueAndTerminator);

        void g_signal_emit_by_name(Pointer instance, String signal, Object... argumentsAndReturn);

        void g_object_unref(Pointer object);
    }

    private interface GstLibrary extends Library {
        GstLibrary INSTANCE = Native.load("gstreamer-1.0", GstLibrary.class);

        Pointer gst_structure_new_from_string(String text);

        Pointer gst_event_new_custom(int type, Pointer structure);

        int gst_pad_send_event(Pointer pad, Pointer event);
    }

    private GstNative() {
    }

    /**
     * Restricts ICE gathering of a webrtcbin to the given address (libnice's add-local-ip-address).
     * Must run before the local description is set.
     */
    static void gatherOnlyOn(Element webrtcbin, String address) {
        PointerByReference agent = new PointerByReference();
        GObjectLibrary.INSTANCE.g_object_get(Natives.getRawPointer(webrtcbin), "ice-agent", agent, Pointer.NULL);
        if (agent.getValue() == null) {
            throw new MediaPipelineException("webrtcbin has no ICE agent");
        }
        try {
            IntByReference added = new IntByReference();
            GObjectLibrary.INSTANCE.g_signal_emit_by_name(agent.getValue(), "add-local-ip-address", address, added);
            if (added.getValue() == 0) {
                throw new MediaPipelineException("ICE agent refused local address " + address);
            }
        } finally {
            GObjectLibrary.INSTANCE.g_object_unref(agent.getValue());
        }
    }

    /**
     * Sends a force-key-unit request upstream from a depayloader's source pad; the RTP session
     * turns it into an RTCP PLI to the publisher, so a new recording file starts with a key frame.
     */
    static boolean requestKeyFrame(Pad depayloaderSource) {
        Pointer structure = GstLibrary.INSTANCE.gst_structure_new_from_string("GstForceKeyUnit, all-headers=(boolean)true");
        Pointer event = GstLibrary.INSTANCE.gst_event_new_custom(CUSTOM_UPSTREAM, structure);
        return GstLibrary.INSTANCE.gst_pad_send_event(Natives.getRawPointer(depayloaderSource), event) != 0;
    }
}
