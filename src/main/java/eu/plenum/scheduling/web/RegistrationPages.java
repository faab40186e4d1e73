package eu.plenum.scheduling.web;

import eu.plenum.scheduling.Downloads;
import eu.plenum.scheduling.RegistrantDesk;
import eu.plenum.scheduling.RegistrationForm;
import eu.plenum.scheduling.Registrations;
import eu.plenum.scheduling.WebinarView;
import eu.plenum.scheduling.calendar.CalendarInvite;
import eu.plenum.scheduling.domain.RegistrationStatus;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pages for attendees (no account): registration, confirmation, and cancelling or adding to a calendar from the join link. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegistrationPages {

    @CheckedTemplate(basePath = "registration")
    static class Templates {
        static native TemplateInstance register(WebinarView webinar, ZoneId zone, Map<String, String> values,
                Map<String, String> errors, RetentionNotice retention);

        static native TemplateInstance checkInbox(WebinarView webinar);

        static native TemplateInstance confirm(String title, String token);

        static native TemplateInstance confirmed(String status);
    }

    private final Registrations registrations;
    private final RegistrantDesk desk;
    private final Pages pages;
    private final Validator validator;
    private final Clock clock;
    private final eu.plenum.scheduling.WebinarDirectory webinars;
    private final eu.plenum.shared.RetentionPeriods retention;
    private final long backupDays;

    RegistrationPages(Registrations registrations, RegistrantDesk desk, Pages pages,
            Validator validator, Clock clock, eu.plenum.scheduling.WebinarDirectory webinars,
            eu.plenum.shared.RetentionPeriods retention,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "plenum.compliance.retention.backups-kept",
                    defaultValue = "30d") java.time.Duration backupsKept) {
        this.webinars = webinars;
        this.retention = retention;
        this.backupDays = backupsKept.toDays();
        this.registrations = registrations;
        this.desk = desk;
        this.pages = pages;
        this.validator = validator;
        this.clock = clock;
    }

    @GET
    @Path("w/{id}")
    public String form(@PathParam("id") UUID id) {
        WebinarView webinar = registrations.openWebinar(id);
        return pages.render(Templates.register(webinar, pages.zoneOr(ZoneId.of(webinar.timeZone())), Map.of(), Map.of(), notice(id)));
    }

    @POST
    @Path("w/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("id") UUID id, MultivaluedMap<String, String> posted, @Context HttpServerRequest request) {
        // Limited per client address across app nodes before it gets here (traffic.TrafficGate, class 'registration').
        WebinarView webinar = registrations.openWebinar(id);
        RegistrationForm form = read(webinar, posted);
        Map<String, String> errors = new HashMap<>();
        for (ConstraintViolation<RegistrationForm> violation : validator.validate(form)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                registrations.register(id, form);
                return Response.seeOther(URI.create("/w/" + id + "/check-inbox")).build();
            } catch (InvalidInputException invalid) {
                invalid.fieldErrors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            }
        }
        Map<String, String> values = new HashMap<>();
        posted.forEach((key, list) -> values.put(key, String.join("\n", list)));
        String page = pages.render(Templates.register(webinar, pages.zoneOr(ZoneId.of(webinar.timeZone())), values, errors, notice(id)));
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    @GET
    @Path("w/{id}/check-inbox")
    public String checkInbox(@PathParam("id") UUID id) {
        return pages.render(Templates.checkInbox(registrations.openWebinar(id)));
    }

    /** Only shows the button: mail scanners and link previews open links, and must not take a seat. */
    @GET
    @Path("r/confirm/{token}")
    public String confirmPage(@PathParam("token") String token) {
        Registrations.ConfirmationPage found = registrations.confirmationPage(token);
        if (found.status() != RegistrationStatus.UNCONFIRMED) {
            return pages.render(Templates.confirmed(found.status().name()));
        }
        return pages.render(Templates.confirm(found.title(), token));
    }

    @POST
    @Path("r/confirm/{token}")
    public Response confirm(@PathParam("token") String token) {
        Registrations.Confirmation confirmation = registrations.confirm(token);
        if (confirmation.joinToken() != null) {
            return Response.seeOther(URI.create("/join/" + confirmation.joinToken())).build();
        }
        return Response.ok(pages.render(Templates.confirmed(confirmation.status().name()))).build();
    }

    // GET join/{token} is the attendee's lobby, rendered by the audience context (audience.web.AttendeePages).

    @POST
    @Path("join/{token}/cancel")
    public String cancel(@PathParam("token") String token) {
        desk.cancelByRegistrant(token);
        return pages.render(Templates.confirmed("CANCELLED"));
    }

    @GET
    @Path("join/{token}/calendar.ics")
    @Produces("text/calendar")
    public Response calendar(@PathParam("token") String token) {
        Registrations.Attendance attendance = registrations.attendance(token);
        String ics = CalendarInvite.of(List.of(attendance.webinar()), null, CalendarInvite.Method.PUBLISH, null, clock.instant());
        return Downloads.calendar(ics, "webinar");
    }

    static RegistrationForm read(WebinarView webinar, MultivaluedMap<String, String> posted) {
        Map<String, String> answers = new HashMap<>();
        for (int i = 0; i < webinar.questions().size(); i++) {
            List<String> given = posted.get("answer" + i);
            if (given != null && !given.isEmpty()) {
                answers.put(webinar.questions().get(i).id().toString(), String.join("\n", given));
            }
        }
        return new RegistrationForm(posted.getFirst("name"), posted.getFirst("email"), posted.containsKey("privacyAcknowledged"),
                posted.containsKey("recordingConsent"), answers);
    }

    /** The privacy notice's retention sentences, from the webinar's tenant's rules. */
    private RetentionNotice notice(UUID webinarId) {
        return RetentionNotice.of(retention, webinars.get(webinarId).tenantId(), backupDays);
    }
}
