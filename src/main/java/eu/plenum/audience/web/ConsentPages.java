package eu.plenum.audience.web;

import eu.plenum.audience.ConsentChoices;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;

/**
 * The registrant's consent page behind their personal join link: what they agreed to and when, and a
 * one-click withdrawal (or giving the recording consent again). The forms are same-origin POSTs
 * (SameOriginForms refuses cross-site ones), rate-limited with the attendee pages by the traffic gate (per address and per join link), 1 KiB bodies.
 */
@Path("/join/{token}/consents")
@PermitAll
public class ConsentPages {

    @CheckedTemplate(basePath = "audience")
    static class Templates {
        static native TemplateInstance consents(ConsentChoices.Choices choices, String token, ZoneId zone, boolean done);
    }

    private final ConsentChoices choices;
    private final Pages pages;

    ConsentPages(ConsentChoices choices, Pages pages) {
        this.choices = choices;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String show(@PathParam("token") String token, @jakarta.ws.rs.QueryParam("done") boolean done) {
        ConsentChoices.Choices shown = choices.of(token);
        ZoneId zone = pages.zoneOr(ZoneId.of(shown.attendance().webinar().timeZone()));
        return pages.render(Templates.consents(shown, token, zone, done));
    }

    /** Withdraws the named consent (a repeat changes nothing) and shows the page again. */
    @POST
    @Path("withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("token") String token, MultivaluedMap<String, String> posted) {
        choices.withdraw(token, posted.getFirst("kind"));
        return Response.seeOther(URI.create("/join/" + token + "/consents?done=true")).build();
    }

    /** Gives the recording consent again. */
    @POST
    @Path("recording")
    public Response giveRecordingConsent(@PathParam("token") String token) {
        choices.giveRecordingConsent(token);
        return Response.seeOther(URI.create("/join/" + token + "/consents?done=true")).build();
    }

}
