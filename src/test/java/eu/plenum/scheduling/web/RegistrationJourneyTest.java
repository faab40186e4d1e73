package eu.plenum.scheduling.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.BrowserJourney;
import eu.plenum.testsupport.Mailbox;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An anonymous visitor registers on the real page in Chromium, confirms by mail (a button on the linked page) and lands on their join page. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RegistrationJourneyTest extends BrowserJourney {

    private static final Pattern CONFIRM = Pattern.compile("(http://localhost:8081/r/confirm/[A-Za-z0-9_-]{43})");

    @Test
    void visitorRegistersConfirmsByMailAndSeesTheJoinPage() {
        Map<String, Object> webinar = Webinars.sample("Open house");
        webinar.put("registrationMode", "OPEN");
        webinar.put("questions", List.of(Map.of("kind", "SINGLE_CHOICE", "label", "Role", "required", true,
                "choices", List.of("Developer", "Manager"))));
        String id = Webinars.create(Tokens.HOST, webinar);

        Page page = browser.newPage("en-GB");
        page.navigate(home + "w/" + id);
        assertThat(page.getByTestId("register-title")).hasText("Open house");
        page.locator("#name").fill("Vera Visitor");
        page.locator("#email").fill("vera@example.org");
        page.getByTestId("register").click();
        assertThat(page.locator("[data-field=privacyAcknowledged]")).isVisible();
        assertThat(page.locator("[data-field^='answers.']")).isVisible();
        Browser.screenshot(page, "registration-errors");

        page.locator("#answer0").selectOption("Manager");
        page.locator("#privacyAcknowledged").check();
        page.locator("#recordingConsent").check();
        page.getByTestId("register").click();
        assertThat(page.getByTestId("check-inbox")).isVisible();

        Mailbox.Received mail = PlenumTestServers.mailbox().awaitOne("vera@example.org", "Confirm your registration: Open house");
        page.navigate(mail.find(CONFIRM));
        // Opening the link only shows the button (mail scanners open links too); pressing it confirms.
        assertThat(page.getByTestId("confirm-page")).isVisible();
        Browser.screenshot(page, "confirm-page");
        page.getByTestId("confirm-registration").click();
        assertThat(page.getByTestId("join-page")).isVisible();
        assertThat(page.getByTestId("join-webinar")).hasText("Open house");
        Browser.screenshot(page, "join-page");
        page.context().close();
    }
}
