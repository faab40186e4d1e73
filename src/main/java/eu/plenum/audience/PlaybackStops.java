package eu.plenum.audience;

import eu.plenum.media.Viewing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stops what ended attendee sessions were watching, once their end is committed: their WebRTC
 * viewers on this node end at once, and their open pages are told (they stop HLS themselves; a
 * signed HLS URL expires within a minute and is not renewed).
 */
@ApplicationScoped
public class PlaybackStops {

    private static final Logger LOG = Logger.getLogger(PlaybackStops.class);

    /** One ended session, as the event stream of its page hears it. */
    public record Stop(UUID sessionId, String reason) {
    }

    private final Viewing viewing;
    private final BroadcastProcessor<Stop> stops = BroadcastProcessor.create();

    PlaybackStops(Viewing viewing) {
        this.viewing = viewing;
    }

    void sessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttendeeSessionsEnded ended) {
        for (UUID sessionId : ended.sessionIds()) {
            try {
                int viewers = viewing.endFor(sessionId);
                LOG.debugf("Attendee session %s ended (%s); %d viewers stopped", sessionId, ended.reason(), viewers);
            } catch (RuntimeException e) {
                LOG.warnf("Viewers of attendee session %s were not stopped: %s", sessionId, e.toString());
            }
            stops.onNext(new Stop(sessionId, ended.reason()));
        }
    }

    /** The stop of one session, when it comes. */
    public Multi<Stop> of(UUID sessionId) {
        return stops.filter(stop -> stop.sessionId().equals(sessionId));
    }
}
