package eu.plenum.scheduling.web;

import eu.plenum.identity.CurrentHost;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantRef;
import eu.plenum.scheduling.WebinarPlanner;
import eu.plenum.scheduling.WebinarView;
import eu.plenum.shared.Pages;
import java.time.ZoneId;
import java.util.List;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The host's home: their tenant, upcoming webinars and recent recordings. */
@Path("/host")
@RolesAllowed(PlenumRoles.HOST)
public class HostDashboardPage {

    @CheckedTemplate(basePath = "scheduling")
    static class Templates {
        static native TemplateInstance dashboard(TenantRef tenant, List<Upcoming> upcoming, int upcomingWebinars, long upcomingSessions,
                ZoneId zone);
    }

    /** A webinar on the dashboard with its next session's start. */
    public record Upcoming(java.util.UUID id, String title, java.time.Instant nextStart) {
    }

    private final CurrentHost host;
    private final WebinarPlanner planner;
    private final Pages pages;

    HostDashboardPage(CurrentHost host, WebinarPlanner planner, Pages pages) {
        this.host = host;
        this.planner = planner;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String dashboard() {
        TenantRef tenant = host.tenant();
        List<WebinarView> upcoming = planner.list(true);
        long sessions = upcoming.stream().flatMap(webinar -> webinar.sessions().stream())
                .filter(session -> "SCHEDULED".equals(session.status()) && session.endsAt().isAfter(planner.now())).count();
        List<Upcoming> next = upcoming.stream().limit(5)
                .map(webinar -> new Upcoming(webinar.id(), webinar.title(),
                        webinar.nextSession(planner.now()).map(WebinarView.SessionView::startsAt).orElse(null)))
                .toList();
        return pages.render(Templates.dashboard(tenant, next, upcoming.size(), sessions, pages.zoneOr(ZoneId.of("UTC"))));
    }
}
