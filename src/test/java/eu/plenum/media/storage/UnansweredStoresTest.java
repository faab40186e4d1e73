package eu.plenum.media.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store that did not answer is asked last for 30 s, then in its place again; an answer restores it at once. */
class UnansweredStoresTest {

    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");
    private static final List<String> PLACES = List.of("home", "backup");

    @Test
    void aStoreThatDidNotAnswerIsAskedLastForThirtySeconds() {
        UnansweredStores stores = new UnansweredStores();
        assertEquals(PLACES, stores.order(PLACES, NOW));
        stores.unanswered("home", NOW);
        assertEquals(List.of("backup", "home"), stores.order(PLACES, NOW.plusSeconds(29)), "still asked, but last");
        assertEquals(PLACES, stores.order(PLACES, NOW.plusSeconds(30)), "tried first again after 30 s");
        stores.unanswered("home", NOW);
        stores.answered("home");
        assertEquals(PLACES, stores.order(PLACES, NOW.plusSeconds(1)), "an answer restores its place at once");
    }
}
