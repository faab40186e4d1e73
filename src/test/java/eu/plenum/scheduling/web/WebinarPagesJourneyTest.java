package eu.plenum.scheduling.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.BrowserJourney;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A host schedules a webinar through the real pages in Chromium, fixing the fields the page marks. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WebinarPagesJourneyTest extends BrowserJourney {


    @Test
    void hostSchedulesAWebinarAfterFixingTheMarkedFields() {
        Page page = browser.signIn(home.toString(), Tokens.HOST, "en-GB");
        page.navigate(home + "host/webinars");
        page.getByTestId("new-webinar").click();

        page.locator("#title").fill("<script>alert('x')</script> Data sovereignty 101");
        page.locator("#timeZone").fill("Mars/Olympus_Mons");
        page.locator("#start").fill("2001-01-01T10:00");
        page.locator("#capacity").fill("0");
        page.getByTestId("save-webinar").click();
        assertThat(page.locator("[data-field=timeZone]")).containsText("unknown time zone");
        assertThat(page.locator("[data-field=capacity]")).isVisible();
        Browser.screenshot(page, "webinar-form-errors");

        String year = String.valueOf(LocalDate.now().getYear() + 1);
        page.locator("#timeZone").fill("Europe/Berlin");
        page.locator("#start").fill(year + "-10-20T10:00");
        page.locator("#capacity").fill("50");
        page.locator("#recurrence").selectOption("WEEKLY");
        page.locator("#recurrenceCount").fill("3");
        page.locator("#question0Label").fill("Your company");
        page.getByTestId("save-webinar").click();

        assertThat(page.getByTestId("webinar-title")).hasText("<script>alert('x')</script> Data sovereignty 101");
        assertThat(page.locator("[data-testid=session-table] tr")).hasCount(3);
        Browser.screenshot(page, "webinar-detail");

        page.navigate(home + "host/webinars");
        assertThat(page.getByTestId("webinar-table")).containsText("Data sovereignty 101");
        page.navigate(home + "host");
        assertThat(page.getByTestId("upcoming-webinars")).isVisible();
        page.context().close();
    }

    @Test
    void formsPostedFromAnotherSiteAreRefused() {
        given().header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
                .formParam("title", "forged").when().post("/host/webinars")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("title", "forged").when().post("/host/webinars")
                .then().statusCode(403);
    }
}
