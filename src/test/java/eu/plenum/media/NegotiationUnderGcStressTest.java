package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.media.pipeline.RoomPipeline;
import eu.plenum.media.pipeline.TrackKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The negotiation layer under a garbage collector that never rests (MEDIA.md traps 3 and 4 lost
 * answers or crashed the JVM this way). GStreamer runs in this test's JVM: a native fault ends
 * the test run. Gathering happens on loopback only; no remote candidate is ever given, so no
 * packet is sent.
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
        String offer = OFFER.replace("a=group:BUNDLE 0", "a=group:BUNDLE 0 1");
        Path folder = Files.createTempDirectory("gc-stress");
        RoomPipeline room = new RoomPipeline("gc-stress", folder, List.of("127.0.0.1"), false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger collections = new AtomicInteger();
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
                collections.incrementAndGet();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-stress");
        collector.start();
        int answered = 0;
        try {
            for (int i = 0; i < NEGOTIATIONS; i++) {
                String answer = room.publish("p" + i, offer, EnumSet.of(TrackKind.VIDEO, TrackKind.AUDIO), false);
                assertTrue(answer.startsWith("v=0"), answer);
                assertTrue(answer.contains("a=rtpmap:96 VP8/90000") && answer.toLowerCase().contains("opus/48000"), answer);
                assertTrue(answer.contains("a=candidate:") && answer.contains("127.0.0.1"), "loopback candidate in the answer: " + answer);
                assertTrue(answer.contains("a=recvonly") && answer.contains("a=rtcp-fb:96 nack pli"), "key frames can be requested: " + answer);
                room.unpublish("p" + i);
                answered++;
            }
        } finally {
            running.set(false);
            collector.join();
            room.close();
        }
        assertEquals(NEGOTIATIONS, answered);
        assertTrue(collections.get() > NEGOTIATIONS, "the GC ran throughout: " + collections.get() + " collections");
    }
}
