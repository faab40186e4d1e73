package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.scheduling.domain.WebinarStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Sessions as other contexts see them (live rooms attach to one), always within one tenant. */
@ApplicationScoped
public class WebinarSessions {

    private final WebinarRepository webinars;

    WebinarSessions(WebinarRepository webinars) {
        this.webinars = webinars;
    }

    /** A session of a tenant's webinar, with what a live room needs to know about it. */
    public record SessionRef(String tenantId, UUID webinarId, UUID sessionId, String title,
            RecordingPolicy recordingPolicy, boolean cancelled) {
    }

    public Optional<SessionRef> find(String tenantId, UUID webinarId, UUID sessionId) {
        return webinars.ofTenant(tenantId, webinarId).flatMap(webinar -> webinar.sessions().stream()
                .filter(session -> session.id().equals(sessionId))
                .findFirst()
                .map(session -> new SessionRef(tenantId, webinarId, sessionId, webinar.title(), webinar.recordingPolicy(),
                        session.status() == WebinarStatus.CANCELLED || webinar.status() == WebinarStatus.CANCELLED)));
    }
}
