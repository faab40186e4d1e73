package eu.plenum.compliance.retention;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.BrowserJourney;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The retention console page in Chromium, signed in through Keycloak: the operator reaches it from the
 * console home and sees each category's rule, what is due and the register's downloads, in German too.
 */
@QuarkusTest
@TestProfile(RetentionClockProfile.class)
@WithTestResource(PlenumTestServers.class)
class RetentionPageJourneyTest extends BrowserJourney {

    @Test
    void theOperatorSeesRulesDueCountsAndTheRegister() {
        eu.plenum.testsupport.Webinars.create(Tokens.HOST, eu.plenum.testsupport.Webinars.sample("Retention page")); // acme exists
        Page page = browser.signIn(home.toString(), Tokens.ADMIN, "en-GB");
        page.waitForURL(url -> url.endsWith("/console"));
        page.getByTestId("retention-link").click();
        assertThat(page.getByTestId("retention-title")).hasText("Retention and records of processing");
        page.navigate(home + "console/compliance/retention?tenant=acme");
        assertThat(page.locator("[data-testid=retention-rules] tr[data-category=attendance]")).containsText("365 days");
        assertThat(page.locator("[data-testid=retention-rules] tr[data-category=recordings]")).containsText("until deleted");
        assertThat(page.locator("[data-testid=retention-rules] tr[data-category=sent-mail-bodies]")).containsText("1 day");
        assertThat(page.locator("[data-testid=retention-rules] tr[data-category=live-events] [data-due-now]")).hasText("0");
        assertThat(page.locator("a[href='/console/compliance/retention/register/tenants/acme/csv?lang=de']")).isVisible();
        Browser.screenshot(page, "retention-acme");
        page.locator("a[href='/console/compliance/retention/register/all/html?lang=de']").click();
        assertThat(page.getByTestId("record-operator")).containsText("Verzeichnis der Verarbeitung des Betreibers");
        assertThat(page.getByTestId("record-acme")).containsText("Technische und organisatorische Maßnahmen");
        Browser.screenshot(page, "register-de");
        page.context().close();

        Page german = browser.signIn(home.toString(), Tokens.ADMIN, "de-DE");
        german.waitForURL(url -> url.endsWith("/console"));
        german.navigate(home + "console/compliance/retention?tenant=acme");
        assertThat(german.getByTestId("retention-title")).hasText("Aufbewahrung und Verarbeitungsverzeichnis");
        assertThat(german.locator("[data-testid=retention-rules] tr[data-category=attendance]")).containsText("365 Tage");
        german.context().close();
    }
}
