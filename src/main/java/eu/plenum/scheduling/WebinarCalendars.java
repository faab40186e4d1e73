package eu.plenum.scheduling;

import eu.plenum.identity.CurrentHost;
import eu.plenum.scheduling.calendar.CalendarInvite;
import eu.plenum.scheduling.domain.CalendarFeed;
import eu.plenum.scheduling.domain.CalendarFeedRepository;
import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.shared.NotFoundException;
import eu.plenum.shared.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Calendar files of a webinar or session, and each host's private feed of the webinars they host. */
@ApplicationScoped
public class WebinarCalendars {

    private final WebinarPlanner planner;
    private final WebinarRepository webinars;
    private final CalendarFeedRepository feeds;
    private final CurrentHost host;
    private final Clock clock;
    private final String organizer;

    WebinarCalendars(WebinarPlanner planner, WebinarRepository webinars, CalendarFeedRepository feeds, CurrentHost host,
            Clock clock, @ConfigProperty(name = "plenum.mail.from", defaultValue = "webinars@plenum.localhost") String organizer) {
        this.planner = planner;
        this.webinars = webinars;
        this.feeds = feeds;
        this.host = host;
        this.clock = clock;
        this.organizer = organizer;
    }

    /** All sessions of one of the host's webinars, or one session of it. */
    public String webinar(UUID webinarId, UUID sessionId) {
        WebinarView webinar = planner.get(webinarId);
        if (sessionId != null && webinar.sessions().stream().noneMatch(session -> session.id().equals(sessionId))) {
            throw new NotFoundException("The webinar has no session " + sessionId + ".");
        }
        return CalendarInvite.of(List.of(webinar), sessionId, CalendarInvite.Method.PUBLISH, organizer, clock.instant());
    }

    /**
     * Creates or replaces the signed-in host's feed and returns its secret token (256 random bits);
     * only the token's hash is stored, so a lost URL can only be replaced, never read back.
     */
    @Transactional
    public String rotateFeed() {
        String token = SecretTokens.next();
        String userId = host.userId();
        CalendarFeed feed = feeds.findByIdOptional(userId).orElse(null);
        if (feed == null) {
            feeds.persist(new CalendarFeed(userId, host.tenant().id(), SecretTokens.hash(token)));
        } else {
            feed.rotate(SecretTokens.hash(token));
        }
        return token;
    }

    /** The feed behind a token: the webinars its host created, every session with its current state. */
    public String feed(String token) {
        CalendarFeed feed = feeds.byTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("There is no calendar feed at this address."));
        List<WebinarView> hosted = webinars.createdBy(feed.tenantId(), feed.userId()).stream().map(WebinarView::of).toList();
        return CalendarInvite.of(hosted, null, CalendarInvite.Method.PUBLISH, organizer, clock.instant());
    }
}
