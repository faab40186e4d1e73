package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.scheduling.domain.WebinarStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * A webinar's access mode: the host makes it open (a public watch link, what a large public event
 * wants) or back to registration only. The audience context asks whether a webinar is open.
 */
@ApplicationScoped
public class WebinarAccess {

    private final WebinarPlanner planner;
    private final WebinarRepository webinars;

    WebinarAccess(WebinarPlanner planner, WebinarRepository webinars) {
        this.planner = planner;
        this.webinars = webinars;
    }

    /** An open webinar as its public watch page needs it: the webinar and the tenant that hosts it. */
    public record OpenWebinar(WebinarView webinar, String tenantId) {
    }

    /** The host's webinar's access mode (404 for another tenant's). */
    public AccessMode of(UUID webinarId) {
        planner.get(webinarId);
        return webinars.findById(webinarId).accessMode();
    }

    @Transactional
    public AccessMode set(UUID webinarId, AccessMode mode) {
        planner.get(webinarId);
        webinars.findById(webinarId).accessMode(mode);
        return mode;
    }

    /** The webinar if it is scheduled and open to anyone with its watch link. */
    public Optional<OpenWebinar> open(UUID webinarId) {
        return webinars.findByIdOptional(webinarId)
                .filter(webinar -> webinar.accessMode() == AccessMode.OPEN && webinar.status() == WebinarStatus.SCHEDULED)
                .map(webinar -> new OpenWebinar(WebinarView.of(webinar), webinar.tenantId()));
    }
}
