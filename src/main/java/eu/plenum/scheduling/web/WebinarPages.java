package eu.plenum.scheduling.web;

import eu.plenum.shared.Audited;
import eu.plenum.shared.FreeText;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.scheduling.Downloads;
import eu.plenum.scheduling.RegistrantDesk;
import eu.plenum.scheduling.RegistrantView;
import eu.plenum.scheduling.WebinarCalendars;
import eu.plenum.scheduling.WebinarForm;
import eu.plenum.scheduling.WebinarPlanRules;
import eu.plenum.scheduling.WebinarPlanner;
import eu.plenum.scheduling.WebinarView;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.Pages;
import eu.plenum.shared.PlenumException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The host's webinar pages: list, schedule, edit, cancel, and move or cancel single sessions. */
@Path("/host/webinars")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.TEXT_HTML)
public class WebinarPages {

    /** As many registrations as one bulk decision of the API takes. */
    private static final int MAX_SELECTED = 1000;

    @CheckedTemplate(basePath = "scheduling")
    static class Templates {
        static native TemplateInstance webinars(List<WebinarView> webinars, boolean upcoming, ZoneId zone, String feedUrl);

        static native TemplateInstance webinarForm(UUID webinarId, Map<String, String> values, Map<String, String> errors,
                List<String> zones);

        static native TemplateInstance webinar(WebinarView webinar, ZoneId zone, Map<String, String> errors);

        static native TemplateInstance registrants(WebinarView webinar, List<RegistrantView> registrants, String query,
                List<RegistrantDesk.Decision> decisions, long changed);
    }

    private final WebinarPlanner planner;
    private final RegistrantDesk desk;
    private final WebinarCalendars calendars;
    private final Pages pages;
    private final Validator validator;

    WebinarPages(WebinarPlanner planner, RegistrantDesk desk, WebinarCalendars calendars, Pages pages, Validator validator) {
        this.planner = planner;
        this.desk = desk;
        this.calendars = calendars;
        this.pages = pages;
        this.validator = validator;
    }

    @GET
    public String list(@QueryParam("when") @DefaultValue("upcoming") String when) {
        boolean upcoming = !"past".equals(when);
        return pages.render(Templates.webinars(planner.list(upcoming), upcoming, pages.zoneOr(ZoneId.of("UTC")), null));
    }

    /** Creates or replaces the host's private calendar feed and shows its address once. */
    @POST
    @Path("calendar-feed")
    public String rotateFeed(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        String url = uri.getBaseUriBuilder().path("calendar/feeds").path(calendars.rotateFeed() + ".ics").build().toString();
        return pages.render(Templates.webinars(planner.list(true), true, pages.zoneOr(ZoneId.of("UTC")), url));
    }

    @GET
    @Path("{id}/registrants")
    public String registrants(@PathParam("id") UUID id, @QueryParam("q") @FreeText String query) {
        String search = query == null ? "" : query.strip();
        if (search.length() > 100) {
            search = search.substring(0, 100);
        }
        return pages.render(Templates.registrants(planner.get(id), desk.list(id, search), search, List.of(), 0));
    }

    /** Bulk approve or deny the ticked registrants. */
    @POST
    @Path("{id}/registrants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String decide(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        String decision = posted.getFirst("decision");
        List<UUID> ids = selected(posted.get("selected"));
        List<RegistrantDesk.Decision> decisions = ids.isEmpty() ? List.of()
                : "deny".equals(decision) ? desk.deny(id, ids) : desk.approve(id, ids);
        long changed = decisions.stream().filter(RegistrantDesk.Decision::changed).count();
        return pages.render(Templates.registrants(planner.get(id), desk.list(id, null), "", decisions, changed));
    }

    @POST
    @Path("{id}/registrants/{registrationId}/revoke")
    public Response revoke(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId) {
        desk.revokeJoinLink(id, registrationId);
        return Response.seeOther(URI.create("/host/webinars/" + id + "/registrants")).build();
    }

