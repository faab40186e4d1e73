package eu.plenum.testsupport;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/**
 * A Chromium page whose viewers watch rooms through the real WHEP endpoint, reconnecting by
 * themselves as the attendee page does; each viewer has a name within the page.
 */
public final class WhepViewers {

    private static final String WATCH = script("watch.js");
    private static final String FRAME = script("frame.js");
    private static final String LEAVE = script("leave.js");

    private final Page page;

    /** The page opens the app's home so that WHEP requests are same-origin. */
    public WhepViewers(Browser browser, String appUrl) {
        this.page = browser.newPage("en");
        page.navigate(appUrl);
    }

    /** Starts watching; the map has status and location on 201, else status, body and retryAfter. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> watch(String whepUrl, String pass, String name) {
        return (Map<String, Object>) page.evaluate(WATCH, List.of(whepUrl, pass, name));
    }

    /** What the viewer shows now: currentTime, width, height, brightness, framesDecoded, connects, reconnects, connected. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> frame(String name) {
        return (Map<String, Object>) page.evaluate(FRAME, name);
    }

    /** Closes the viewer's connection and DELETEs its WHEP resource; the DELETE's status. */
    public int leave(String name, String pass) {
        return ((Number) page.evaluate(LEAVE, List.of(name, pass))).intValue();
    }

    public Page page() {
        return page;
    }

    private static String script(String name) {
        return PageScripts.load("/whep/" + name);
    }
}
