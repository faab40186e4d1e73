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
 * address to gather on, asking a sender for a key frame, tuning the RTP session's RTCP interval,
 * and asking a pad whether EOS went through.
 */
final class GstNative {

    private interface GObjectLibrary extends Library {
        GObjectLibrary INSTANCE = Native.load("gobject-2.0", GObjectLibrary.class);

        void g_object_get(Pointer object, String property, Object... valueAndTerminator);

        void g_signal_emit_by_name(Pointer instance, String signal, Object... argumentsAndReturn);

        void g_object_unref(Pointer object);

        void g_object_set(Pointer object, String property, Object... valueAndTerminator);
    }

    private interface GstLibrary extends Library {
        GstLibrary INSTANCE = Native.load("gstreamer-1.0", GstLibrary.class);

        Pointer gst_bin_get_by_name(Pointer bin, String name);

        void gst_object_unref(Pointer object);

        Pointer gst_pad_get_sticky_event(Pointer pad, int type, int index);

        int gst_element_send_event(Pointer element, Pointer event);

        void gst_mini_object_unref(Pointer miniObject);
    }

    private interface GstVideoLibrary extends Library {
        GstVideoLibrary INSTANCE = Native.load("gstvideo-1.0", GstVideoLibrary.class);

        Pointer gst_video_event_new_upstream_force_key_unit(long runningTime, int allHeaders, int count);

        boolean gst_video_event_is_force_key_unit(Pointer event);
    }

    /** GST_CLOCK_TIME_NONE: "as soon as possible" for a force-key-unit request. */
    private static final long CLOCK_TIME_NONE = -1L;

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
     * Asks the publisher for a key frame of a video track, so that a new recording file starts
     * decodable: the standard upstream force-key-unit event, sent from the track's depayloader. On
     * its way up rtpptdemux and rtpssrcdemux add the payload type and SSRC, and the RTP session
     * turns it into an RTCP PLI (the browser's own statistics count it: {@code pliCount}). The
     * same event handed directly to the session's pad was never answered — measured with those
     * statistics — so only this way is used.
     */
    /** Whether an event (seen by a pad probe, borrowed) is a force-key-unit request, i.e. a viewer's PLI or FIR. */
    static boolean isForceKeyUnit(org.freedesktop.gstreamer.event.Event event) {
        return event != null && GstVideoLibrary.INSTANCE.gst_video_event_is_force_key_unit(Natives.getRawPointer(event));
    }

    /** webrtcbin's {@code connection-state} (GstWebRTCPeerConnectionState: 0 new, 1 connecting, 2 connected, 3 disconnected, 4 failed, 5 closed). */
    static int connectionState(Element webrtcbin) {
        IntByReference state = new IntByReference();
        GObjectLibrary.INSTANCE.g_object_get(Natives.getRawPointer(webrtcbin), "connection-state", state, Pointer.NULL);
        return state.getValue();
    }

    static void requestKeyFrame(Element depayloader) {
        Pointer event = GstVideoLibrary.INSTANCE.gst_video_event_new_upstream_force_key_unit(CLOCK_TIME_NONE, 0, 0);
        GstLibrary.INSTANCE.gst_element_send_event(Natives.getRawPointer(depayloader), event);
    }

    /**
     * Sets the RTP session's minimum interval between regular RTCP packets (default 5 s). A PLI is
     * sent as early feedback, but only one early packet is allowed until the next regular one: with
     * the default a second request could wait seconds, and the new file with it.
     */
    static void shortenRtcpInterval(Element webrtcbin, java.time.Duration interval) {
        withRtpSession(webrtcbin, session ->
                GObjectLibrary.INSTANCE.g_object_set(session, "rtcp-min-interval", interval.toNanos(), Pointer.NULL));
    }

    /** Runs {@code use} with session 0 of webrtcbin's rtpbin (references we own, released afterwards); nothing before negotiation. */
    private static void withRtpSession(Element webrtcbin, java.util.function.Consumer<Pointer> use) {
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
                use.accept(session.getValue());
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
