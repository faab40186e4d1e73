package eu.plenum.liveroom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

/** Hands still raised when a session ended (category {@code raised-hands}), due after the session ended. */
@ApplicationScoped
public class RaisedHandsRetained extends SessionBoundRetained {

    RaisedHandsRetained(Instance<EntityManager> databases) {
        super(databases, "live_raised_hand");
    }

    @Override
    public String category() {
        return "raised-hands";
    }
}
