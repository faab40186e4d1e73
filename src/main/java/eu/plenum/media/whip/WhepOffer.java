package eu.plenum.media.whip;

import eu.plenum.media.MediaException;
import java.util.regex.Pattern;

/**
 * The checks a WHEP viewer's offer passes before any worker sees it: the shape of an SDP offer and
 * at least one audio or video section the viewer can receive on. Which codecs fit the room's tracks
 * is the viewer worker's to say (422 then too).
 */
public final class WhepOffer {

    private static final Pattern LINE = Pattern.compile("[a-z]=.*");

    private WhepOffer() {
    }

    public static void checkOrRefuse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new MediaException(400, "bad-offer", "The request body is empty; send the SDP offer.");
        }
        if (!sdp.startsWith("v=0")) {
            throw new MediaException(400, "bad-offer", "This is not an SDP offer: it must start with 'v=0'.");
        }
        String[] lines = sdp.split("\r?\n");
        boolean origin = false;
        boolean receives = false;
        String media = null;
        boolean sectionReceives = false;
        for (int number = 0; number < lines.length; number++) {
            String line = lines[number];
            if (line.isEmpty() && number == lines.length - 1) {
                continue;
            }
            if (!LINE.matcher(line).matches()) {
                throw new MediaException(400, "bad-offer", "SDP line " + (number + 1) + " is not of the form <type>=<value>.");
            }
            origin |= line.startsWith("o=");
            if (line.startsWith("m=")) {
                receives |= sectionReceives;
                media = line.startsWith("m=video ") || line.startsWith("m=audio ") ? line : null;
                sectionReceives = media != null && !media.matches("m=\\w+ 0 .*");
            } else if (media != null && (line.equals("a=sendonly") || line.equals("a=inactive"))) {
                sectionReceives = false;
            }
        }
        receives |= sectionReceives;
        if (!origin) {
            throw new MediaException(400, "bad-offer", "The SDP offer has no origin line (o=).");
        }
        if (!receives) {
            throw new MediaException(422, "offer-not-playable", "The offer receives no audio or video; offer recvonly audio and video.");
        }
    }
}
