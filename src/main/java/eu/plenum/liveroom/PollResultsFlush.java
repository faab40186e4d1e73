package eu.plenum.liveroom;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Coalesces poll results: a committed vote only marks its poll; once a second (by default) each
 * marked poll gets one {@code poll.results} event with the counts of that moment. So a poll costs
 * at most one results frame per second per receiver and node, however fast the votes come, and
 * moderators see results at most a second late. Marks live in this node's memory: if the node dies
 * before its flush, the results follow with the next vote or at the latest with the close.
 */
@ApplicationScoped
class PollResultsFlush {

    private static final Logger LOG = Logger.getLogger(PollResultsFlush.class);

    private final Map<UUID, UUID> dirtyPollSessions = new ConcurrentHashMap<>();
    private final Polls polls;

    PollResultsFlush(Polls polls) {
        this.polls = polls;
    }

    void voted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Polls.PollVoted vote) {
        dirtyPollSessions.put(vote.pollId(), vote.sessionId());
    }

    @Scheduled(every = "${plenum.live.poll-results-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void flush() {
        for (UUID pollId : dirtyPollSessions.keySet()) {
            UUID sessionId = dirtyPollSessions.remove(pollId);
            if (sessionId == null) {
                continue;
            }
            try {
                polls.publishResults(sessionId, pollId);
            } catch (RuntimeException e) {
                dirtyPollSessions.putIfAbsent(pollId, sessionId); // try again with the next flush
                LOG.warnf(e, "Publishing the results of poll %s failed", pollId);
            }
        }
    }

    /** How many polls wait for their next results event (for tests and metrics). */
    int pending() {
        return dirtyPollSessions.size();
    }
}
