package eu.plenum.media.pipeline;

import eu.plenum.media.MediaException;
import eu.plenum.media.whip.SdpOffer;
import eu.plenum.media.whip.WhepOffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzz target (Jazzer) for the three SDP readers: the WHIP offer check, the WHEP offer check and the viewer
 * worker's reading of an offer the WHEP check let through. Each either gives a well-formed result or refuses
 * with its declared exception (a 400/422 MediaException); the viewer reading never throws.
 */
public final class SdpFuzzTarget {

    private static final Set<String> VIDEO = Set.of("VP8", "VP9", "H264");

    private SdpFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) {
        String sdp = new String(input, StandardCharsets.UTF_8);
        whip(sdp);
        if (whep(sdp)) {
            ViewerOfferLines offer = ViewerOfferLines.parse(sdp);
            for (TrackKind kind : TrackKind.values()) {
                offer.first(kind).ifPresent(section -> check(section.kind() == kind && section.receives(), "first(" + kind + ")"));
            }
        }
    }

    private static void whip(String sdp) {
        try {
            SdpOffer offer = SdpOffer.parseOrRefuse(sdp);
            check(offer.hasAudio() || offer.hasVideo(), "accepted an offer without tracks");
            check(sdp.strip().startsWith("v=0"), "accepted a WHIP offer that does not start with v=0");
            offer.videoCodec().ifPresent(codec -> check(VIDEO.contains(codec), "unsupported video codec accepted: " + codec));
            offer.audioCodec().ifPresent(codec -> check(codec.equals("OPUS"), "unsupported audio codec accepted: " + codec));
            check(offer.tracks().split(",").length == (offer.hasAudio() ? 1 : 0) + (offer.hasVideo() ? 1 : 0), "tracks: " + offer.tracks());
        } catch (MediaException refused) {
            check(refused.status() == 400 || refused.status() == 422, "WHIP refusal with status " + refused.status());
        }
    }

    private static boolean whep(String sdp) {
        try {
            WhepOffer.checkOrRefuse(sdp);
            check(sdp.startsWith("v=0") && sdp.contains("o="), "accepted a WHEP offer that is not SDP");
            return true;
        } catch (MediaException refused) {
            check(refused.status() == 400 || refused.status() == 422, "WHEP refusal with status " + refused.status());
            return false;
        }
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }
}
