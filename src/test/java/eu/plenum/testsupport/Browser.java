package eu.plenum.testsupport;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java, headless, with no browser download and no
 * background traffic. One instance per test class; close it at the end.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    /** Fake camera and microphone, and the loopback candidate the test namespace needs (MEDIA.md). */
    private static final List<String> MEDIA_FLAGS = List.of("--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection");

    private Browser() {
        this(List.of());
    }

    private Browser(List<String> extraFlags) {
        this(CHROMIUM, extraFlags);
    }

    private Browser(Path executable, List<String> extraFlags) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is missing at " + CHROMIUM + ": run .ci/install");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true)
                .setArgs(java.util.stream.Stream.concat(FLAGS.stream(), extraFlags.stream()).toList()));
    }

    /** Debian's Chromium started through {@code launcher} (a script that runs it elsewhere, e.g. {@link Netns#wrapper}). */
    public static Browser launchThrough(Path launcher) {
        return new Browser(launcher, List.of());
    }

    public static Browser launch() {
        return new Browser();
    }

    /** A Chromium that publishes a fake camera (moving test pattern) and microphone over WebRTC. */
    public static Browser launchWithFakeMedia() {
        return new Browser(MEDIA_FLAGS);
    }

    /** A fresh, isolated profile (no cookies) with the given browser language. */
    public Page newPage(String locale) {
        BrowserContext context = chromium.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 800));
        return context.newPage();
    }

    /** A fresh page signed in through the real Keycloak login form, starting from Plenum's home page. */
    public Page signIn(String home, String username, String locale) {
        Page page = newPage(locale);
        page.navigate(home);
        page.getByTestId("sign-in").first().click();
        page.waitForURL(url -> url.startsWith(PlenumTestServers.keycloak().url()));
        page.locator("#username").fill(username);
        page.locator("#password").fill(Tokens.password(username));
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(home));
        return page;
    }

    /** Saves a full-page screenshot under target/screenshots/ for people to look at. */
    public static Path screenshot(Page page, String name) {
        Path file = ProjectPaths.target("screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
