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
    private static final String PLAY_RECORDING = script("play-recording.js");

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
        Map<String, Object> frame = new java.util.HashMap<>((Map<String, Object>) page.evaluate(FRAME, name));
        frame.putAll(VideoFrames.sample(page, "#whep-viewer-" + name));
        return frame;
    }

    /** Closes the viewer's connection and DELETEs its WHEP resource; the DELETE's status. */
    public int leave(String name, String pass) {
        return ((Number) page.evaluate(LEAVE, List.of(name, pass))).intValue();
    }

    /**
     * Waits (up to a minute) until the viewer shows a picture that is not black and advances by 1.5 s
     * while {@code also} holds; returns that frame, or fails with the last one seen.
     */
    public Map<String, Object> awaitPicture(String name, java.util.function.Predicate<Map<String, Object>> also)
            throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        Map<String, Object> frame = frame(name);
        double start = -1;
        while (java.time.Instant.now().isBefore(deadline)) {
            frame = frame(name);
            double now = ((Number) frame.get("currentTime")).doubleValue();
            boolean picture = Boolean.TRUE.equals(frame.get("connected")) && ((Number) frame.get("brightness")).doubleValue() > 10
                    && ((Number) frame.get("width")).intValue() > 0;
            if (picture && also.test(frame)) {
                if (start < 0) {
                    start = now;
                } else if (now - start >= 1.5) {
                    return frame;
                }
            } else {
                start = -1;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("viewer " + name + " shows no advancing picture: " + frame);
    }

    /** Plays a recording URL in a video element, seeks to the middle: duration, seekedTo, after (or error). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> playRecording(String url) {
        return (Map<String, Object>) page.evaluate(PLAY_RECORDING, url);
    }

    public Page page() {
        return page;
    }

    private static String script(String name) {
        return PageScripts.load("/whep/" + name);
    }
}
