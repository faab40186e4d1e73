package eu.plenum.testsupport;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/**
 * Glass-to-glass latency on one machine: a Chromium page publishes a canvas that shows its
 * Date.now() as 32 black/white blocks (WHIP); another page of the same browser watches over WHEP
 * and, for every presented frame, decodes the blocks and subtracts them from its own Date.now().
 */
public final class LatencyPages {

    private static final String PUBLISH = PageScripts.load("/bench/latency-publish.js");
    private static final String WATCH = PageScripts.load("/bench/latency-watch.js");
    private static final String READ = PageScripts.load("/bench/latency-read.js");

    private LatencyPages() {
    }

    /** Publishes the clock canvas; the map has status and location on 201. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> publishClock(Page page, String whipUrl, String credential) {
        return (Map<String, Object>) page.evaluate(PUBLISH, List.of(whipUrl, credential));
    }

    /** Starts watching and sampling; the map has status. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> watchClock(Page page, String whepUrl, String pass) {
        return (Map<String, Object>) page.evaluate(WATCH, List.of(whepUrl, pass));
    }

    /** The samples since the last read: count, unreadable, p50, p95, min, max (ms), frameWidth. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Page page) {
        return (Map<String, Object>) page.evaluate(READ);
    }
}
