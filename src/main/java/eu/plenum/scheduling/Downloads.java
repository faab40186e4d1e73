package eu.plenum.scheduling;

import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The files hosts and attendees download (calendars, registrant lists), shared by the API and the pages. */
public final class Downloads {

    private Downloads() {
    }

    /** An iCalendar file named {@code name}.ics. */
    public static Response calendar(String ics, String name) {
        return attachment(Response.ok(ics, "text/calendar;charset=utf-8"), name + ".ics");
    }

    /** The registrants of one of the host's webinars as formula-safe CSV. */
    public static Response registrants(RegistrantDesk desk, UUID webinarId) {
        String csv = RegistrantCsv.write(desk.list(webinarId, null), desk.questionLabels(webinarId));
        return attachment(Response.ok(csv, "text/csv;charset=utf-8"), "registrants-" + webinarId + ".csv");
    }

    private static Response attachment(Response.ResponseBuilder response, String fileName) {
        return response.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
