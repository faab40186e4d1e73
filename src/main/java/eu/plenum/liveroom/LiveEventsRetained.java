package eu.plenum.liveroom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

/** The room's event log with its chat messages (category {@code live-events}), due after the session ended. */
@ApplicationScoped
public class LiveEventsRetained extends SessionBoundRetained {

    LiveEventsRetained(Instance<EntityManager> databases) {
        super(databases, "live_event");
    }

    @Override
    public String category() {
        return "live-events";
    }
}
