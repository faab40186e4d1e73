package eu.plenum.scheduling.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.scheduling.WebinarCalendars;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A host's private calendar feed: created or replaced by the host, read by calendar apps with the secret URL. */
@Path("/")
@Tag(name = "Calendars")
public class CalendarFeedResource {

    /** The feed's secret address, shown once. */
    public record FeedAddress(String url) {
    }

    private final WebinarCalendars calendars;

    CalendarFeedResource(WebinarCalendars calendars) {
        this.calendars = calendars;
    }

    @POST
    @Path("api/calendar-feed")
    @RolesAllowed(PlenumRoles.HOST)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace your private calendar feed; the old address stops working")
    public FeedAddress rotate(@jakarta.ws.rs.core.Context UriInfo uri) {
        String token = calendars.rotateFeed();
        return new FeedAddress(uri.getBaseUriBuilder().path("calendar/feeds").path(token + ".ics").build().toString());
    }

    @GET
    @Path("calendar/feeds/{token}.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "A host's private feed of the webinars they host (the address is the credential)")
    public Response feed(@PathParam("token") String token) {
        return Response.ok(calendars.feed(token), "text/calendar;charset=utf-8")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
