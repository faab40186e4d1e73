package eu.plenum.media.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A relayed host is believed only as signed: same key, same request, fresh, and once. */
class RelayedHostsTest {

    private static final String KEY = "a-links-key-of-this-installation-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final byte[] OFFER = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n".getBytes(StandardCharsets.UTF_8);
    private static final RelayedHosts.Host HOST = new RelayedHosts.Host("acme", "user-1");

    private static RelayedHosts at(Instant now) {
        return new RelayedHosts(KEY, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSignedHostIsBelievedOnceForTheRequestItWasSignedFor() {
        String header = at(NOW).sign("POST", "/api/rooms/r/whip", OFFER, HOST);
        RelayedHosts owner = at(NOW.plusSeconds(2));
        assertEquals(Optional.of(HOST), owner.verify(header, "POST", "/api/rooms/r/whip", OFFER));
        assertEquals(Optional.empty(), owner.verify(header, "POST", "/api/rooms/r/whip", OFFER), "a replay is refused");
    }

    @Test
    void anythingChangedOrStaleIsRefused() {
        String header = at(NOW).sign("POST", "/api/rooms/r/whip", OFFER, HOST);
        assertEquals(Optional.empty(), at(NOW).verify(header, "DELETE", "/api/rooms/r/whip", OFFER), "another method");
        assertEquals(Optional.empty(), at(NOW).verify(header, "POST", "/api/rooms/other/whip", OFFER), "another room");
        assertEquals(Optional.empty(), at(NOW).verify(header, "POST", "/api/rooms/r/whip", "v=0".getBytes(StandardCharsets.UTF_8)),
                "another offer");
        assertEquals(Optional.empty(), at(NOW.plus(RelayedHosts.VALIDITY).plusSeconds(1)).verify(header, "POST", "/api/rooms/r/whip", OFFER),
                "too old");
        assertEquals(Optional.empty(), new RelayedHosts("another-installations-links-key-9876543210", Clock.fixed(NOW, ZoneOffset.UTC))
                .verify(header, "POST", "/api/rooms/r/whip", OFFER), "another key");
        String[] parts = header.split("\\.");
        parts[3] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("globex".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), at(NOW).verify(String.join(".", parts), "POST", "/api/rooms/r/whip", OFFER), "another tenant");
        assertEquals(Optional.empty(), at(NOW).verify("v1.garbage", "POST", "/api/rooms/r/whip", OFFER));
        assertTrue(at(NOW).verify(header, "POST", "/api/rooms/r/whip", OFFER).isPresent(), "the untouched header still passes");
    }
}
