package eu.plenum.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.BrowserJourney;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * People signing in through the real Keycloak login page in Debian's Chromium: the host lands on
 * the dashboard, the admin on the console, a host without tenant on a clear refusal; everybody
 * can sign out. Screenshots go to target/screenshots/.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SignInJourneyTest extends BrowserJourney {


    private Page signIn(String username, String locale) {
        return browser.signIn(home.toString(), username, locale);
    }

    @Test
    void hostSignsInToTheDashboardAndSignsOut() throws java.io.IOException {
        Page page = signIn(Tokens.HOST, "en-GB");
        page.waitForURL(url -> url.endsWith("/host"));
        assertThat(page.getByTestId("dashboard-title")).hasText("Welcome, Hanna");
        assertThat(page.getByTestId("tenant-name")).hasText("ACME Academy");
        // Other tests may have scheduled webinars for this tenant: the dashboard shows what the API says.
        int upcoming = io.restassured.RestAssured.given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .get("/api/webinars").then().statusCode(200).extract().jsonPath().getList("$").size();
        assertThat(page.getByTestId("stat-webinars")).hasText(String.valueOf(upcoming));
        assertThat(page.getByTestId(upcoming == 0 ? "no-webinars" : "upcoming-webinars")).isVisible();
        Path shot = Browser.screenshot(page, "host-dashboard");
        assertTrue(Files.size(shotOrFail(shot)) > 10_000, "screenshot looks empty");

        page.getByTestId("sign-out").click();
        // Keycloak ends the session and sends the browser back to the home page (with its state parameter).
        page.waitForURL(url -> url.equals(home.toString()) || url.startsWith(home + "?"));
        assertThat(page.getByTestId("sign-in").first()).isVisible();
        page.navigate(home + "host");
        page.waitForURL(url -> url.startsWith(PlenumTestServers.keycloak().url()));
        page.context().close();
    }

    @Test
    void adminSignsInToTheConsole() {
        String audited = eu.plenum.testsupport.Webinars.create(Tokens.HOST, eu.plenum.testsupport.Webinars.sample("Audited webinar"));
        Page page = signIn(Tokens.ADMIN, "en-GB");
        page.waitForURL(url -> url.endsWith("/console"));
        assertThat(page.getByTestId("console-title")).hasText("Console");
        assertThat(page.getByTestId("tenant-table")).containsText("acme");
        Browser.screenshot(page, "console-home");
        page.locator("a[href='/console/tenants/acme/data-location']").click();
        assertThat(page.getByTestId("home-region")).hasText("eu-fra");
        assertThat(page.locator("[data-testid=data-location-table] tr[data-place=database]")).containsText("EU");
        Browser.screenshot(page, "data-location-acme");
        page.navigate(home + "console/tenants/acme/data-location"); // reloaded: the webinar below is new
        page.locator("a[data-webinar='" + audited + "']").click();
        assertThat(page.getByTestId("webinar-data-location-title")).containsText("Audited webinar");
        assertThat(page.locator("[data-testid=data-location-table] tr[data-place=database]")).containsText("EU");
        Browser.screenshot(page, "data-location-webinar");
        // The JSON download works in the signed-in browser (it once pointed into the bearer-only API: 401).
        com.microsoft.playwright.Download report = page.waitForDownload(
                () -> page.locator("a[href='/console/webinars/" + audited + "/data-location/download']").click());
        String json = readDownload(report);
        assertTrue(json.contains("\"webinarId\":\"" + audited + "\"") && json.contains("\"places\""), json);
        page.navigate(home + "console");
        page.getByTestId("replication-link").click();
        assertThat(page.getByTestId("replication-title")).hasText("Database replication");
        assertThat(page.getByTestId("replication-summary")).containsText("primary");
        assertThat(page.getByTestId("replication-mode")).containsText("NOT_APPLICABLE");
        Browser.screenshot(page, "console-replication");
        page.navigate(home + "host");
        assertThat(page.getByTestId("error-page")).hasAttribute("data-status", "403");
        page.context().close();
    }

    @Test
    void hostWithoutTenantSeesAClearRefusal() {
        Page page = signIn(Tokens.HOST_WITHOUT_TENANT, "en-GB");
        assertThat(page.getByTestId("error-page")).hasAttribute("data-problem", "no-tenant");
        assertThat(page.locator("h1")).hasText("No organisation assigned");
        Browser.screenshot(page, "no-tenant");
        page.context().close();
    }

    @Test
    void germanBrowserGetsGermanPagesAndCanSwitchToEnglish() {
        Page page = signIn(Tokens.HOST, "de-DE");
        page.waitForURL(url -> url.endsWith("/host"));
        assertThat(page.getByTestId("dashboard-title")).hasText("Willkommen, Hanna");
        Browser.screenshot(page, "host-dashboard-de");
        page.locator(".langswitch a[lang=en]").click();
        assertThat(page.getByTestId("dashboard-title")).hasText("Welcome, Hanna");
        page.context().close();
    }

    private static Path shotOrFail(Path shot) {
        assertTrue(Files.exists(shot), "no screenshot at " + shot);
        return shot;
    }

    private static String readDownload(com.microsoft.playwright.Download download) {
        try {
            return Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
