package eu.plenum.liveroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Host and two attendees in real Chromium: a chat message round-trips between the attendee pages and
 * the studio, the host deletes it everywhere, and bans an attendee, who is disconnected at once and
 * refused when they come back.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class LiveRoomJourneyTest {

    private static final String APP = "http://localhost:8081";
    private static final LocatorAssertions.HasAttributeOptions SLOW_ATTRIBUTE = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    private static final LocatorAssertions.ContainsTextOptions SLOW_TEXT = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    private static final LocatorAssertions.HasCountOptions SLOW_COUNT = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    private static Page attendee(Browser browser, String webinarId, String name) {
        String token = Attendees.joinToken(webinarId, name, name.toLowerCase().replace(' ', '.') + "@journey.example");
        Page page = browser.newPage("en");
        page.navigate(APP + "/join/" + token);
        page.getByTestId("enter").click();
        page.waitForURL(url -> url.contains("/attend/"));
        assertThat(page.getByTestId("live-status")).hasAttribute("data-state", "connected", SLOW_ATTRIBUTE);
        return page;
    }

    private static void say(Page page, String text) {
        page.getByTestId("chat-input").fill(text);
        page.getByTestId("chat-send").click();
    }

    private static Locator message(Page page, String text) {
        return page.getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void aMessageRoundTripsIsDeletedEverywhereAndABannedAttendeeIsDisconnectedAndRefused() {
        String webinarId = Attendees.recordedWebinar("Live journey");
        String sessionId = Attendees.firstSession(webinarId);
        try (Browser browser = Browser.launch()) {
            Page host = browser.signIn(APP + "/", Tokens.HOST, "en");
            host.navigate(APP + "/host/studio/webinars/" + webinarId + "/sessions/" + sessionId);
            host.getByTestId("open-studio").click();
            assertThat(host.getByTestId("live-status")).hasAttribute("data-state", "connected", SLOW_ATTRIBUTE);

            Page anna = attendee(browser, webinarId, "Anna Journey");
            Page bert = attendee(browser, webinarId, "Bert Journey");

            say(anna, "Hello everyone");
            assertThat(message(bert, "Hello everyone")).containsText("Anna Journey", SLOW_TEXT);
            assertThat(message(host, "Hello everyone")).containsText("Anna Journey", SLOW_TEXT);
            assertThat(bert.getByTestId("live-badge-chat")).isHidden();

            message(host, "Hello everyone").getByTestId("chat-delete").click();
            assertThat(message(anna, "Hello everyone")).hasCount(0, SLOW_COUNT);
            assertThat(message(bert, "Hello everyone")).hasCount(0, SLOW_COUNT);
            assertThat(message(host, "Hello everyone")).hasCount(0, SLOW_COUNT);

            say(bert, "Buy cheap watches");
            message(host, "Buy cheap watches").getByTestId("chat-ban").click();
            assertThat(bert.getByTestId("live-status")).hasAttribute("data-state", "banned", SLOW_ATTRIBUTE);
            // Coming back: his attendee session ended with the ban, so the page itself refuses him.
            assertEquals(403, bert.reload().status());

            say(anna, "Still talking");
            assertThat(message(host, "Still talking")).containsText("Anna Journey", SLOW_TEXT);
            assertThat(host.getByTestId("live-presence")).hasAttribute("data-count", "2", SLOW_ATTRIBUTE);
            Browser.screenshot(host, "live-room-studio");
            Browser.screenshot(anna, "live-room-attendee");
        }
    }
}
