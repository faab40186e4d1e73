package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.TurnServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plenum's minted credentials against a real coturn with the production configuration (deploy/eu-regions/base/turnserver.conf), in a
 * network namespace with only loopback: a fresh credential relays to a platform media address, an expired or
 * forged one gets no allocation, a relay to a denied address (private, cloud metadata) is refused, and the
 * server's log keeps no client address of a successful session.
 */
class TurnRelayIT {

    private static final String SECRET = "turn-relay-it-secret-" + java.util.UUID.randomUUID();
    private static final String RELAY = "turn:127.0.0.1:" + TurnServer.PORT + "?transport=udp";
    private static final int PEER_PORT = 3480;

    private static TurnServer turn;

    @BeforeAll
    static void startTurn() {
        turn = TurnServer.start(SECRET);
        // The "media worker": an echoing UDP peer on the platform's (allowed) media address.
        turn.start("turnutils_peer", "-L", "127.0.0.1", "-p", String.valueOf(PEER_PORT));
    }

    @AfterAll
    static void stopTurn() {
        if (turn != null) {
            turn.close();
        }
    }

    private static IceServer minted(String secret, Duration lifetime) {
        return new TurnCredentials(List.of(RELAY), secret, lifetime, Clock.systemUTC()).mint().orElseThrow();
    }

    private static TurnServer.Result relay(IceServer credential, String peer, int port) {
        return turn.run("turnutils_uclient", "-u", credential.username(), "-w", credential.credential(),
                "-e", peer, "-r", String.valueOf(port), "-n", "5", "-m", "1", "-c", "127.0.0.1");
    }

    @Test
    void aFreshCredentialRelaysToTheMediaAddressAndTheLogKeepsNoClientAddress() {
        TurnServer.Result result = relay(minted(SECRET, Duration.ofMinutes(10)), "127.0.0.1", PEER_PORT);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("tot_recv_msgs=5"), result.output());
        assertFalse(Pattern.compile("127\\.0\\.0\\.1:[0-9]+").matcher(turn.log()).find(),
                "coturn logged a client address and port:\n" + turn.log());
    }

    @Test
    void anExpiredCredentialGetsNoAllocation() {
        TurnServer.Result result = relay(minted(SECRET, Duration.ofMinutes(-1)), "127.0.0.1", PEER_PORT);
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Cannot complete Allocation"), result.output());
    }

    @Test
    void aCredentialUnderAnotherSecretGetsNoAllocation() {
        TurnServer.Result result = relay(minted("not-the-servers-secret-but-long-enough-anyway", Duration.ofMinutes(10)),
                "127.0.0.1", PEER_PORT);
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Cannot complete Allocation"), result.output());
    }

    @Test
    void relaysToPrivateAndMetadataAddressesAreRefused() {
        for (String denied : List.of("169.254.169.254", "10.1.2.3", "192.168.1.1", "100.64.0.1", "172.16.0.1")) {
            TurnServer.Result result = relay(minted(SECRET, Duration.ofMinutes(10)), denied, 80);
            assertNotEquals(0, result.exitCode(), denied + ": " + result.output());
            assertTrue(result.output().contains("403 (Forbidden IP)"), denied + ": " + result.output());
        }
    }
}
