package eu.plenum.scheduling.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.scheduling.Downloads;
import eu.plenum.scheduling.WebinarCalendars;
import eu.plenum.scheduling.WebinarForm;
import eu.plenum.scheduling.WebinarPlanner;
import eu.plenum.scheduling.WebinarView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webinars of the caller's tenant, for integrations; the host pages use the same use cases. */
@Path("/api/webinars")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webinars")
@SecurityRequirement(name = "SecurityScheme")
public class WebinarResource {

    private static final String CALENDAR = "text/calendar";

    private final WebinarPlanner planner;
    private final WebinarCalendars calendars;

    WebinarResource(WebinarPlanner planner, WebinarCalendars calendars) {
        this.planner = planner;
        this.calendars = calendars;
    }

    /** New wall-clock start of one session, in the webinar's time zone. */
    public record SessionMove(@NotNull String start) {
    }

    @GET
    @Operation(summary = "Your organisation's webinars: upcoming (default) or past")
    public List<WebinarView> list(@QueryParam("when") @DefaultValue("upcoming") @Pattern(regexp = "upcoming|past") String when) {
        return planner.list("upcoming".equals(when));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a webinar (one-off or recurring); each occurrence becomes a session")
    public Response schedule(@Valid @NotNull WebinarForm form) {
        WebinarView created = planner.schedule(form);
        return Response.created(URI.create("/api/webinars/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One webinar with its sessions and registration questions")
    public WebinarView get(@PathParam("id") UUID id) {
        return planner.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a webinar; sessions moved or cancelled on their own keep their state")
    public WebinarView revise(@PathParam("id") UUID id, @Valid @NotNull WebinarForm form) {
        return planner.revise(id, form);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a webinar and all its sessions")
    public WebinarView cancel(@PathParam("id") UUID id) {
        return planner.cancel(id);
    }

    @PUT
    @Path("{id}/sessions/{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move one session to another wall-clock time in the webinar's time zone")
    public WebinarView moveSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
            @Valid @NotNull SessionMove move) {
        return planner.moveSession(id, sessionId, move.start());
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces(CALENDAR)
    @Operation(summary = "All sessions of the webinar as an iCalendar file")
    public Response calendar(@PathParam("id") UUID id) {
        return Downloads.calendar(calendars.webinar(id, null), "webinar-" + id);
    }

    @GET
    @Path("{id}/sessions/{sessionId}/calendar.ics")
    @Produces(CALENDAR)
    @Operation(summary = "One session as an iCalendar file")
    public Response sessionCalendar(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        return Downloads.calendar(calendars.webinar(id, sessionId), "session-" + sessionId);
    }


    @POST
    @Path("{id}/sessions/{sessionId}/cancel")
    @Operation(summary = "Cancel one session")
    public WebinarView cancelSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        return planner.cancelSession(id, sessionId);
    }
}
