package eu.plenum.media.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores that did not answer lately, asked only after the others for {@link #REMEMBER}: a lost site costs
 * readers its connect and read timeouts once, not on every request, and is tried again once that passed
 * (or first again as soon as it answers).
 */
final class UnansweredStores {

    static final Duration REMEMBER = Duration.ofSeconds(30);
    private final Map<String, Instant> until = new ConcurrentHashMap<>();

    /** {@code places} in their order, those that did not answer lately moved to the end. */
    List<String> order(List<String> places, Instant now) {
        List<String> order = new ArrayList<>(places.stream().filter(place -> !remembered(place, now)).toList());
        places.stream().filter(place -> remembered(place, now)).forEach(order::add);
        return order;
    }

    void unanswered(String place, Instant now) {
        until.put(place, now.plus(REMEMBER));
    }

    void answered(String place) {
        until.remove(place);
    }

    private boolean remembered(String place, Instant now) {
        Instant end = until.get(place);
        return end != null && end.isAfter(now);
    }
}
