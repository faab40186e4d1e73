package eu.plenum.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trusted-proxy walk: forwarded addresses count only when a declared edge or proxy sent them. */
class ClientAddressesTest {

    private final ClientAddresses edges = ClientAddresses.of(Optional.of(List.of("10.20.0.0/16", "127.0.0.5", "2001:db8:e::/48")));

    @Test
    void withoutDeclaredProxiesTheSocketPeerIsTheClientWhateverItForwards() {
        ClientAddresses none = ClientAddresses.of(Optional.empty());
        assertEquals("203.0.113.9", none.resolve("203.0.113.9", "for=198.51.100.1", "198.51.100.2"));
    }

    @Test
    void anUndeclaredPeerCannotSpoofItsAddress() {
        assertEquals("127.0.0.6", edges.resolve("127.0.0.6", null, "198.51.100.7"));
        assertEquals("10.21.0.1", edges.resolve("10.21.0.1", "for=198.51.100.7", null));
    }

    @Test
    void aDeclaredEdgeForwardsTheRealClient() {
        assertEquals("198.51.100.7", edges.resolve("127.0.0.5", null, "198.51.100.7"));
        assertEquals("198.51.100.7", edges.resolve("10.20.3.4", "for=\"198.51.100.7:4711\";proto=https", null));
        assertEquals("2001:db8::7", edges.resolve("2001:db8:e::1", "for=\"[2001:db8::7]:4711\"", null));
    }

    @Test
    void whatAClientPrependsBeforeTheEdgeIsIgnored() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the edge appended the address it saw.
        assertEquals("198.51.100.7", edges.resolve("127.0.0.5", null, "1.2.3.4, 198.51.100.7"));
        // Two declared hops: the walk goes past both.
        assertEquals("198.51.100.7", edges.resolve("127.0.0.5", null, "1.2.3.4, 198.51.100.7, 10.20.0.9"));
    }

    @Test
    void garbageInTheChainStopsTheWalkAtTheLastHopThatIsKnown() {
        assertEquals("127.0.0.5", edges.resolve("127.0.0.5", null, "not-an-address"));
        assertEquals("127.0.0.5", edges.resolve("127.0.0.5", "for=unknown", null));
        assertEquals("127.0.0.5", edges.resolve("127.0.0.5", null, "evil.example.org"));
    }

    @Test
    void blocksAreLiteralAddressesOnly() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("edge.example.org"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertEquals(true, Cidr.parse("10.0.0.0/8").contains("10.255.1.2"));
        assertEquals(false, Cidr.parse("10.0.0.0/8").contains("11.0.0.1"));
        assertEquals(false, Cidr.parse("10.0.0.0/8").contains("::ffff:1"));
    }
}
