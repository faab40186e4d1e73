package eu.plenum.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.BrowserJourney;
import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * A tenant's data-protection officer in Debian's Chromium: signs in to the request queue, opens an
 * access request for a registrant, sees the export's bar, and downloads the ZIP. Screenshots go to
 * target/screenshots/.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RequestsPageJourneyTest extends BrowserJourney {

    @Test
    void officerOpensAnAccessRequestAndDownloadsTheExport() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String email = "fenna." + run + "@queue.example";
        Attendees.joinToken(Attendees.recordedWebinar("Queue " + run), "Fenna Warteschlange", email);

        Page page = browser.signIn(home.toString(), "dpo-acme", "en-GB");
        page.waitForURL(url -> url.endsWith("/console/compliance/requests"));
        assertThat(page.getByTestId("requests-title")).hasText("Data-subject requests");
        assertThat(page.locator("#tenantId option")).hasCount(1); // only the officer's own tenant
        page.locator("#email").fill(email);
        page.locator("#kind").selectOption("ACCESS");
        page.getByTestId("request-form").locator("button").click();
        Locator row = page.locator("tr:has-text('" + email + "')");
        assertThat(row).hasCount(1);
        Browser.screenshot(page, "compliance-requests");
        // The page reloads itself while the export runs; the bar gives way to the download.
        for (int i = 0; i < 120 && row.getByTestId("export-download").count() == 0; i++) {
            page.waitForTimeout(1000);
            page.reload();
        }
        assertThat(row.getByTestId("export-download")).isVisible();
        Download download = page.waitForDownload(() -> row.getByTestId("export-download").click());
        try (ZipFile zip = new ZipFile(download.path().toFile())) {
            assertTrue(zip.getEntry("summary.html") != null && zip.getEntry("registrations.json") != null);
            assertTrue(new String(zip.getInputStream(zip.getEntry("registrations.json")).readAllBytes()).contains(email));
        }
        Files.deleteIfExists(download.path());
        page.context().close();
    }
}
