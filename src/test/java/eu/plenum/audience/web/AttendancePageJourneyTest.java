package eu.plenum.audience.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import eu.plenum.media.SessionEnded;
import eu.plenum.media.SessionWentLive;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.BrowserJourney;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The host opens a session's attendance report from the webinar page, in German: charts drawn by Chart.js, the attendee listed. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AttendancePageJourneyTest extends BrowserJourney {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Event<SessionWentLive> wentLive;
    @Inject
    Event<SessionEnded> ended;

    @Test
    void theHostReadsTheReportWithChartsInGerman() throws Exception {
        String webinar = Attendees.recordedWebinar("Bericht " + System.nanoTime());
        String email = "gerda" + System.nanoTime() + "@attendance.example";
        Attendees.joinToken(webinar, "Gerda Gast", email);
        String registration = Attendees.registrationId(webinar, email);
        String session = Attendees.firstSession(webinar);
        Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO attendance_presence (id, tenant_id, webinar_id, session_id, registration_id, attendee_session_id, node_id,
                                                 connected_at, last_seen_at, disconnected_at)
                VALUES (gen_random_uuid(), 'acme', ?, ?, ?, gen_random_uuid(), 'test', ?, ?, ?)""")) {
            insert.setObject(1, UUID.fromString(webinar));
            insert.setObject(2, UUID.fromString(session));
            insert.setObject(3, UUID.fromString(registration));
            insert.setTimestamp(4, Timestamp.from(t0.plusSeconds(120)));
            insert.setTimestamp(5, Timestamp.from(t0.plusSeconds(1620)));
            insert.setTimestamp(6, Timestamp.from(t0.plusSeconds(1620)));
            insert.executeUpdate();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            wentLive.fire(new SessionWentLive("acme", UUID.fromString(webinar), UUID.fromString(session), UUID.randomUUID(), t0));
            ended.fire(new SessionEnded("acme", UUID.fromString(webinar), UUID.fromString(session), UUID.randomUUID(), "HOST_ENDED",
                    t0.plusSeconds(2400)));
        });

        Page page = browser.signIn(home.toString(), Tokens.HOST, "de-DE");
        page.navigate(home + "host/webinars/" + webinar);
        page.getByTestId("attendance-link").first().click();
        assertThat(page.locator("h1")).hasText("Teilnahmebericht");
        assertThat(page.getByTestId("funnel")).containsText("1 Anmeldungen, 1 Plätze, 1 teilgenommen");
        assertThat(page.locator("[data-attendee=\"" + registration + "\"]")).containsText("Gerda Gast");
        assertThat(page.locator("[data-attendee=\"" + registration + "\"] [data-testid=minutes]")).hasText("25");
        assertThat(page.locator("body")).hasAttribute("data-charts", "drawn");
        assertThat(page.getByTestId("attendance-csv")).isVisible();
        Browser.screenshot(page, "attendance-report");
        page.context().close();
    }
}
