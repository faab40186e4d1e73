package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.TurnServer;
import eu.plenum.testsupport.WhepViewers;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A publisher and a viewer behind networks that let only TURN through: Chromium with
 * {@code iceTransportPolicy: "relay"} publishes over WHIP and watches over WHEP through a real coturn with the
 * production configuration and credentials Plenum mints; both peers' selected candidate pair is a relayed one
 * and the viewer's picture moves. (Here the browser, coturn and the media workers share the test JVM's
 * loopback-only namespace, so the relay policy, not a missing route, keeps the direct path out.)
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RelayOnlyMediaTest {

    private static final String APP = "http://localhost:8081/";
    private static final String SECRET = "relay-only-test-secret-" + UUID.randomUUID();
    /** The type of the local candidate of the peer connection's selected pair ("host", "srflx", "relay"). */
    private static final String SELECTED_LOCAL_TYPE = """
            async pc => {
              const stats = await pc.getStats();
              let pairId = null;
              stats.forEach(report => { if (report.type === 'transport' && report.selectedCandidatePairId) pairId = report.selectedCandidatePairId; });
              if (!pairId) stats.forEach(report => { if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded') pairId = report.id; });
              const pair = pairId && stats.get(pairId);
              const local = pair && stats.get(pair.localCandidateId);
              return local ? local.candidateType : 'none';
            }""";

    private static Browser browser;
    private static TurnServer turn;

    @Inject
    ViewerPasses passes;

    @BeforeAll
    static void start() {
        turn = TurnServer.startHere(SECRET);
        browser = Browser.launchWithFakeMedia();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (turn != null) {
            turn.close();
        }
    }

    @Test
    void aPublisherAndAViewerThatMayOnlyRelayPublishAndWatchThroughTurn() throws Exception {
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Relayed only");
        WhipPublishers publishers = new WhipPublishers(browser, APP);
        relayOnly(publishers.page());
        Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 320, 240);
        assertEquals(201, published.get("status"), String.valueOf(published));
        assertEquals("relay", publishers.page().evaluate("location => (" + SELECTED_LOCAL_TYPE + ")(window.plenumPublishers[location].pc)",
                published.get("location")), "the publisher's media goes through the relay");

        WhepViewers viewers = new WhepViewers(browser, APP);
        relayOnly(viewers.page());
        String pass = passes.mint(UUID.fromString(room.id()), UUID.randomUUID(), Duration.ofMinutes(10));
        Map<String, Object> watching = viewers.watch(APP + "api/rooms/" + room.id() + "/whep", pass, "relayed");
        assertEquals(201, watching.get("status"), String.valueOf(watching));
        viewers.awaitPicture("relayed", frame -> true);
        assertEquals("relay", viewers.page().evaluate("(" + SELECTED_LOCAL_TYPE + ")(window.plenumViewers.relayed.pc)"),
                "the viewer's media comes through the relay");
        publishers.unpublish((String) published.get("location"));
    }

    /** The page's next peer connections may use only the relay, with credentials Plenum mints for it. */
    private static void relayOnly(Page page) {
        IceServer relay = new TurnCredentials(List.of("turn:127.0.0.1:" + turn.port() + "?transport=udp"), SECRET, Duration.ofMinutes(10),
                Clock.systemUTC()).mint().orElseThrow();
        page.evaluate("([urls, username, credential]) => window.plenumRtcConfig = "
                + "{iceServers: [{urls, username, credential}], iceTransportPolicy: 'relay'}",
                List.of(relay.urls(), relay.username(), relay.credential()));
    }
}
