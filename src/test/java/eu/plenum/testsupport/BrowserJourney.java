package eu.plenum.testsupport;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the browser journeys: one Chromium per test class, and the test application's address. */
public abstract class BrowserJourney {

    protected static Browser browser;

    @TestHTTPResource("/")
    protected URL home;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
