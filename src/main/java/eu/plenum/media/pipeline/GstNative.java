package eu.plenum.media.pipeline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.glib.Natives;

/**
 * The native calls gst1-java-core has no Java type for: telling webrtcbin's ICE agent which local
 * address to gather on, asking a sender for a key frame, and asking a pad whether EOS went through.
 */
final class GstNative {

    /** GST_EVENT_CUSTOM_UPSTREAM: type 256, flag UPSTREAM (gstevent.h). */
    private static final int CUSTOM_UPSTREAM = (256 << 8) | 1;

    private interface GObjectLibrary extends Library {
        GObjectLibrary INSTANCE = Native.load("gobject-2.0", GObjectLibrary.class);

        void g_object_get(Pointer object, String property, Object... valueAndTerminator);

        void g_signal_emit_by_name(Pointer instance, String signal, Object... argumentsAndReturn);

        void g_object_unref(Pointer object);

        void g_object_set(Pointer object, String property, Object... valueAndTerminator);
    }

    private interface GstLibrary extends Library {
        GstLibrary INSTANCE = Native.load("gstreamer-1.0", GstLibrary.class);

        Pointer gst_structure_new_from_string(String text);

        Pointer gst_event_new_custom(int type, Pointer structure);

        int gst_pad_send_event(Pointer pad, Pointer event);

        Pointer gst_bin_get_by_name(Pointer bin, String name);

        Pointer gst_element_get_static_pad(Pointer element, String name);

        void gst_object_unref(Pointer object);

        Pointer gst_pad_get_sticky_event(Pointer pad, int type, int index);

        void gst_mini_object_unref(Pointer miniObject);
    }

    private GstNative() {
    }

    /**
     * Media arrives over UDP only: without ICE-TCP candidates gathering completes sooner and the
     * answer carries only candidates a browser will use.
     */
    static void gatherUdpOnly(Element webrtcbin) {
        withIceAgent(webrtcbin, agent -> GObjectLibrary.INSTANCE.g_object_set(agent, "ice-tcp", 0, Pointer.NULL));
    }

    /**
     * Restricts ICE gathering of a webrtcbin to the given address (libnice's add-local-ip-address).
     * Must run before the local description is set.
     */
    static void gatherOnlyOn(Element webrtcbin, String address) {
        withIceAgent(webrtcbin, agent -> {
            IntByReference added = new IntByReference();
            GObjectLibrary.INSTANCE.g_signal_emit_by_name(agent, "add-local-ip-address", address, added);
            if (added.getValue() == 0) {
                throw new MediaPipelineException("ICE agent refused local address " + address);
            }
        });
    }

    /** Runs {@code use} with webrtcbin's ICE agent (a reference we own, released afterwards). */
    private static void withIceAgent(Element webrtcbin, java.util.function.Consumer<Pointer> use) {
        PointerByReference agent = new PointerByReference();
        GObjectLibrary.INSTANCE.g_object_get(Natives.getRawPointer(webrtcbin), "ice-agent", agent, Pointer.NULL);
        if (agent.getValue() == null) {
            throw new MediaPipelineException("webrtcbin has no ICE agent");
        }
        try {
            use.accept(agent.getValue());
        } finally {
            GObjectLibrary.INSTANCE.g_object_unref(agent.getValue());
        }
    }

    /**
     * Asks the publisher for a key frame of the stream with the given SSRC and payload type (both
     * required by the RTP session), so that a new recording
     * file starts decodable: a force-key-unit event handed straight to webrtcbin's RTP session,
     * which sends an RTCP PLI. {@code all-headers=false} asks for a PLI: a FIR (all-headers=true)
     * went unanswered by Chromium. The session also passes the event on upstream, where nobody
     * takes it, so the send result says nothing and is not reported.
     */
    static void requestKeyFrame(Element webrtcbin, long ssrc, int payloadType) {
        Pointer rtpbin = GstLibrary.INSTANCE.gst_bin_get_by_name(Natives.getRawPointer(webrtcbin), "rtpbin");
        if (rtpbin == null) {
            return;
        }
        try {
            PointerByReference session = new PointerByReference();
            GObjectLibrary.INSTANCE.g_signal_emit_by_name(rtpbin, "get-session", 0, session);
            if (session.getValue() == null) {
                return;
            }
            try {
                Pointer pad = GstLibrary.INSTANCE.gst_element_get_static_pad(session.getValue(), "recv_rtp_src");
                if (pad == null) {
                    return;
                }
                try {
                    Pointer structure = GstLibrary.INSTANCE.gst_structure_new_from_string(
                            "GstForceKeyUnit, all-headers=(boolean)false, ssrc=(uint)" + ssrc + ", payload=(uint)" + payloadType);
                    GstLibrary.INSTANCE.gst_pad_send_event(pad, GstLibrary.INSTANCE.gst_event_new_custom(CUSTOM_UPSTREAM, structure));
                } finally {
                    GstLibrary.INSTANCE.gst_object_unref(pad);
                }
            } finally {
                GstLibrary.INSTANCE.gst_object_unref(session.getValue());
            }
        } finally {
            GstLibrary.INSTANCE.gst_object_unref(rtpbin);
        }
    }

    /**
     * Whether EOS reached this sink pad: EOS is sticky, so it stays on the pad once the element has
     * handled it. Read from GStreamer's own state, not from a Java probe callback, whose lifetime
     * gst1-java-core ties to the Java wrapper of the pad (an end-of-file probe was lost that way).
     */
    static boolean reachedEndOfStream(org.freedesktop.gstreamer.Pad pad) {
        Pointer event = GstLibrary.INSTANCE.gst_pad_get_sticky_event(Natives.getRawPointer(pad),
                org.freedesktop.gstreamer.event.EventType.EOS.intValue(), 0);
        if (event == null) {
            return false;
        }
        GstLibrary.INSTANCE.gst_mini_object_unref(event);
        return true;
    }
}
