package eu.plenum.testsupport;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/** A Chromium page that publishes its fake camera and microphone through the real WHIP endpoint. */
public final class WhipPublishers {

    private static final String PUBLISH = script("publish.js");
    private static final String UNPUBLISH = script("unpublish.js");
    private static final String VIDEO_STATS = script("video-stats.js");
    private static final String CAMERA_ON = script("camera-on.js");

    private final Page page;

    /** The page opens the app's home so that WHIP requests are same-origin. */
    public WhipPublishers(Browser browser, String appUrl) {
        this.page = browser.newPage("en");
        page.navigate(appUrl);
    }

    /** Publishes from a page already open (a signed-in host's, whose WHIP requests carry the session cookie: credential null). */
    public WhipPublishers(Page page) {
        this.page = page;
    }

    /** Publishes; the map has status, and location and goLiveMs (ms from POST to answer) on 201. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> publish(String whipUrl, String credential, int width, int height) {
        return (Map<String, Object>) page.evaluate(PUBLISH, java.util.Arrays.asList(whipUrl, credential, width, height));
    }

    /** Publishes a screen share: a drawn {@code width} x {@code height} picture (red, a white bar moving), no audio. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> publishScreen(String whipUrl, String credential, int width, int height) {
        return (Map<String, Object>) page.evaluate(PUBLISH, List.of(whipUrl, credential, width, height, true));
    }

    /** Ends a session; the map has the DELETE status and publishedMs (how long media flowed). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> unpublish(String location) {
        return (Map<String, Object>) page.evaluate(UNPUBLISH, location);
    }

    /** Switches the camera on for a publisher that went live with it off (width 0 in {@link #publish}). */
    public void cameraOn(String location, int width, int height) {
        page.evaluate(CAMERA_ON, java.util.List.of(location, width, height));
    }

    /** The browser's own count of PLIs received and key frames encoded for a publisher's video. */
    @SuppressWarnings("unchecked")
    public Map<String, Number> videoStats(String location) {
        return (Map<String, Number>) page.evaluate(VIDEO_STATS, location);
    }

    public Page page() {
        return page;
    }

    private static String script(String name) {
        return PageScripts.load("/whip/" + name);
    }
}
