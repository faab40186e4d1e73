package eu.plenum.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/**
 * Calendar files and the host's private feed, read back with an independent parser (ical4j):
 * a weekly webinar across the October DST change keeps 10:00 in Berlin, UIDs are stable and
 * SEQUENCE grows with every change.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class CalendarTest {

    private static final int YEAR = LocalDate.now().getYear() + 1;

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String ics(String path) {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).when().get(path)
                .then().statusCode(200).contentType("text/calendar").extract().asString();
    }

    private static Instant start(VEvent event) {
        Temporal value = event.getStartDate().orElseThrow().getDate();
        return ((ZonedDateTime) value).toInstant();
    }

    private static String property(VEvent event, String name) {
        return event.<Property>getProperty(name).orElseThrow().getValue();
    }

    @Test
    void webinarCalendarKeepsBerlinTimeAcrossDaylightSaving() throws Exception {
        String id = WebinarResourceTest.create(Tokens.HOST, WebinarResourceTest.webinar("Calendar; with, specials\\"));
        Calendar calendar = parse(ics("/api/webinars/" + id + "/calendar.ics"));
        assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(3, events.size());
        assertEquals(Instant.parse(YEAR + "-10-20T08:00:00Z"), start(events.get(0)));
        // Summer time ends on the last Sunday of October (25th to 31st): the 3 November session is in CET.
        assertEquals(Instant.parse(YEAR + "-11-03T09:00:00Z"), start(events.get(2)));
        assertEquals("Calendar; with, specials\\", property(events.get(0), Property.SUMMARY));
        assertEquals("Europe/Berlin", events.get(0).getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue());

        VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertEquals("+0200", zone.getApplicableObservance(ZonedDateTime.of(YEAR, 10, 20, 8, 0, 0, 0, java.time.ZoneOffset.UTC))
                .getProperty(Property.TZOFFSETTO).orElseThrow().getValue());
        assertEquals("+0100", zone.getApplicableObservance(ZonedDateTime.of(YEAR, 11, 3, 9, 0, 0, 0, java.time.ZoneOffset.UTC))
                .getProperty(Property.TZOFFSETTO).orElseThrow().getValue());
    }

    @Test
    void uidStaysAndSequenceGrowsWhenASessionMoves() throws Exception {
        String id = WebinarResourceTest.create(Tokens.HOST, WebinarResourceTest.webinar("Moving"));
        String session = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + id)
                .then().extract().path("sessions[0].id");
        VEvent before = parse(ics("/api/webinars/" + id + "/sessions/" + session + "/calendar.ics"))
                .<VEvent>getComponents(Component.VEVENT).get(0);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("start", YEAR + "-10-21T09:00")).put("/api/webinars/" + id + "/sessions/" + session)
                .then().statusCode(200);
        VEvent after = parse(ics("/api/webinars/" + id + "/sessions/" + session + "/calendar.ics"))
                .<VEvent>getComponents(Component.VEVENT).get(0);
        assertEquals(property(before, Property.UID), property(after, Property.UID));
        assertEquals(Integer.parseInt(property(before, Property.SEQUENCE)) + 1, Integer.parseInt(property(after, Property.SEQUENCE)));
        assertEquals(Instant.parse(YEAR + "-10-21T07:00:00Z"), start(after));
    }

    @Test
    void privateFeedWorksWithItsSecretAddressUntilReplaced() throws Exception {
        String id = WebinarResourceTest.create(Tokens.HOST, WebinarResourceTest.webinar("In my feed"));
        String url = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/calendar-feed")
                .then().statusCode(200).extract().path("url");
        String path = url.substring(url.indexOf("/calendar/feeds/"));
        String feed = given().when().get(path).then().statusCode(200).contentType("text/calendar").extract().asString();
        assertTrue(parse(feed).<VEvent>getComponents(Component.VEVENT).stream()
                .anyMatch(event -> property(event, Property.SUMMARY).equals("In my feed")), feed);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/calendar-feed").then().statusCode(200);
        given().when().get(path).then().statusCode(404);
        given().when().get("/calendar/feeds/not-a-token.ics").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get("/api/webinars/" + id + "/calendar.ics")
                .then().statusCode(404);
    }
}
