package eu.plenum.media.pipeline;

import java.time.Duration;
import java.time.Instant;
import org.freedesktop.gstreamer.Promise;
import org.freedesktop.gstreamer.PromiseResult;
import org.freedesktop.gstreamer.SDPMessage;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;
import org.freedesktop.gstreamer.webrtc.WebRTCICEGatheringState;
import org.freedesktop.gstreamer.webrtc.WebRTCSDPType;
import org.freedesktop.gstreamer.webrtc.WebRTCSessionDescription;

/**
 * Offer in, complete answer out (non-trickle WHIP), on the caller's thread. Every step keeps to
 * the gst1-java-core 1.4.0 lifetime rules of MEDIA.md; the numbers below refer to its traps.
 */
final class WebRtcNegotiation {

    private WebRtcNegotiation() {
    }

    /**
     * Sets the offer, creates and sets the answer, waits for ICE gathering and returns the answer
     * SDP with candidates. Without STUN or TURN servers every candidate is a host candidate, found
     * at once; libnice still reports gathering complete only ~200 ms later, so the answer goes out
     * as soon as candidates stop arriving ({@code candidatesSoFar} unchanged for 20 ms).
     */
    static String answer(WebRTCBin webrtc, String offerSdp, Duration gatheringTimeout, java.util.function.IntSupplier candidatesSoFar) {
        SDPMessage offerMessage = new SDPMessage();
        offerMessage.parseBuffer(offerSdp);
        WebRTCSessionDescription offer = new WebRTCSessionDescription(WebRTCSDPType.OFFER, offerMessage);
        offerMessage.disown(); // trap 2: the description owns the native SDP from here on
        try {
            awaitDescription(webrtc, "set-remote-description", offer);
        } finally {
            offer.dispose(); // webrtcbin copied it; the promise was answered, so it is no longer read
        }
        createAndSetAnswer(webrtc);
        boolean complete = awaitGatheringComplete(webrtc, gatheringTimeout, candidatesSoFar);
        // getLocalDescription() disowns the copy it returns (a few bytes left to the process, which
        // is short-lived); getSDPMessage() returns an owned copy that we release at once.
        SDPMessage answer = webrtc.getLocalDescription().getSDPMessage();
        try {
            String sdp = answer.toString();
            // Gathering that has not said COMPLETE by the deadline still counts if it found a candidate.
            if (!complete && !sdp.contains("a=candidate:")) {
                throw new MediaPipelineException("ICE gathering found no candidate within " + gatheringTimeout.toMillis() + " ms");
            }
            return sdp;
        } finally {
            answer.dispose();
        }
    }

    private static void createAndSetAnswer(WebRTCBin webrtc) {
        // trap 3: our own promise, referenced until it is answered, instead of the library's createAnswer.
        Promise promise = new Promise();
        try {
            webrtc.emit("create-answer", null, promise);
            requireReplied(promise.waitResult(), "create-answer");
            Structure reply = promise.getReply();
            if (reply == null) {
                throw new MediaPipelineException("create-answer gave no answer");
            }
            try {
                Object value = reply.hasField("answer") ? reply.getValue("answer") : null;
                if (!(value instanceof WebRTCSessionDescription answer)) {
                    throw new MediaPipelineException("create-answer failed: " + reply);
                }
                try {
                    // trap 1: the answer belongs to the promise; set it while the promise is alive.
                    awaitDescription(webrtc, "set-local-description", answer);
                } finally {
                    answer.invalidate(); // trap 4: borrowed from the reply, never ours to free
                }
            } finally {
                reply.invalidate(); // owned by the promise
            }
        } finally {
            promise.dispose();
        }
    }

    private static void awaitDescription(WebRTCBin webrtc, String signal, WebRTCSessionDescription description) {
        Promise promise = new Promise();
        try {
            webrtc.emit(signal, description, promise);
            // A successful set-*-description replies with no structure, and gst1-java-core's getReply()
            // cannot return null (it throws): a refused description shows up in create-answer instead.
            requireReplied(promise.waitResult(), signal);
        } finally {
            promise.dispose();
        }
    }

    private static void requireReplied(PromiseResult result, String step) {
        if (result != PromiseResult.REPLIED) {
            throw new MediaPipelineException(step + " ended " + result);
        }
    }

    private static boolean awaitGatheringComplete(WebRTCBin webrtc, Duration timeout, java.util.function.IntSupplier candidatesSoFar) {
        Instant deadline = Instant.now().plus(timeout);
        int seen = 0;
        int quietPolls = 0;
        while (webrtc.getICEGatheringState() != WebRTCICEGatheringState.COMPLETE) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            int now = candidatesSoFar.getAsInt();
            quietPolls = now > 0 && now == seen ? quietPolls + 1 : 0;
            seen = now;
            if (quietPolls >= 2) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaPipelineException("interrupted while gathering ICE candidates", e);
            }
        }
        return true;
    }
}
