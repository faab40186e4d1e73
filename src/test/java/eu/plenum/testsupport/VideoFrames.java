package eu.plenum.testsupport;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.Map;

/** Whether a page's video element plays: its picture is not black and its position advances. */
public final class VideoFrames {

    private static final String SAMPLE = PageScripts.load("/whep/element-frame.js");

    private VideoFrames() {
    }

    /** currentTime, width and mean brightness of the element {@code selector} now. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> sample(Page page, String selector) {
        return (Map<String, Object>) page.evaluate(SAMPLE, selector);
    }

    /** Waits (up to a minute) until the element shows a picture that advances by {@code seconds}; returns the last sample. */
    public static Map<String, Object> awaitPlaying(Page page, String selector, double seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        Map<String, Object> frame = sample(page, selector);
        double start = -1;
        while (Instant.now().isBefore(deadline)) {
            frame = sample(page, selector);
            double now = ((Number) frame.get("currentTime")).doubleValue();
            boolean picture = ((Number) frame.get("width")).intValue() > 0 && ((Number) frame.get("brightness")).doubleValue() > 10;
            if (picture && start < 0) {
                start = now;
            } else if (picture && now - start >= seconds) {
                return frame;
            } else if (!picture) {
                start = -1;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(selector + " shows no advancing picture: " + frame);
    }

    /**
     * Waits (up to a minute) until the element plays a picture of the aspect ratio {@code ratio}
     * (width / height; a sender may scale its resolution down, never its shape); returns the last sample.
     */
    public static Map<String, Object> awaitPlayingShape(Page page, String selector, double ratio) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        Map<String, Object> frame = sample(page, selector);
        while (Instant.now().isBefore(deadline)) {
            frame = awaitPlaying(page, selector, 0.5);
            double width = ((Number) frame.get("width")).doubleValue();
            double height = ((Number) frame.get("height")).doubleValue();
            if (height > 0 && Math.abs(width / height - ratio) < 0.05) {
                return frame;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(selector + " plays no picture of aspect ratio " + ratio + ": " + frame);
    }

    /** Waits (up to a minute) until the element plays a mostly red picture (the drawn screen share of {@link WhipPublishers#publishScreen}). */
    public static Map<String, Object> awaitPlayingRed(Page page, String selector) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        Map<String, Object> frame = sample(page, selector);
        while (Instant.now().isBefore(deadline)) {
            frame = awaitPlaying(page, selector, 0.5);
            if (((Number) frame.get("red")).doubleValue() > 2 * ((Number) frame.get("green")).doubleValue()) {
                return frame;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(selector + " plays no red picture: " + frame);
    }
}
