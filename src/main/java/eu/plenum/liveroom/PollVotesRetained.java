package eu.plenum.liveroom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

/** Poll votes (category {@code poll-votes}), due after the session ended; the polls themselves are the host's text and stay. */
@ApplicationScoped
public class PollVotesRetained extends SessionBoundRetained {

    PollVotesRetained(Instance<EntityManager> databases) {
        super(databases, "live_poll_vote");
    }

    @Override
    public String category() {
        return "poll-votes";
    }
}
