package eu.plenum.media;

import java.util.Collection;
import java.util.Set;

/**
 * Implemented by the context that admits viewers (the audience's attendee sessions): which of the
 * holders that watch on this node may no longer watch (registration revoked, attendee banned,
 * session ended). Every app node asks about its own viewers every few seconds and ends theirs, so a
 * revocation stops playback within seconds wherever the viewer is served, with no message between
 * nodes. Without an implementation every holder stays admitted.
 */
public interface ViewerAdmissions {

    /** The holders among {@code holders} that may no longer watch. */
    Set<java.util.UUID> revoked(Collection<java.util.UUID> holders);
}
