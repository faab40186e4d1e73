package eu.plenum.audience.web;

import eu.plenum.shared.Audited;
import eu.plenum.audience.AttendanceReports;
import eu.plenum.audience.rest.AttendanceResource;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.Collectors;

/** The host's attendance page of one session: funnel and attendees-over-time charts (Chart.js), the table, the CSV. */
@Path("/host/webinars/{webinarId}/sessions/{sessionId}/attendance")
@RolesAllowed(PlenumRoles.HOST)
public class AttendancePages {

    /** Chart.js from its webjar (org.webjars.npm:chart.js, see pom.xml): the UMD build, which brings its colour helper. */
    static final String CHART_SCRIPT = "/webjars/chart.js/4.4.1/dist/chart.umd.js";

    @CheckedTemplate(basePath = "audience")
    static class Templates {
        static native TemplateInstance attendance(AttendanceReports.Report report, ZoneId zone, String chartScript, String concurrent);
    }

    private final AttendanceReports reports;
    private final Pages pages;

    AttendancePages(AttendanceReports reports, Pages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Audited(value = "personal-data.read", what = "attendance-report")
    public String page(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        AttendanceReports.Report report = reports.report(webinarId, sessionId);
        String concurrent = report.concurrent().stream().map(String::valueOf).collect(Collectors.joining(","));
        return pages.render(Templates.attendance(report, pages.zoneOr(ZoneId.of("UTC")), CHART_SCRIPT, concurrent));
    }

    @GET
    @Path("attendance.csv")
    @Produces("text/csv")
    @Audited(value = "personal-data.read", what = "attendance-csv")
    public Response csv(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        return AttendanceResource.AttendanceDownload.csv(reports.report(webinarId, sessionId));
    }
}
