package eu.plenum.liveroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Host and two attendees in real Chromium: a chat message round-trips between the attendee pages and
 * the studio, the host deletes it everywhere; a question is asked and upvoted, a poll created, opened
 * and voted on, a hand raised; the host bans an attendee, who is disconnected at once and refused
 * when they come back.
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
        page.getByTestId("live-tab-chat").click();
        page.getByTestId("chat-input").fill(text);
        page.getByTestId("chat-send").click();
    }

    private static Locator message(Page page, String text) {
        return page.getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static Locator question(Page page, String text) {
        return page.getByTestId("live-question").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static void vote(Page page, String option) {
        page.getByTestId("live-tab-polls").click();
        Locator poll = page.getByTestId("live-poll").filter(new Locator.FilterOptions().setHasText("Which topic next?"));
        poll.getByLabel(option).check(new Locator.CheckOptions().setTimeout(30_000));
        poll.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vote")).click();
        assertThat(poll).containsText("Thanks, your vote counts.", SLOW_TEXT);
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

            // Q&A: Anna asks, Bert upvotes; the host sees the question, its author and the vote.
            anna.getByTestId("live-tab-questions").click();
            anna.getByTestId("live-question-text").fill("Will the slides be shared?");
            anna.getByTestId("live-question-ask").click();
            bert.getByTestId("live-tab-questions").click();
            Locator bertsView = question(bert, "Will the slides be shared?");
            assertThat(bertsView).hasCount(1, SLOW_COUNT);
            bertsView.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upvote")).click();
            host.getByTestId("live-tab-questions").click();
            assertThat(question(host, "Will the slides be shared?")).containsText("1 votes", SLOW_TEXT);
            assertThat(question(host, "Will the slides be shared?")).containsText("Anna Journey");
            assertThat(question(anna, "Will the slides be shared?")).containsText("1 votes", SLOW_TEXT);

            // A poll: the host creates and opens it, both attendees vote, the host sees two voters.
            host.getByTestId("live-tab-polls").click();
            host.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill("Which topic next?");
            host.getByLabel("Answers, one per line", new Page.GetByLabelOptions().setExact(true)).fill("Security\nScaling");
            host.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create poll")).click();
            Locator hostsPoll = host.getByTestId("live-poll").filter(new Locator.FilterOptions().setHasText("Which topic next?"));
            hostsPoll.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open").setExact(true)).click();
            vote(anna, "Security");
            vote(bert, "Scaling");
            assertThat(hostsPoll).containsText("2 voters", SLOW_TEXT);

            // A raised hand reaches the host's queue.
            anna.getByTestId("live-tab-hands").click();
            anna.getByTestId("live-hand-toggle").click();
            host.getByTestId("live-tab-hands").click();
            assertThat(host.getByTestId("live-hand")).containsText("Anna Journey", SLOW_TEXT);

            say(bert, "Buy cheap watches");
            host.getByTestId("live-tab-chat").click();
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
