package eu.plenum.media.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a WHEP viewer's offer asks for, read from its text: per media section, the kind and the
 * payload type it uses for each codec. Viewers number payload types as they like (Chromium gives
 * VP8 96, Firefox 120); a track is sent with the viewer's number.
 */
record ViewerOfferLines(List<Section> sections) {

    private static final Pattern RTPMAP = Pattern.compile("^a=rtpmap:(\\d{1,3}) ([A-Za-z0-9-]+)/(\\d+)", Pattern.MULTILINE);
    private static final Pattern FMTP = Pattern.compile("^a=fmtp:(\\d{1,3}) (.*)$", Pattern.MULTILINE);

    /** One m= section: its kind, whether the viewer can receive on it, and its codecs by payload type. */
    record Section(TrackKind kind, boolean receives, List<Codec> codecs) {

        /** The viewer's payload type for {@code codec}, if it offers it (for H.264: packetization mode 1). */
        Optional<Integer> payloadTypeOf(ForwardedCodec codec) {
            return codecs.stream().filter(offered -> offered.name().equalsIgnoreCase(codec.name()))
                    .filter(offered -> codec != ForwardedCodec.H264 || offered.fmtp().contains("packetization-mode=1"))
                    .map(Codec::payloadType).findFirst();
        }
    }

    record Codec(int payloadType, String name, String fmtp) {
    }

    static ViewerOfferLines parse(String sdp) {
        List<Section> sections = new ArrayList<>();
        String[] parts = sdp.replace("\r\n", "\n").split("\nm=");
        for (int i = 1; i < parts.length; i++) {
            String section = "m=" + parts[i];
            String media = section.substring(2, Math.max(2, section.indexOf(' '))).toLowerCase(Locale.ROOT);
            TrackKind kind = switch (media) {
                case "video" -> TrackKind.VIDEO;
                case "audio" -> TrackKind.AUDIO;
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            boolean receives = !section.contains("\na=sendonly") && !section.contains("\na=inactive") && !section.startsWith("m=" + media + " 0 ");
            List<Codec> codecs = new ArrayList<>();
            Matcher rtpmap = RTPMAP.matcher(section);
            while (rtpmap.find()) {
                int pt = Integer.parseInt(rtpmap.group(1));
                codecs.add(new Codec(pt, rtpmap.group(2), fmtp(section, pt)));
            }
            sections.add(new Section(kind, receives, List.copyOf(codecs)));
        }
        return new ViewerOfferLines(List.copyOf(sections));
    }

    private static String fmtp(String section, int pt) {
        Matcher fmtp = FMTP.matcher(section);
        while (fmtp.find()) {
            if (Integer.parseInt(fmtp.group(1)) == pt) {
                return fmtp.group(2);
            }
        }
        return "";
    }

    /** The first receiving section of {@code kind}, if any. */
    Optional<Section> first(TrackKind kind) {
        return sections.stream().filter(section -> section.kind() == kind && section.receives()).findFirst();
    }
}
