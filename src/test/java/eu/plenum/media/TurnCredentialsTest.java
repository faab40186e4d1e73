package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.media.turn.TurnConfig;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credentials follow coturn's REST-API scheme, so coturn accepts them with the shared secret alone. */
class TurnCredentialsTest {

    private static final String SECRET = "a-test-secret-of-more-than-32-characters";
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    private final TurnCredentials credentials = new TurnCredentials(List.of("turn:127.0.0.1:3478?transport=udp"), SECRET,
            Duration.ofMinutes(10), NOW);

    @Test
    void theUsernameIsTheExpiryAndARandomIdAndTheCredentialItsHmacSha1() {
        IceServer server = credentials.mint().orElseThrow();
        assertTrue(server.username().matches("1800000600:[0-9a-f]{18}"), server.username());
        assertEquals(TurnCredentials.credential(SECRET.getBytes(StandardCharsets.UTF_8), server.username()), server.credential());
        assertNotEquals(server.username(), credentials.mint().orElseThrow().username(), "each mint names a new random id");
    }

    @Test
    void theCredentialMatchesOpenssl() {
        // printf '1800000600:abc' | openssl dgst -sha1 -hmac a-test-secret-of-more-than-32-characters -binary | base64
        assertEquals("nKZhSPBM6+X+xXLtOuWg6IobItg=", TurnCredentials.credential(SECRET.getBytes(StandardCharsets.UTF_8), "1800000600:abc"));
    }

    @Test
    void linkHeadersAndPageJsonNameTheRelay() {
        IceServer server = new IceServer(List.of("turn:127.0.0.1:3478?transport=udp"), "1:ab", "c2Vj");
        assertEquals(List.of("<turn:127.0.0.1:3478?transport=udp>; rel=\"ice-server\"; username=\"1:ab\"; credential=\"c2Vj\";"
                + " credential-type=\"password\""), server.linkHeaders());
        assertEquals("[{\"urls\":[\"turn:127.0.0.1:3478?transport=udp\"],\"username\":\"1:ab\",\"credential\":\"c2Vj\"}]",
                IceServer.json(Optional.of(server)));
        assertEquals("[]", IceServer.json(Optional.empty()));
    }

    @Test
    void noRelayDeclaredMeansNoIceServer() {
        assertTrue(new TurnCredentials(List.of(), SECRET, Duration.ofMinutes(10), NOW).mint().isEmpty());
    }

    @Test
    void productionRefusesADeclaredRelayWithoutARealSecret() {
        assertTrue(TurnCredentials.problem(true, Optional.empty()).orElseThrow().startsWith("No TURN secret"));
        assertTrue(TurnCredentials.problem(true, Optional.of(TurnConfig.DEV_SECRET)).orElseThrow().startsWith("No TURN secret"));
        assertTrue(TurnCredentials.problem(true, Optional.of("short")).orElseThrow().contains("shorter than 32"));
        assertTrue(TurnCredentials.problem(true, Optional.of(SECRET)).isEmpty());
        assertTrue(TurnCredentials.problem(false, Optional.empty()).isEmpty());
    }
}
