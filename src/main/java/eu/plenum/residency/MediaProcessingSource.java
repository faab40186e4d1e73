package eu.plenum.residency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Implemented by the media context: which nodes and sites processed a webinar's live media, so
 * that the webinar's data-location report names them without residency reaching into media.
 */
public interface MediaProcessingSource {

    /** One live period of a session's room on one media worker. {@code until} is null while live. */
    record LivePeriod(UUID sessionId, UUID roomId, Instant from, Instant until, String node, String worker, String regionCode) {
    }

    List<LivePeriod> livePeriods(String tenantId, UUID webinarId);
}
