package eu.plenum.liveroom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

/** Q&A questions (category {@code questions}) with their upvotes (by cascade), due after the session ended. */
@ApplicationScoped
public class QuestionsRetained extends SessionBoundRetained {

    QuestionsRetained(Instance<EntityManager> databases) {
        super(databases, "live_question");
    }

    @Override
    public String category() {
        return "questions";
    }
}
