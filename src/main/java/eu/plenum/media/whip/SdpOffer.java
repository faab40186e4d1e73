package eu.plenum.media.whip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a WHIP offer asks for, read before any media worker sees it: at most one audio and one
 * video track, each sent by the publisher, each with a codec we record without transcoding
 * (VP8, VP9, H.264; Opus). Anything else is refused with a reason the publisher can act on.
 */
public record SdpOffer(Optional<String> videoCodec, Optional<String> audioCodec) {

    public static final int MAX_BYTES = 64 * 1024;
    private static final Set<String> VIDEO = Set.of("VP8", "VP9", "H264");
    private static final Set<String> AUDIO = Set.of("OPUS");

    /** Why an offer cannot be taken; {@code unsupportedCodec} separates 422-style refusals from malformed SDP. */
    public static final class Refused extends RuntimeException {
        private final boolean unsupportedMedia;

        Refused(String message, boolean unsupportedMedia) {
            super(message);
            this.unsupportedMedia = unsupportedMedia;
        }

        public boolean unsupportedMedia() {
            return unsupportedMedia;
        }
    }

    public boolean hasVideo() {
        return videoCodec.isPresent();
    }

    public boolean hasAudio() {
        return audioCodec.isPresent();
    }

    /** H.264 cannot go into WebM; such files are Matroska. */
    public boolean needsMatroska() {
        return videoCodec.filter("H264"::equals).isPresent();
    }

    public String tracks() {
        List<String> tracks = new ArrayList<>();
        videoCodec.ifPresent(codec -> tracks.add("video/" + codec));
        audioCodec.ifPresent(codec -> tracks.add("audio/" + codec));
        return String.join(",", tracks);
    }

    /** Parses an offer for an HTTP caller: malformed SDP is a 400, media we do not record a 422 (problem+json). */
    public static SdpOffer parseOrRefuse(String sdp) {
        try {
            return parse(sdp);
        } catch (Refused refused) {
            throw new eu.plenum.media.MediaException(refused.unsupportedMedia() ? 422 : 400,
                    refused.unsupportedMedia() ? "unsupported-media" : "malformed-sdp", refused.getMessage());
        }
    }

    public static SdpOffer parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new Refused("The request body is empty; send the SDP offer.", false);
        }
        String[] lines = sdp.split("\r?\n");
        if (!lines[0].strip().equals("v=0")) {
            throw new Refused("This is not an SDP offer: it must start with 'v=0'.", false);
        }
        List<MediaSection> sections = new ArrayList<>();
        boolean origin = false;
        for (int number = 1; number < lines.length; number++) {
            String line = lines[number].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new Refused("SDP line " + (number + 1) + " is not of the form <type>=<value>.", false);
            }
            origin |= line.startsWith("o=");
            if (line.startsWith("m=")) {
                sections.add(MediaSection.of(line, number + 1));
            } else if (!sections.isEmpty()) {
                sections.get(sections.size() - 1).attribute(line);
            }
        }
        if (!origin) {
            throw new Refused("The SDP offer has no origin line (o=).", false);
        }
        return fromSections(sections);
    }

    private static SdpOffer fromSections(List<MediaSection> sections) {
        Optional<String> video = Optional.empty();
        Optional<String> audio = Optional.empty();
        for (MediaSection section : sections) {
            if (section.disabled() || !section.sends()) {
                continue;
            }
            switch (section.media) {
                case "video" -> {
                    if (video.isPresent()) {
                        throw new Refused("One WHIP session carries one video track; publish a screen share as a second session.", true);
                    }
                    video = Optional.of(section.codec(VIDEO));
                }
                case "audio" -> {
                    if (audio.isPresent()) {
                        throw new Refused("One WHIP session carries one audio track.", true);
                    }
                    audio = Optional.of(section.codec(AUDIO));
                }
                default -> throw new Refused("Only audio and video can be published, not '" + section.media + "'.", true);
            }
        }
        if (video.isEmpty() && audio.isEmpty()) {
            throw new Refused("The offer sends no audio or video track.", true);
        }
        return new SdpOffer(video, audio);
    }

    private static final class MediaSection {
        private final String media;
        private final boolean disabled;
        private final List<String> payloadTypes;
        private final Map<String, String> codecs = new LinkedHashMap<>();
        private String direction = "sendrecv";

        private MediaSection(String media, boolean disabled, List<String> payloadTypes) {
            this.media = media;
            this.disabled = disabled;
            this.payloadTypes = payloadTypes;
        }

        static MediaSection of(String line, int number) {
            String[] parts = line.substring(2).trim().split("\\s+");
            if (parts.length < 4) {
                throw new Refused("SDP line " + number + " is not a media description (m=<media> <port> <proto> <formats>).", false);
            }
            return new MediaSection(parts[0].toLowerCase(Locale.ROOT), "0".equals(parts[1]),
                    List.of(parts).subList(3, parts.length));
        }

        void attribute(String line) {
            if (line.startsWith("a=rtpmap:")) {
                String[] parts = line.substring("a=rtpmap:".length()).split("\\s+", 2);
                if (parts.length == 2) {
                    codecs.put(parts[0], parts[1].split("/", 2)[0].toUpperCase(Locale.ROOT));
                }
            } else if (Set.of("a=sendonly", "a=recvonly", "a=sendrecv", "a=inactive").contains(line)) {
                direction = line.substring(2);
            }
        }

        boolean disabled() {
            return disabled;
        }

        boolean sends() {
            return direction.equals("sendonly") || direction.equals("sendrecv");
        }

        /** The first of the offered codecs that we record, in the publisher's order of preference. */
        String codec(Set<String> supported) {
            return payloadTypes.stream().map(codecs::get)
                    .filter(codec -> codec != null && supported.contains(codec))
                    .findFirst()
                    .orElseThrow(() -> new Refused("No supported " + media + " codec offered (offered: "
                            + String.join(", ", new java.util.LinkedHashSet<>(codecs.values())) + "; supported: "
                            + String.join(", ", new java.util.TreeSet<>(supported)) + ").", true));
        }
    }
}
