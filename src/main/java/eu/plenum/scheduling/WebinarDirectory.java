package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.RegistrationRepository;
import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Webinars across tenants, for operators and compliance officers (never for hosts, who use WebinarPlanner). */
@ApplicationScoped
public class WebinarDirectory {

    private final WebinarRepository webinars;
    private final RegistrationRepository registrations;

    WebinarDirectory(WebinarRepository webinars, RegistrationRepository registrations) {
        this.webinars = webinars;
        this.registrations = registrations;
    }

    /** A webinar with its tenant and how many registrations (personal data records) it holds. */
    public record Entry(String tenantId, WebinarView webinar, long registrations) {
    }

    /** A tenant's webinars, by start, for the compliance console (at most {@code limit}). */
    public java.util.List<Entry> ofTenant(String tenantId, int limit) {
        return webinars.allOfTenant(tenantId).stream().limit(limit)
                .map(webinar -> new Entry(webinar.tenantId(), WebinarView.of(webinar), registrations.count("webinarId", webinar.id())))
                .toList();
    }

    public Entry get(UUID id) {
        var webinar = webinars.findByIdOptional(id).orElseThrow(() -> new NotFoundException("There is no webinar " + id + "."));
        return new Entry(webinar.tenantId(), WebinarView.of(webinar), registrations.count("webinarId", id));
    }
}
