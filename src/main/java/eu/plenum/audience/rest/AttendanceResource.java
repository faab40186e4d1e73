package eu.plenum.audience.rest;

import eu.plenum.shared.Audited;
import eu.plenum.audience.AttendanceCsv;
import eu.plenum.audience.AttendanceReports;
import eu.plenum.identity.PlenumRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The attendance report of one session of the host's webinar (404 for any other tenant's). */
@Path("/api/webinars/{webinarId}/sessions/{sessionId}/attendance")
@RolesAllowed(PlenumRoles.HOST)
@Tag(name = "Attendance")
@SecurityRequirement(name = "SecurityScheme")
public class AttendanceResource {

    private final AttendanceReports reports;

    AttendanceResource(AttendanceReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who attended the session, when and how long (within its live window), and the registration funnel")
    @Audited(value = "personal-data.read", what = "attendance-report")
    public AttendanceReports.Report report(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        return reports.report(webinarId, sessionId);
    }

    @GET
    @Path("attendance.csv")
    @Produces("text/csv")
    @Operation(summary = "The attendance report as CSV (formula-safe for spreadsheets)")
    @Audited(value = "personal-data.read", what = "attendance-csv")
    public Response csv(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        return AttendanceDownload.csv(reports.report(webinarId, sessionId));
    }

    /** The CSV file as the API and the host page hand it out. */
    public static final class AttendanceDownload {

        private AttendanceDownload() {
        }

        public static Response csv(AttendanceReports.Report report) {
            return Response.ok(AttendanceCsv.write(report), "text/csv;charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"attendance-" + report.sessionId() + ".csv\"").build();
        }
    }
}