    @GET
    @Path("{id}/registrants.csv")
    @Produces("text/csv")
    @Audited(value = "personal-data.read", what = "registrants-csv")
    public Response registrantsCsv(@PathParam("id") UUID id) {
        return Downloads.registrants(desk, id);
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces("text/calendar")
    public Response calendar(@PathParam("id") UUID id) {
        return Downloads.calendar(calendars.webinar(id, null), "webinar-" + id);
    }

    @GET
    @Path("new")
    public String newForm() {
        String zone = pages.zoneOr(ZoneId.of("Europe/Berlin")).getId();
        return pages.render(Templates.webinarForm(null, WebinarFormFields.defaults(zone), Map.of(), zones()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(MultivaluedMap<String, String> posted, @Context HttpHeaders headers) {
        WebinarForm form = WebinarFormFields.read(posted);
        Map<String, String> errors = shapeErrors(form);
        if (errors.isEmpty()) {
            try {
                WebinarView created = planner.schedule(form);
                return Response.seeOther(URI.create("/host/webinars/" + created.id())).build();
            } catch (InvalidInputException invalid) {
                invalid.fieldErrors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            }
        }
        return formAgain(null, posted, errors, headers);
    }

    @GET
    @Path("{id}")
    public String show(@PathParam("id") UUID id) {
        WebinarView webinar = planner.get(id);
        return pages.render(Templates.webinar(webinar, pages.zoneOr(ZoneId.of(webinar.timeZone())), Map.of()));
    }

    @GET
    @Path("{id}/edit")
    public String editForm(@PathParam("id") UUID id) {
        return pages.render(Templates.webinarForm(id, WebinarFormFields.values(planner.get(id)), Map.of(), zones()));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@PathParam("id") UUID id, MultivaluedMap<String, String> posted, @Context HttpHeaders headers) {
        planner.get(id); // another tenant's webinar is 404 before its form is judged, as on every other page
        WebinarForm form = WebinarFormFields.read(posted);
        Map<String, String> errors = shapeErrors(form);
        if (errors.isEmpty()) {
            try {
                planner.revise(id, form);
                return Response.seeOther(URI.create("/host/webinars/" + id)).build();
            } catch (InvalidInputException invalid) {
                invalid.fieldErrors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            }
        }
        return formAgain(id, posted, errors, headers);
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") UUID id) {
        planner.cancel(id);
        return Response.seeOther(URI.create("/host/webinars/" + id)).build();
    }

    @POST
    @Path("{id}/sessions/{sessionId}/cancel")
    public Response cancelSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        planner.cancelSession(id, sessionId);
        return Response.seeOther(URI.create("/host/webinars/" + id)).build();
    }

    @POST
    @Path("{id}/sessions/{sessionId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId, MultivaluedMap<String, String> posted,
            @Context HttpHeaders headers) {
        String start = posted.getFirst("start");
        try {
            planner.moveSession(id, sessionId, start);
            return Response.seeOther(URI.create("/host/webinars/" + id)).build();
        } catch (InvalidInputException invalid) {
            if (!Pages.wantsPage(headers)) {
                throw invalid;
            }
            WebinarView webinar = planner.get(id);
            Map<String, String> errors = Map.of("move-" + sessionId, invalid.fieldErrors().get(0).message());
            String page = pages.render(Templates.webinar(webinar, pages.zoneOr(ZoneId.of(webinar.timeZone())), errors));
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
        }
    }

    /** The ticked registrations: ids, at most as many as one bulk decision of the API takes. */
    private static List<UUID> selected(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_SELECTED) {
            throw InvalidInputException.of("selected", "at most " + MAX_SELECTED + " registrations at once");
        }
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException notAnId) {
                throw InvalidInputException.of("selected", "must be registration ids");
            }
        }
        return ids;
    }

    /** Shape errors (Bean Validation) and meaning errors (WebinarPlanRules), all at once, one per field. */
    private Map<String, String> shapeErrors(WebinarForm form) {
        Map<String, String> errors = new HashMap<>();
        WebinarPlanRules.problems(form, planner.now()).forEach(error -> errors.putIfAbsent(error.field(), error.message()));
        Set<ConstraintViolation<WebinarForm>> violations = validator.validate(form);
        for (ConstraintViolation<WebinarForm> violation : violations) {
            String field = violation.getPropertyPath().toString().replaceAll("\\[\\d+]\\..*|<.*>", "");
            errors.putIfAbsent(field.startsWith("questions") ? "questions" : field, violation.getMessage());
        }
        return errors;
    }

    /** A browser gets the form again with its errors; any other client the problem+json 400 with the same fields. */
    private Response formAgain(UUID id, MultivaluedMap<String, String> posted, Map<String, String> errors, HttpHeaders headers) {
        if (!Pages.wantsPage(headers)) {
            throw new InvalidInputException("The webinar has invalid fields.", errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(error -> new PlenumException.FieldError(error.getKey(), error.getValue())).toList());
        }
        String page = pages.render(Templates.webinarForm(id, WebinarFormFields.values(posted), errors, zones()));
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private static List<String> zones() {
        return ZoneId.getAvailableZoneIds().stream().filter(zone -> zone.contains("/") && !zone.startsWith("Etc/")
                && !zone.startsWith("SystemV/")).sorted().toList();
    }
}
