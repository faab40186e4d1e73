package eu.plenum.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Calendar feeds by owner or by token hash. */
@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, String> {

    public Optional<CalendarFeed> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }
}
