package eu.plenum.media.pipeline;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.gstreamer.GstObject;

/**
 * Names of the elements a publisher adds to its room's pipeline: {@code p_<publisher id>_<role><n>}.
 * GStreamer names the element that posts an error; through the name (or the name of a bin it sits
 * in, such as the publisher's webrtcbin) an error is traced to the one publisher it belongs to, so
 * that only that publisher ends, not the room.
 */
final class ElementNames {

    private static final String PREFIX = "p_";
    private static final String WEBRTC_PREFIX = "publisher-";
    private static final int ID_LENGTH = 36; // a UUID

    private final String publisherId;
    private final AtomicInteger counter = new AtomicInteger();

    ElementNames(String publisherId) {
        this.publisherId = publisherId;
    }

    String next(String role) {
        return PREFIX + publisherId + "_" + role + counter.incrementAndGet();
    }

    static String webrtc(String publisherId) {
        return WEBRTC_PREFIX + publisherId;
    }

    /** The publisher an element belongs to, by its own name or by the name of a bin it is in. */
    static Optional<String> publisherOf(GstObject source) {
        for (GstObject object = source; object != null; object = object.getParent()) {
            Optional<String> publisher = publisherOf(object.getName());
            if (publisher.isPresent()) {
                return publisher;
            }
        }
        return Optional.empty();
    }

    static Optional<String> publisherOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (String prefix : new String[] {PREFIX, WEBRTC_PREFIX}) {
            if (name.startsWith(prefix) && name.length() >= prefix.length() + ID_LENGTH) {
                return Optional.of(name.substring(prefix.length(), prefix.length() + ID_LENGTH));
            }
        }
        return Optional.empty();
    }
}
