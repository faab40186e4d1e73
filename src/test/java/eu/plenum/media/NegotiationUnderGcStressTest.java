package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The negotiation layer under a garbage collector that never rests (MEDIA.md traps 3 and 4 lost
 * answers or crashed the JVM this way). GStreamer runs in a JVM of its own ({@link GcStressRun},
 * 64 MB heap, so each forced collection is quick): a native fault shows as a crashed child, not a
 * dead test run. Gathering happens on loopback only; no remote candidate is ever given, so no
 * packet is sent. Each publisher also starts and stops a recording that never gets media: it must
 * end at once, empty, with no file left.
 */
class NegotiationUnderGcStressTest {

    private static final int NEGOTIATIONS = 40;
    private static final String OFFER = WhipEndpointTest.OFFER
            + "a=ice-ufrag:Gx1q\r\na=ice-pwd:Q3zyyQn5PcGkAvL9vFEbmcQb\r\na=ice-options:trickle\r\n"
            + "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\r\n"
            + "a=setup:actpass\r\na=rtcp-mux\r\na=rtcp-rsize\r\na=rtcp-fb:96 nack pli\r\na=ssrc:1001 cname:stress\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendonly\r\na=rtpmap:111 opus/48000/2\r\n"
            + "a=ice-ufrag:Gx1q\r\na=ice-pwd:Q3zyyQn5PcGkAvL9vFEbmcQb\r\n"
            + "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\r\n"
            + "a=setup:actpass\r\na=rtcp-mux\r\na=ssrc:1002 cname:stress\r\n";

    @Test
    void everyNegotiationAnswersWhileTheGcRunsContinuously() throws Exception {
        Path offer = Files.createTempFile("offer", ".sdp");
        Files.writeString(offer, OFFER.replace("a=group:BUNDLE 0", "a=group:BUNDLE 0 1"));
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx64m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                GcStressRun.class.getName(), String.valueOf(NEGOTIATIONS), offer.toString());
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the stress run did not end: " + output);
        assertEquals(0, run.exitValue(), "exit " + run.exitValue() + (run.exitValue() > 128 ? " (signal " + (run.exitValue() - 128)
                + ": the JVM crashed)" : "") + "\n" + output);
        java.util.regex.Matcher result = java.util.regex.Pattern.compile("ANSWERED (\\d+) EMPTY (\\d+) COLLECTIONS (\\d+)").matcher(output);
        assertTrue(result.find(), output);
        assertEquals(NEGOTIATIONS, Integer.parseInt(result.group(1)));
        assertEquals(NEGOTIATIONS, Integer.parseInt(result.group(2)), "each publisher's recording without media ended empty: " + output);
        assertTrue(Integer.parseInt(result.group(3)) > NEGOTIATIONS, "the GC ran throughout: " + result.group(3) + " collections");
    }
}
